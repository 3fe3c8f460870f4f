import pytest
from django.urls import reverse

from socialebasis.accounts.models import Rol
from socialebasis.kaart.models import Zoekwoord
from socialebasis.kaart.tests.factories import term

pytestmark = pytest.mark.django_db


def test_beheerder_voegt_zoekwoord_toe_en_inwoners_vinden_ermee(client, kaart_utrecht, utrecht):
    zoek = reverse("kaart:zoeken")
    assert "Koffie-inloop" not in client.get(zoek, {"q": "weduwe"}).content.decode()
    client.force_login(utrecht.users[Rol.COORDINATOR])
    assert client.get(reverse("kaart:thesaurus")).status_code == 403
    client.force_login(utrecht.users[Rol.BEHEERDER])
    r = client.post(
        reverse("kaart:thesaurus"), {"woord": "Weduwe", "termen": [term("ontmoeting").id]}
    )
    assert r.status_code == 302
    assert "Koffie-inloop" in client.get(zoek, {"q": "ik ben weduwe"}).content.decode()
    zw = Zoekwoord.objects.get(woord="weduwe")
    client.post(reverse("kaart:zoekwoord-verwijderen", args=[zw.pk]))
    assert not Zoekwoord.objects.filter(woord="weduwe").exists()


def test_beheerder_wijzigt_categorie(client, utrecht):
    client.force_login(utrecht.users[Rol.BEHEERDER])
    t = term("vervoer")
    r = client.post(
        reverse("kaart:categorie", args=[t.id]),
        {
            "naam": "Vervoer en boodschappen",
            "naam_en": "Transport",
            "beschrijving": "Rijden.",
            "beschrijving_en": "",
            "code": "vervoer",
        },
    )
    assert r.status_code == 302
    t.refresh_from_db()
    assert t.naam == "Vervoer en boodschappen"
