"""Role matrix for the Koppelen API: every role (+ anonymous) × endpoint × own/other gemeente.

The user always belongs to Utrecht; "eigen" targets Utrecht's records, "ander" Amsterdam's.
Each gemeente has: a volunteer (the vrijwilliger account of that gemeente) with an offer, a
waiting request of the consenting resident ('koppelen'), an active match with the team resident
('in_team', who also consented) and a concern about that resident routed to the team.
"""

import uuid

import pytest

from socialebasis.accounts.models import Rol
from socialebasis.koppelen import services
from socialebasis.koppelen.tests.conftest import koppelwereld

ANON = "anoniem"
ROLLEN = [ANON, *Rol]

GEDEKT = {
    "vrijwilliger-list",
    "vrijwilliger-detail",
    "vrijwilliger-status",
    "aanbod-list",
    "aanbod-detail",
    "hulpvraag-list",
    "hulpvraag-detail",
    "hulpvraag-beoordeling",
    "koppeling-list",
    "koppeling-detail",
    "koppeling-acceptatie",
    "koppeling-afwijzing",
    "zorgsignaal-list",
    "zorgsignaal-detail",
}

# What each role sees in its OWN gemeente (never anything of another gemeente).
ZIET = {
    "vrijwilligers": {Rol.COORDINATOR: {"vrijwilliger"}, Rol.VRIJWILLIGER: {"vrijwilliger"}},
    "aanbod": {Rol.COORDINATOR: {"aanbod"}, Rol.VRIJWILLIGER: {"aanbod"}},
    "hulpvragen": {Rol.COORDINATOR: {"wachtend", "gekoppeld"}, Rol.PROFESSIONAL: {"gekoppeld"}},
    "koppelingen": {Rol.COORDINATOR: {"k"}, Rol.VRIJWILLIGER: {"k"}},
    "zorgsignalen": {Rol.PROFESSIONAL: {"signaal"}, Rol.VRIJWILLIGER: {"signaal"}},
}


def _wereld(t):
    w = koppelwereld(t, status="actief")
    w.signaal = services.zorgsignaal_melden(t.users[Rol.VRIJWILLIGER], w.k, "Zorgen.")
    return w


@pytest.fixture
def werelden(utrecht, amsterdam):
    return {"eigen": _wereld(utrecht), "ander": _wereld(amsterdam)}


def _client(api, werelden, rol):
    if rol != ANON:
        api.force_authenticate(user=werelden["eigen"].t.users[rol])
    return api


def _id(obj):
    return str(obj.uuid)


@pytest.mark.parametrize("rol", ROLLEN)
def test_lijsten(api, werelden, rol):
    c = _client(api, werelden, rol)
    for pad in ZIET:
        r = c.get(f"/api/v1/{pad}")
        if rol == ANON:
            assert r.status_code == 401
            continue
        assert r.status_code == 200
        gezien = {uuid.UUID(x["id"]) for x in r.json()["results"]}
        verwacht = ZIET[pad].get(rol, set())
        for welke, w in werelden.items():
            for naam in _soort_van_pad(pad):
                zichtbaar = welke == "eigen" and naam in verwacht
                assert (getattr(w, naam).uuid in gezien) == zichtbaar, (pad, welke, naam)


def _soort_van_pad(pad):
    return {
        "vrijwilligers": ["vrijwilliger"],
        "aanbod": ["aanbod"],
        "hulpvragen": ["wachtend", "gekoppeld"],
        "koppelingen": ["k"],
        "zorgsignalen": ["signaal"],
    }[pad]


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_detail_per_gemeente(api, werelden, rol, welke):
    c = _client(api, werelden, rol)
    for pad in ZIET:
        for naam in _soort_van_pad(pad):
            obj = getattr(werelden[welke], naam)
            r = c.get(f"/api/v1/{pad}/{obj.uuid}")
            if rol == ANON:
                assert r.status_code == 401
            else:
                mag = welke == "eigen" and naam in ZIET[pad].get(rol, set())
                assert r.status_code == (200 if mag else 404), (pad, naam, r.content)


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_voorstel_accepteren_of_afwijzen(api, werelden, rol, welke):
    for actie in ["acceptatie", "afwijzing"]:
        _accepteren_of_afwijzen(api, werelden, rol, welke, actie)


def _accepteren_of_afwijzen(api, werelden, rol, welke, actie):
    k = werelden[welke].k
    k.status = "voorgesteld"
    k.save()
    k.hulpvraag.status = "gekoppeld"
    k.hulpvraag.save()
    c = _client(api, werelden, rol)
    r = c.post(f"/api/v1/koppelingen/{k.uuid}/{actie}", {}, format="json")
    if rol == ANON:
        assert r.status_code == 401
    elif welke == "ander" or rol not in (Rol.COORDINATOR, Rol.VRIJWILLIGER):
        assert r.status_code == 404
    else:
        assert r.status_code == 200, r.content
        k.refresh_from_db()
        assert k.status == ("geaccepteerd" if actie == "acceptatie" else "afgewezen")
        # twice is a clear Dutch refusal, not a crash
        r = c.post(f"/api/v1/koppelingen/{k.uuid}/{actie}", {}, format="json")
        assert r.status_code == 400 and "kan niet naar" in r.json()["detail"] + str(r.json())


