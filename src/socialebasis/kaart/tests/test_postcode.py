"""Postcode for the distance sort: public search page and HSDS postcode + proximity."""

import re

import pytest
from django.urls import reverse

from socialebasis.gebieden.models import Gebied, Niveau
from socialebasis.kaart.tests.factories import AdresFactory, DienstFactory, LocatieFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def postcodes(kaart_utrecht, utrecht):
    """The fixture buurt (near De Boog) has PC4 3561; a far buurt 3581 has 'Wandelclub Ver'."""
    utrecht.buurt.postcode_meest = "3561"
    utrecht.buurt.save()
    ver_buurt = Gebied.objects.create(
        code="BU03440199",
        naam="Verre Buurt",
        niveau=Niveau.BUURT,
        gemeente=utrecht.gemeente,
        ouder=utrecht.wijk,
        punt_lat=52.2,
        punt_lon=5.3,
        postcode_meest="3581",
    )
    loc = LocatieFactory(organisatie=kaart_utrecht.org, naam="Parkhuis", lat=52.2005, lon=5.3005)
    AdresFactory(locatie=loc, straat="Parklaan 3")
    kaart_utrecht.ver = DienstFactory(
        organisatie=kaart_utrecht.org,
        gemeente=utrecht.gemeente,
        naam="Wandelclub Ver",
        beschrijving="Samen wandelen in het park.",
        termen=["bewegen"],
        locatie=loc,
    )
    kaart_utrecht.ver_buurt = ver_buurt
    return kaart_utrecht


def _volgorde(html, *namen):
    return sorted(namen, key=lambda n: html.index(n))


def test_postcode_sorteert_op_afstand(client, postcodes):
    html = client.get(reverse("kaart:zoeken"), {"postcode": "3581 ab"}).content.decode()
    assert _volgorde(html, "Wandelclub Ver", "Koffie-inloop De Boog")[0] == "Wandelclub Ver"
    assert "Wat het dichtst bij postcode 3581 ligt" in html and "Verre Buurt" in html
    assert "ongeveer 0.1 km" in html or "ongeveer 0,1 km" in html
    html = client.get(reverse("kaart:zoeken"), {"postcode": "3561"}).content.decode()
    assert _volgorde(html, "Wandelclub Ver", "Koffie-inloop De Boog")[0] == "Koffie-inloop De Boog"
    # The form keeps what the resident typed, normalised.
    assert 'value="3561"' in html


@pytest.mark.parametrize(
    ("postcode", "melding"),
    [
        ("35", "Vul een postcode in met vier cijfers"),
        ("3511 SS", "de letters SA, SD en SS worden niet gebruikt"),
        ("9999", "Deze postcode kennen we niet in de sociale kaart"),
    ],
)
def test_foute_postcode_geeft_melding_bij_het_veld(client, postcodes, postcode, melding):
    r = client.get(reverse("kaart:zoeken"), {"postcode": postcode, "q": "koken"})
    assert r.status_code == 200
    html = r.content.decode()
    fout = re.search(r'id="id_postcode_fout">([^<]*)<', html)
    assert fout and melding in fout.group(1)
    assert 'href="#id_postcode"' in html  # the error summary links to the field
    # The other filters still work.
    assert "Kookclub Samen Eten" in html and "Wandelclub Ver" not in html


