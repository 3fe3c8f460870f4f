"""Aanbieder upkeep of locations: add, change, buurt from the postcode, confidential address,
history and audit, and no access to another organisation's places."""

import pytest
from django.urls import reverse

from socialebasis.accounts.models import Rol
from socialebasis.accounts.tests.factories import OrganisatieFactory as PlatformOrganisatie
from socialebasis.audit.models import Verwerking
from socialebasis.kaart.models import Locatie
from socialebasis.kaart.tests.factories import LocatieFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def aanbieder(client, kaart_utrecht, utrecht):
    utrecht.buurt.postcode_meest = "3561"
    utrecht.buurt.save()
    client.force_login(utrecht.users[Rol.AANBIEDER])
    return client


def _gegevens(**extra):
    return {
        "naam": "Wijkcentrum Noord",
        "straat": "Noorderlaan 5",
        "postcode": "3561 ab",
        "plaats": "Utrecht",
        "toegankelijkheid": ["rolstoeltoegankelijk", "ringleiding"],
        **extra,
    }


def test_aanbieder_voegt_locatie_toe_en_buurt_volgt_uit_postcode(aanbieder, kaart_utrecht, utrecht):
    r = aanbieder.get(reverse("kaart:locatie-nieuw"))
    assert r.status_code == 200 and "Straat en huisnummer" in r.content.decode()
    r = aanbieder.post(reverse("kaart:locatie-nieuw"), _gegevens())
    assert r.status_code == 302
    loc = Locatie.objects.get(naam="Wijkcentrum Noord")
    assert loc.organisatie == kaart_utrecht.org
    assert (loc.buurt, loc.wijk) == (utrecht.buurt, utrecht.wijk)
    adres = loc.adressen.get()
    assert (adres.straat, adres.postcode, adres.plaats) == ("Noorderlaan 5", "3561 AB", "Utrecht")
    assert loc.toegankelijkheid == ["rolstoeltoegankelijk", "ringleiding"]
    assert Verwerking.objects.filter(
        naam="kaart.locatie.aanmaken", verwerkingsactiviteit="sociale-kaart-beheer"
    ).exists()
    # It can now be chosen as 'Waar' for an entry, and is on the list.
    assert "Wijkcentrum Noord" in aanbieder.get(reverse("kaart:nieuw")).content.decode()
    assert "Noorderlaan 5" in aanbieder.get(reverse("kaart:locaties")).content.decode()


def test_buurt_kiezen_en_foute_postcode(aanbieder, utrecht):
    r = aanbieder.post(reverse("kaart:locatie-nieuw"), _gegevens(postcode="35 AB"))
    assert r.status_code == 200
    assert 'id="id_postcode_fout"' in r.content.decode()
    assert "vier cijfers" in r.content.decode()
    assert not Locatie.objects.filter(naam="Wijkcentrum Noord").exists()
    r = aanbieder.post(
        reverse("kaart:locatie-nieuw"), _gegevens(postcode="", buurt=str(utrecht.wijk.pk))
    )
    loc = Locatie.objects.get(naam="Wijkcentrum Noord")
    assert (loc.buurt, loc.wijk) == (None, utrecht.wijk)


def test_adres_wijzigen_houdt_geschiedenis_bij_en_verplaatst_de_stip(aanbieder, kaart_utrecht):
    huis = kaart_utrecht.huis
    pad = reverse("kaart:locatie-bewerken", args=[huis.id])
    r = aanbieder.get(pad, {"dienst": kaart_utrecht.inloop.id})
    html = r.content.decode()
    assert r.status_code == 200 and 'value="Boogstraat 1"' in html
    assert reverse("kaart:bewerken", args=[kaart_utrecht.inloop.id]) in html  # way back
    r = aanbieder.post(
        f"{pad}?dienst={kaart_utrecht.inloop.id}",
        _gegevens(naam="Buurthuis De Boog", straat="Boogstraat 3", postcode="3561 AA"),
    )
    assert r.status_code == 302
    assert r["Location"] == reverse("kaart:bewerken", args=[kaart_utrecht.inloop.id])
    w = kaart_utrecht.inloop.wijzigingen.get(veld="locatie.straat")
    assert (w.oud, w.nieuw) == ("Boogstraat 1", "Boogstraat 3")
    bewerken = aanbieder.get(reverse("kaart:bewerken", args=[kaart_utrecht.inloop.id]))
    assert "locatie.straat" in bewerken.content.decode()
    assert reverse("kaart:locatie-bewerken", args=[huis.id]) in bewerken.content.decode()
    # Public detail shows the new address.
    detail = aanbieder.get(reverse("kaart:dienst", args=[kaart_utrecht.inloop.id]))
    assert "Boogstraat 3" in detail.content.decode()


