"""Role matrix of the sociale kaart.

The public HSDS API lives at /api/hsds/ (AllowAny, read-only). The /api/v1/ write API
(kaart/api_v1.py: diensten, locaties, aanbieders) is for aanbieder staff and redacteuren only.
Below: every role and anonymous × the public pages, the HSDS API, the upkeep pages (entries and
locations) and the /api/v1/ routes, own and other gemeente.
"""

import pytest
from django.urls import reverse

from socialebasis.accounts.models import Rol

GEDEKT: set[str] = {
    "dienst-list",
    "dienst-detail",
    "dienst-publiceren",
    "locatie-list",
    "locatie-detail",
    "aanbieder-list",
    "aanbieder-detail",
}

pytestmark = pytest.mark.django_db

BEHEER = {Rol.AANBIEDER, Rol.COORDINATOR, Rol.BEHEERDER}
REDACTIE = {Rol.COORDINATOR, Rol.BEHEERDER}


@pytest.mark.parametrize("rol", [None, *Rol])
def test_rolmatrix(client, kaart_utrecht, utrecht, amsterdam, rol):
    if rol is not None:
        client.force_login(utrecht.users[rol])
    # public for everyone
    assert client.get(reverse("kaart:zoeken")).status_code == 200
    assert client.get(reverse("kaart:dienst", args=[kaart_utrecht.inloop.id])).status_code == 200
    assert client.get("/api/hsds/services").json()["total_items"] == 3
    # concept: only its owner organisation and the redacteuren of the gemeente
    concept = client.get(reverse("kaart:dienst", args=[kaart_utrecht.concept.id])).status_code
    assert concept == (200 if rol in BEHEER else 404)
    # upkeep pages
    lijst = client.get(reverse("kaart:beheer"))
    if rol is None:
        assert lijst.status_code == 302
    else:
        assert lijst.status_code == (200 if rol in BEHEER else 403)
    beoordelen = client.get(reverse("kaart:beoordelen"))
    if rol is not None:
        assert beoordelen.status_code == (200 if rol in REDACTIE else 403)
        if rol in REDACTIE:
            assert "Nieuwe taalcafé concept" in beoordelen.content.decode()
    # other gemeente: never an edit page of Utrecht's entries
    if rol is not None:
        client.force_login(amsterdam.users[rol])
        r = client.get(reverse("kaart:bewerken", args=[kaart_utrecht.inloop.id]))
        assert r.status_code in ((404,) if rol in BEHEER else (403,))
        assert (
            client.get(reverse("kaart:dienst", args=[kaart_utrecht.concept.id])).status_code == 404
        )


@pytest.mark.parametrize("rol", [None, *Rol])
def test_rolmatrix_locatiepaginas(client, kaart_utrecht, utrecht, amsterdam, rol):
    paden = [
        reverse("kaart:locaties"),
        reverse("kaart:locatie-nieuw"),
        reverse("kaart:locatie-bewerken", args=[kaart_utrecht.huis.id]),
    ]
    if rol is None:
        for pad in paden:
            r = client.get(pad)
            assert r.status_code == 302 and "/account/inloggen" in r["Location"], pad
        return
    client.force_login(utrecht.users[rol])
    for pad in paden:
        assert client.get(pad).status_code == (200 if rol in BEHEER else 403), pad
    client.force_login(amsterdam.users[rol])
    r = client.get(paden[2])
    assert r.status_code == (404 if rol in BEHEER else 403)


@pytest.mark.parametrize("rol", [None, *Rol])
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_rolmatrix_api_v1(api, kaart_utrecht, utrecht, amsterdam, rol, welke):
    """Own gemeente: aanbieder and redacteuren see the Utrecht entries (concepts too) and only a
    redacteur publishes. Other gemeente: 404 on every object, empty lists. Others: 403/401."""
    if rol is not None:
        api.force_authenticate(user=(utrecht if welke == "eigen" else amsterdam).users[rol])
    d, loc, org = kaart_utrecht.concept, kaart_utrecht.huis, kaart_utrecht.org
    paden = {
        "dienst-list": "/api/v1/diensten",
        "dienst-detail": f"/api/v1/diensten/{d.id}",
        "locatie-list": "/api/v1/locaties",
        "locatie-detail": f"/api/v1/locaties/{loc.id}",
        "aanbieder-list": "/api/v1/aanbieders",
        "aanbieder-detail": f"/api/v1/aanbieders/{org.id}",
    }
    for naam, pad in paden.items():
        r = api.get(pad)
        if rol is None:
            assert r.status_code == 401, naam
        elif rol not in BEHEER:
            assert r.status_code == 403, naam
        elif naam.endswith("-list"):
            assert r.status_code == 200
            assert r.json()["count"] == (0 if welke == "ander" else r.json()["count"]), naam
            if welke == "eigen":
                assert r.json()["count"] >= 1, naam
        else:
            assert r.status_code == (200 if welke == "eigen" else 404), naam
        if rol is not None and r.status_code >= 400:
            assert r["Content-Type"] == "application/problem+json"
    wijzigen = api.patch(paden["dienst-detail"], {"naam": "Taalcafé"}, format="json")
    publiceren = api.post(f"/api/v1/diensten/{d.id}/publiceren")
    if rol is None:
        assert (wijzigen.status_code, publiceren.status_code) == (401, 401)
    elif rol not in BEHEER:
        assert (wijzigen.status_code, publiceren.status_code) == (403, 403)
    elif welke == "ander":
        assert (wijzigen.status_code, publiceren.status_code) == (404, 404)
    else:
        assert wijzigen.status_code == 200
        assert publiceren.status_code == (200 if rol in REDACTIE else 403)
    d.refresh_from_db()
    gepubliceerd = rol in REDACTIE and welke == "eigen"
    assert d.publicatie == ("gepubliceerd" if gepubliceerd else "concept")