def test_vrijwilliger_ziet_adres_pas_na_acceptatie_in_api(api, werelden):
    w = werelden["eigen"]
    w.k.status = "voorgesteld"
    w.k.save()
    c = _client(api, werelden, Rol.VRIJWILLIGER)
    inwoner = c.get(f"/api/v1/koppelingen/{w.k.uuid}").json()["inwoner"]
    assert inwoner["voornaam"] == w.t.in_team.voornaam and "straat" not in inwoner
    assert "achternaam" not in inwoner
    c.post(f"/api/v1/koppelingen/{w.k.uuid}/acceptatie")
    inwoner = c.get(f"/api/v1/koppelingen/{w.k.uuid}").json()["inwoner"]
    assert inwoner["straat"] == "Lange Nieuwstraat"


def test_inwoner_ziet_eigen_koppeling_beperkt(api, werelden):
    w = werelden["eigen"]
    w.gekoppeld.persoon = w.t.eigen
    w.gekoppeld.save()
    c = _client(api, werelden, Rol.INWONER)
    r = c.get("/api/v1/koppelingen")
    [k] = r.json()["results"]
    assert k["vrijwilligerVoornaam"] == w.vrijwilliger.persoon.voornaam
    assert set(k) == {"id", "soortHulp", "status", "kennismakingOp", "vrijwilligerVoornaam"}
    assert c.get(f"/api/v1/hulpvragen/{w.gekoppeld.uuid}").status_code == 200


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_hulpvraag_aanmaken(api, werelden, rol, welke):
    c = _client(api, werelden, rol)
    persoon = werelden[welke].t.in_team
    r = c.post(
        "/api/v1/hulpvragen",
        {"persoon": str(persoon.uuid), "soortHulp": "klussen", "toestemmingKoppelen": True},
        format="json",
    )
    if rol == ANON:
        assert r.status_code == 401
    elif rol not in (Rol.PROFESSIONAL, Rol.COORDINATOR):
        assert r.status_code == 403
    elif welke == "ander":
        assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "persoon"
    else:
        assert r.status_code == 201, r.content
        assert r.json()["status"] == "wachtend"


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_zorgsignaal_melden(api, werelden, rol, welke):
    c = _client(api, werelden, rol)
    k = werelden[welke].k
    r = c.post(
        "/api/v1/zorgsignalen",
        {"koppeling": str(k.uuid), "omschrijving": "Valt vaak."},
        format="json",
    )
    if rol == ANON:
        assert r.status_code == 401
    elif rol != Rol.VRIJWILLIGER:
        assert r.status_code == 403
    elif welke == "ander":
        assert r.status_code == 404
    else:
        assert r.status_code == 201, r.content
        assert r.json()["status"] == "ontvangen"


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_vrijwilliger_status_wijzigen(api, werelden, rol, welke):
    w = werelden[welke]
    w.vrijwilliger.status = "intake"
    w.vrijwilliger.save()
    c = _client(api, werelden, rol)
    url = f"/api/v1/vrijwilligers/{w.vrijwilliger.uuid}/status"
    r = c.post(url, {"status": "actief", "toelichting": "intake gedaan"}, format="json")
    w.vrijwilliger.refresh_from_db()
    if rol == ANON:
        assert r.status_code == 401
    elif welke == "ander" or rol not in (Rol.COORDINATOR, Rol.VRIJWILLIGER):
        assert r.status_code == 404
    elif rol == Rol.VRIJWILLIGER:
        assert r.status_code == 403  # sees themself, but the coördinator decides
    else:
        assert r.status_code == 200, r.content
        assert r.json()["status"] == "actief" and w.vrijwilliger.status == "actief"
        assert w.vrijwilliger.historie.last().toelichting == "intake gedaan"
        # an invalid step: 400 with a Dutch explanation
        r = c.post(url, {"status": "aangemeld"}, format="json")
        assert r.status_code == 400
        assert "Een vrijwilliger met status 'actief' kan niet naar 'aangemeld'." in str(r.json())
        r = c.post(url, {"status": "met vakantie"}, format="json")
        assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "status"
        return
    assert w.vrijwilliger.status == "intake"


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_aanbod_aanmaken(api, werelden, rol, welke):
    w = werelden[welke]
    c = _client(api, werelden, rol)
    r = c.post(
        "/api/v1/aanbod",
        {
            "vrijwilliger": str(w.vrijwilliger.uuid),
            "soortHulp": "wandelen",
            "capaciteit": 2,
            "dagen": [5, 6],
            "straalM": 1500,
        },
        format="json",
    )
    if rol == ANON:
        assert r.status_code == 401
    elif rol != Rol.COORDINATOR:
        assert r.status_code == 403
    elif welke == "ander":
        assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "vrijwilliger"
    else:
        assert r.status_code == 201, r.content
        assert r.json()["vrijwilliger"] == str(w.vrijwilliger.uuid)
        assert r.json()["actief"] is True  # the volunteer is active already
        return
    assert not w.vrijwilliger.aanbod.filter(soort="wandelen").exists()


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_aanbod_wijzigen(api, werelden, rol, welke):
    w = werelden[welke]
    c = _client(api, werelden, rol)
    url = f"/api/v1/aanbod/{w.aanbod.uuid}"
    wijziging = {"capaciteit": 1, "dagen": [0], "straalM": 800, "dieten": ["halal"]}
    r = c.patch(url, wijziging, format="json")
    w.aanbod.refresh_from_db()
    mag = welke == "eigen" and rol in (Rol.COORDINATOR, Rol.VRIJWILLIGER)
    assert r.status_code == (200 if mag else 401 if rol == ANON else 404), r.content
    if not mag:
        assert w.aanbod.capaciteit == 3
        return
    assert (w.aanbod.capaciteit, w.aanbod.dagen, w.aanbod.straal_m) == (1, [0], 800)
    assert w.aanbod.dieten == ["halal"]
    r = c.patch(url, {"dieten": ["pizza"]}, format="json")
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"].startswith("dieten")
    r = c.patch(url, {"actief": False}, format="json")
    w.aanbod.refresh_from_db()
    if rol == Rol.VRIJWILLIGER:
        assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "actief"
        assert w.aanbod.actief
    else:
        assert r.status_code == 200 and not w.aanbod.actief
    assert c.put(url, wijziging, format="json").status_code == 405