def test_geheim_maken_toont_openbaar_alleen_de_wijk(aanbieder, client, kaart_utrecht, utrecht):
    huis = kaart_utrecht.huis
    aanbieder.post(
        reverse("kaart:locatie-bewerken", args=[huis.id]),
        _gegevens(naam="Opvanghuis Het Anker", straat="Ankerweg 12", vertrouwelijk="on"),
    )
    huis.refresh_from_db()
    assert huis.vertrouwelijk
    kaart_utrecht.inloop.refresh_from_db()
    assert kaart_utrecht.inloop.buurt is None  # the public buurt is gone
    assert (kaart_utrecht.inloop.punt_lat, kaart_utrecht.inloop.punt_lon) == (52.10, 5.11)
    client.logout()
    for pad in (
        reverse("kaart:zoeken"),
        reverse("kaart:dienst", args=[kaart_utrecht.inloop.id]),
        f"/api/hsds/services/{kaart_utrecht.inloop.id}",
        "/api/hsds/service_at_locations",
    ):
        tekst = client.get(pad).content.decode()
        assert "Ankerweg" not in tekst and "Het Anker" not in tekst, pad
        assert "3561 AB" not in tekst, pad


def test_andere_organisatie_en_andere_gemeente_krijgen_404(
    client, kaart_utrecht, utrecht, amsterdam
):
    vreemd = LocatieFactory(organisatie=OrganisatieFactory(gemeente=utrecht.gemeente))
    client.force_login(utrecht.users[Rol.AANBIEDER])
    assert client.get(reverse("kaart:locatie-bewerken", args=[vreemd.id])).status_code == 404
    r = client.post(reverse("kaart:locatie-bewerken", args=[vreemd.id]), _gegevens())
    assert r.status_code == 404
    assert "Locatie" in vreemd.naam and Locatie.objects.get(pk=vreemd.pk).naam == vreemd.naam
    # A second aanbieder organisation in the same gemeente does not see De Boog either.
    ander = utrecht.users[Rol.AANBIEDER]
    ander.organisatie = PlatformOrganisatie(naam="Andere stichting")
    ander.save()
    client.force_login(ander)
    huis = reverse("kaart:locatie-bewerken", args=[kaart_utrecht.huis.id])
    assert client.get(huis).status_code == 404
    assert "Buurthuis De Boog" not in client.get(reverse("kaart:locaties")).content.decode()
    for rol in (Rol.AANBIEDER, Rol.COORDINATOR, Rol.BEHEERDER):
        client.force_login(amsterdam.users[rol])
        assert client.get(huis).status_code == 404, rol
    for rol in (Rol.INWONER, Rol.PROFESSIONAL, Rol.VRIJWILLIGER, Rol.BELEIDSMEDEWERKER):
        client.force_login(utrecht.users[rol])
        assert client.get(huis).status_code == 403, rol
        assert client.get(reverse("kaart:locatie-nieuw")).status_code == 403, rol


def test_redacteur_kiest_organisatie(client, kaart_utrecht, utrecht):
    client.force_login(utrecht.users[Rol.COORDINATOR])
    r = client.post(
        reverse("kaart:locatie-nieuw"), _gegevens(organisatie=str(kaart_utrecht.org.pk))
    )
    assert r.status_code == 302
    assert Locatie.objects.get(naam="Wijkcentrum Noord").organisatie == kaart_utrecht.org
    assert "Geheim huis" in client.get(reverse("kaart:locaties")).content.decode()
