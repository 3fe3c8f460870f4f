"""/api/v1/ write API of the sociale kaart: diensten, locaties, aanbieders."""

import pytest

from socialebasis.accounts.models import Rol
from socialebasis.audit.models import Verwerking
from socialebasis.kaart.models import Dienst, Locatie, Publicatie
from socialebasis.kaart.tests.factories import term

pytestmark = pytest.mark.django_db


@pytest.fixture
def als(api, kaart_utrecht):
    def inloggen(user):
        api.force_authenticate(user=user)
        return api

    return inloggen


def _nieuw(**extra):
    return {
        "naam": "Breiclub",
        "beschrijving": "Samen breien en thee drinken.",
        "categorieen": [str(term("ontmoeting").id)],
        "doelgroepen": ["ouderen"],
        "kosten": "gratis",
        **extra,
    }


def test_aanbieder_maakt_concept_redacteur_publiceert(als, kaart_utrecht, utrecht):
    c = als(utrecht.users[Rol.AANBIEDER])
    r = c.post("/api/v1/diensten", _nieuw(locatie=str(kaart_utrecht.huis.id)), format="json")
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["publicatie"] == "concept" and body["gemeente"] == "GM0344"
    assert body["organisatie"] == str(kaart_utrecht.org.id)
    assert body["locatie"] == str(kaart_utrecht.huis.id)
    assert "laatstGecontroleerd" in body and "naam_en" not in body  # camelCase
    d = Dienst.objects.get(pk=body["id"])
    assert d.punt_lat is not None and d.wijzigingen.filter(soort="create").exists()
    assert Verwerking.objects.filter(naam="kaart.dienst.aanmaken").exists()
    # Not public yet, and the aanbieder cannot publish.
    assert c.get(f"/api/hsds/services/{d.id}").status_code == 404
    r = c.post(f"/api/v1/diensten/{d.id}/publiceren")
    assert r.status_code == 403 and r["Content-Type"] == "application/problem+json"
    # Change: history per field, stays concept.
    r = c.patch(f"/api/v1/diensten/{d.id}", {"naam": "Breiclub De Boog"}, format="json")
    assert r.status_code == 200 and r.json()["publicatie"] == "concept"
    w = d.wijzigingen.get(veld="naam", soort="update")
    assert (w.oud, w.nieuw, w.door) == (
        "Breiclub",
        "Breiclub De Boog",
        utrecht.users[Rol.AANBIEDER],
    )

    c = als(utrecht.users[Rol.COORDINATOR])
    r = c.post(f"/api/v1/diensten/{d.id}/publiceren")
    assert r.status_code == 200 and r.json()["publicatie"] == "gepubliceerd"
    assert c.post(f"/api/v1/diensten/{d.id}/publiceren").status_code == 409
    assert d.wijzigingen.filter(veld="publicatie", nieuw=Publicatie.GEPUBLICEERD).exists()
    assert Verwerking.objects.filter(naam="kaart.dienst.publiceren").exists()
    c.force_authenticate(user=None)
    assert c.get(f"/api/hsds/services/{d.id}").json()["name"] == "Breiclub De Boog"


def test_fouten_zijn_problem_json_met_veldnamen(als, kaart_utrecht, utrecht, amsterdam):
    c = als(utrecht.users[Rol.AANBIEDER])
    r = c.post("/api/v1/diensten", _nieuw(categorieen=[], naam=""), format="json")
    assert r.status_code == 400 and r["Content-Type"] == "application/problem+json"
    namen = {p["name"] for p in r.json()["invalidParams"]}
    assert {"naam", "categorieen"} <= namen
    # A location of another organisation cannot be used.
    from socialebasis.kaart.tests.factories import LocatieFactory

    vreemd = LocatieFactory()
    r = c.post("/api/v1/diensten", _nieuw(locatie=str(vreemd.id)), format="json")
    assert r.status_code == 400
    assert [p["name"] for p in r.json()["invalidParams"]] == ["locatie"]
    # A redacteur must name the organisation.
    c = als(utrecht.users[Rol.BEHEERDER])
    r = c.post("/api/v1/diensten", _nieuw(), format="json")
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "organisatie"
    r = c.post("/api/v1/diensten", _nieuw(organisatie=str(kaart_utrecht.org.id)), format="json")
    assert r.status_code == 201
    assert r.json()["publicatie"] == "concept"