@pytest.mark.parametrize("rol", ROLLEN)
def test_hulpvraag_voor_zichzelf(api, werelden, rol):
    """Only a resident asks for themself (with an organisation of their gemeente)."""
    w = werelden["eigen"]
    c = _client(api, werelden, rol)
    r = c.post(
        "/api/v1/hulpvragen",
        {"soortHulp": "klussen", "organisatie": w.org.pk, "toestemmingKoppelen": True},
        format="json",
    )
    if rol == ANON:
        assert r.status_code == 401
    elif rol == Rol.INWONER:
        assert r.status_code == 201, r.content
        assert r.json()["persoon"] == str(w.t.eigen.uuid)
    elif rol in (Rol.PROFESSIONAL, Rol.COORDINATOR):
        assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "persoon"
    else:
        assert r.status_code == 403


# ---- UI pages of the resident ---------------------------------------------------------------
@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_inwonerpaginas(client, werelden, rol, welke):
    w = werelden[welke]
    w.wachtend.persoon = w.t.eigen
    w.wachtend.save()
    if rol != ANON:
        client.force_login(werelden["eigen"].t.users[rol])
    for pad in ("/koppelen/mijn", "/koppelen/mijn/nieuw"):
        r = client.get(pad)
        if rol == ANON:
            assert r.status_code == 302 and "/account/inloggen" in r["Location"]
        else:
            assert r.status_code == (200 if rol == Rol.INWONER else 403), (pad, rol)
    r = client.post(f"/koppelen/mijn/{w.wachtend.uuid}/intrekken")
    w.wachtend.refresh_from_db()
    if rol == ANON:
        assert r.status_code == 302 and "/account/inloggen" in r["Location"]
    elif rol != Rol.INWONER:
        assert r.status_code == 403
    elif welke == "ander":
        assert r.status_code == 404
    else:
        assert r.status_code == 302 and w.wachtend.status == "gesloten"
        return
    assert w.wachtend.status == "wachtend"


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_hulpvraag_beoordelen(api, werelden, rol, welke):
    """Only the coördinator of the gemeente sets urgency and vulnerability of a request."""
    w = werelden[welke]
    c = _client(api, werelden, rol)
    url = f"/api/v1/hulpvragen/{w.wachtend.uuid}/beoordeling"
    r = c.post(url, {"urgentie": 2, "kwetsbaar": True}, format="json")
    w.wachtend.refresh_from_db()
    if rol == ANON:
        assert r.status_code == 401
    elif welke == "ander" or rol != Rol.COORDINATOR:
        assert r.status_code == 404
    else:
        assert r.status_code == 200, r.content
        assert r.json()["urgentie"] == 2 and r.json()["kwetsbaar"] is True
        assert w.wachtend.urgentie == 2 and w.wachtend.kwetsbaar
        r = c.post(url, {"urgentie": 7, "kwetsbaar": False}, format="json")
        assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "urgentie"
        return
    assert w.wachtend.urgentie == 0 and not w.wachtend.kwetsbaar
