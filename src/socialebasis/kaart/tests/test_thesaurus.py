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


CATEGORIE = {
    "naam": "Vervoer en boodschappen",
    "naam_en": "Transport",
    "beschrijving": "Rijden.",
    "beschrijving_en": "",
    "code": "vervoer",
}


def test_categorieen_gelden_landelijk_en_alleen_het_platform_wijzigt_ze(client, utrecht):
    """A gemeente's beheerder cannot change the categories every other gemeente uses."""
    t = term("vervoer")
    beheerder = utrecht.users[Rol.BEHEERDER]
    client.force_login(beheerder)
    assert client.post(reverse("kaart:categorie", args=[t.id]), CATEGORIE).status_code == 403
    pagina = client.get(reverse("kaart:thesaurus")).content.decode()
    assert "beheerder van het platform past ze aan" in pagina
    assert reverse("kaart:categorie", args=[t.id]) not in pagina
    t.refresh_from_db()
    assert t.naam != "Vervoer en boodschappen"

    beheerder.is_superuser = True
    beheerder.save()
    r = client.post(reverse("kaart:categorie", args=[t.id]), CATEGORIE)
    assert r.status_code == 302
    t.refresh_from_db()
    assert t.naam == "Vervoer en boodschappen"


def test_zoekwoorden_per_gemeente(client, kaart_utrecht, utrecht, amsterdam):
    """Each gemeente keeps its own words; national words are the platform's."""
    client.force_login(utrecht.users[Rol.BEHEERDER])
    client.post(reverse("kaart:thesaurus"), {"woord": "weduwe", "termen": [term("ontmoeting").id]})
    eigen = Zoekwoord.objects.get(woord="weduwe")
    assert eigen.gemeente == utrecht.gemeente
    landelijk = Zoekwoord.objects.filter(gemeente__isnull=True).first()
    assert landelijk is not None  # seeded
    r = client.post(reverse("kaart:zoekwoord-verwijderen", args=[landelijk.pk]))
    assert r.status_code == 403 and Zoekwoord.objects.filter(pk=landelijk.pk).exists()

    # Amsterdam does not see, nor remove, Utrecht's word; it can have the same word itself
    client.force_login(amsterdam.users[Rol.BEHEERDER])
    assert "weduwe" not in client.get(reverse("kaart:thesaurus")).content.decode()
    r = client.post(reverse("kaart:zoekwoord-verwijderen", args=[eigen.pk]))
    assert r.status_code == 404 and Zoekwoord.objects.filter(pk=eigen.pk).exists()
    client.post(reverse("kaart:thesaurus"), {"woord": "weduwe", "termen": [term("mantelzorg").id]})
    assert Zoekwoord.objects.filter(woord="weduwe").count() == 2

    # the platform beheerder keeps the national list
    platform = amsterdam.users[Rol.BEHEERDER]
    platform.is_superuser = True
    platform.save()
    client.post(
        reverse("kaart:thesaurus"), {"woord": "thuiszitter", "termen": [term("ontmoeting").id]}
    )
    assert Zoekwoord.objects.get(woord="thuiszitter").gemeente is None
    r = client.post(reverse("kaart:zoekwoord-verwijderen", args=[landelijk.pk]))
    assert r.status_code == 302 and not Zoekwoord.objects.filter(pk=landelijk.pk).exists()