def test_andere_gemeente_ziet_niets(als, kaart_utrecht, utrecht, amsterdam):
    concept = kaart_utrecht.concept
    for rol in (Rol.AANBIEDER, Rol.COORDINATOR, Rol.BEHEERDER):
        c = als(amsterdam.users[rol])
        assert c.get("/api/v1/diensten").json()["count"] == 0, rol
        assert c.get(f"/api/v1/diensten/{concept.id}").status_code == 404
        assert c.post(f"/api/v1/diensten/{concept.id}/publiceren").status_code == 404
        r = c.patch(f"/api/v1/diensten/{concept.id}", {"naam": "Gekaapt"}, format="json")
        assert r.status_code == 404
        assert c.get(f"/api/v1/locaties/{kaart_utrecht.ver.id}").status_code == 404
        assert c.get("/api/v1/locaties").json()["count"] == 0
    concept.refresh_from_db()
    assert concept.naam == "Nieuwe taalcafé concept" and concept.publicatie == "concept"


def test_lijst_is_gepagineerd_en_zonder_slash(als, kaart_utrecht, utrecht):
    c = als(utrecht.users[Rol.COORDINATOR])
    r = c.get("/api/v1/diensten", {"pageSize": 2})
    assert r.status_code == 200
    body = r.json()
    assert body["count"] == 4 and len(body["results"]) == 2 and body["next"]
    assert c.get("/api/v1/diensten/").status_code == 404


def test_locatie_aanmaken_en_wijzigen(als, kaart_utrecht, utrecht):
    utrecht.buurt.postcode_meest = "3561"
    utrecht.buurt.save()
    c = als(utrecht.users[Rol.AANBIEDER])
    r = c.post(
        "/api/v1/locaties",
        {
            "naam": "Wijkcentrum Noord",
            "straat": "Noorderlaan 5",
            "postcode": "3561ab",
            "plaats": "Utrecht",
            "toegankelijkheid": ["rolstoeltoegankelijk"],
        },
        format="json",
    )
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["postcode"] == "3561 AB" and body["buurt"] == utrecht.buurt.code
    assert body["wijk"] == utrecht.wijk.code and body["organisatie"] == str(kaart_utrecht.org.id)
    loc = Locatie.objects.get(pk=body["id"])
    assert Verwerking.objects.filter(naam="kaart.locatie.aanmaken").exists()
    r = c.patch(f"/api/v1/locaties/{loc.id}", {"postcode": "12"}, format="json")
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "postcode"
    r = c.patch(
        f"/api/v1/locaties/{kaart_utrecht.huis.id}", {"straat": "Boogstraat 9"}, format="json"
    )
    assert r.status_code == 200 and r.json()["straat"] == "Boogstraat 9"
    assert r.json()["buurt"] == utrecht.buurt.code  # unchanged place: buurt kept
    assert kaart_utrecht.inloop.wijzigingen.filter(
        veld="locatie.straat", nieuw="Boogstraat 9"
    ).exists()
    # The keepers see the confidential address; the public never does.
    r = c.get(f"/api/v1/locaties/{kaart_utrecht.ver.id}")
    assert r.json()["straat"] == "Verborgenlaan 99" and r.json()["vertrouwelijk"] is True
    c.force_authenticate(user=None)
    assert c.get(f"/api/v1/locaties/{kaart_utrecht.ver.id}").status_code == 401
    assert "Verborgenlaan" not in c.get("/api/hsds/service_at_locations").content.decode()


def test_aanbieders(als, kaart_utrecht, utrecht):
    c = als(utrecht.users[Rol.AANBIEDER])
    assert [a["naam"] for a in c.get("/api/v1/aanbieders").json()["results"]] == [
        "Buurthuis Utrecht"
    ]
    r = c.get(f"/api/v1/aanbieders/{kaart_utrecht.org.id}")
    assert r.status_code == 200 and r.json()["naam"] == "Buurthuis Utrecht"