def test_htmx_vernieuwt_melding_bij_het_postcodeveld(client, postcodes):
    """htmx swaps only #resultaten; the error summary and the postcode field come along out of
    band, so a message appears at the field and disappears again once the postcode is right."""
    fout = client.get(reverse("kaart:zoeken"), {"postcode": "12"}, headers={"HX-Request": "true"})
    html = fout.content.decode()
    assert "<form" not in html and 'id="resultaten"' in html
    assert '<div id="zoekfouten" hx-swap-oob="true">' in html
    assert re.search(r'<div id="veld-postcode"[^>]*hx-swap-oob="true"', html)
    assert 'id="id_postcode_fout"' in html and 'href="#id_postcode"' in html
    assert 'id="veld-q"' not in html  # the field being typed in is never replaced
    goed = client.get(
        reverse("kaart:zoeken"), {"postcode": "3581"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert '<div id="zoekfouten" hx-swap-oob="true"></div>' in goed
    assert "id_postcode_fout" not in goed and "Wandelclub Ver" in goed


# --- HSDS ------------------------------------------------------------------------------------


def _namen(r):
    assert r.status_code == 200, r.content
    return [x["name"] for x in r.json()["contents"]]


def _diensten(r):
    assert r.status_code == 200, r.content
    return [x["service_id"] for x in r.json()["contents"]]


def test_hsds_services_postcode_en_proximity(client, postcodes):
    namen = _namen(client.get("/api/hsds/services", {"postcode": "3581"}))
    assert namen[0] == "Wandelclub Ver" and len(namen) == 4
    # within 1 km of the centre of 3581: only the walking club
    assert _namen(client.get("/api/hsds/services", {"postcode": "3581", "proximity": "1000"})) == [
        "Wandelclub Ver"
    ]
    dichtbij = _namen(client.get("/api/hsds/services", {"postcode": "3561", "proximity": "500"}))
    assert set(dichtbij) == {"Koffie-inloop De Boog", "Kookclub Samen Eten", "Praatgroep vrouwen"}


def test_hsds_service_at_locations_postcode_en_proximity(client, postcodes):
    pad = "/api/hsds/service_at_locations"
    ver = str(postcodes.ver.id)
    assert _diensten(client.get(pad, {"postcode": "3581 AB", "proximity": "2000"})) == [ver]
    alle = _diensten(client.get(pad, {"postcode": "3561"}))
    assert len(alle) == 4 and alle[-1] == ver
    assert _diensten(client.get(pad, {"postcode": "3561"}))[0] != ver


@pytest.mark.parametrize(
    ("params", "woord"),
    [
        ({"postcode": "35"}, "postcode"),
        ({"postcode": "3511 SA"}, "postcode"),
        ({"postcode": "1012"}, "onbekend"),
        ({"postcode": "3561", "proximity": "ver"}, "proximity"),
        ({"postcode": "3561", "proximity": "-5"}, "proximity"),
        ({"proximity": "1000"}, "proximity"),
    ],
)
@pytest.mark.parametrize("pad", ["/api/hsds/services", "/api/hsds/service_at_locations"])
def test_hsds_foute_postcode_is_400(client, postcodes, params, woord, pad):
    r = client.get(pad, params)
    assert r.status_code == 400
    assert r["Access-Control-Allow-Origin"] == "*"
    assert woord in r.json()["detail"]


def test_hsds_proximity_verraadt_geheim_adres_niet(client, postcodes):
    """The confidential 'Geheim huis' lies at 52.2, 5.3 — right next to postcode 3581's centre.
    It must count at its wijk's point (52.10, 5.11), so a small radius there never finds it."""
    geheim = str(postcodes.geheim.id)
    assert (postcodes.ver_buurt.punt_lat, postcodes.ver_buurt.punt_lon) == (52.2, 5.3)
    for pad in ("/api/hsds/services", "/api/hsds/service_at_locations"):
        r = client.get(pad, {"postcode": "3581", "proximity": "3000", "per_page": 100})
        assert r.status_code == 200
        tekst = r.content.decode()
        assert geheim not in tekst and "Praatgroep vrouwen" not in tekst, pad
    # Near its wijk's point it is found, still without its address.
    r = client.get("/api/hsds/service_at_locations", {"postcode": "3561", "proximity": "1500"})
    assert geheim in _diensten(r)
    tekst = r.content.decode()
    assert "Verborgenlaan" not in tekst and "3599" not in tekst and "Geheim huis" not in tekst
    assert "52.2" not in tekst
