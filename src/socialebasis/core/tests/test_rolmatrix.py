"""The role matrix: every role × every endpoint × (own gemeente, other gemeente).

Each cell states what the user notices: the status code, and for lists which residents appear.
`test_elke_api_route_staat_in_de_matrix` fails when an endpoint is added without a row here.
"""

import pytest
from django.urls import get_resolver

from socialebasis.accounts.models import Rol

ANON = "anoniem"
ROLLEN = [ANON, *Rol]
STAF = {Rol.PROFESSIONAL, Rol.COORDINATOR, Rol.AANBIEDER, Rol.BELEIDSMEDEWERKER, Rol.BEHEERDER}

# Which fixture residents each role sees in its OWN gemeente; in another gemeente: none.
ZICHTBAAR = {
    ANON: set(),
    Rol.INWONER: {"eigen"},
    Rol.VRIJWILLIGER: set(),
    Rol.PROFESSIONAL: {"in_team", "eigen"},
    Rol.COORDINATOR: {"koppelen"},
    Rol.AANBIEDER: set(),
    Rol.BELEIDSMEDEWERKER: set(),
    Rol.BEHEERDER: set(),
}
PERSONEN = ["in_team", "buiten_team", "koppelen", "eigen"]


def _client(api, tenant, rol):
    if rol != ANON:
        api.force_authenticate(user=tenant.users[rol])
    return api


def _personen(t):
    return {getattr(t, naam).uuid: naam for naam in PERSONEN}


@pytest.fixture
def wereld(utrecht, amsterdam):
    return {"eigen": utrecht, "ander": amsterdam, "ik": utrecht}


def _doel(wereld, welke):
    return wereld["eigen"] if welke == "eigen" else wereld["ander"]


# ---- public endpoints ---------------------------------------------------------------------
@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_gebieden_zijn_openbaar(api, wereld, rol, welke):
    c = _client(api, wereld["ik"], rol)
    doel = _doel(wereld, welke)
    assert c.get("/api/v1/gebieden").status_code == 200
    r = c.get(f"/api/v1/gebieden/{doel.buurt.code}")
    assert r.status_code == 200 and r.json()["naam"] == doel.buurt.naam
    assert c.get("/api/v1/openapi.json").status_code == 200


# ---- residents ----------------------------------------------------------------------------
@pytest.mark.parametrize("rol", ROLLEN)
def test_personenlijst_toont_alleen_wie_de_taak_nodig_heeft(api, wereld, rol):
    c = _client(api, wereld["ik"], rol)
    r = c.get("/api/v1/personen")
    if rol == ANON:
        assert r.status_code == 401
        return
    assert r.status_code == 200
    eigen, ander = _personen(wereld["eigen"]), _personen(wereld["ander"])
    gezien = {res["id"] for res in r.json()["results"]}
    import uuid

    gezien = {uuid.UUID(x) for x in gezien}
    assert {eigen[u] for u in gezien if u in eigen} == ZICHTBAAR[rol]
    assert not gezien & set(ander), "een andere gemeente is nooit zichtbaar"


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
@pytest.mark.parametrize("wie", PERSONEN)
def test_persoon_detail_en_toestemmingen(api, wereld, rol, welke, wie):
    c = _client(api, wereld["ik"], rol)
    p = getattr(_doel(wereld, welke), wie)
    mag = welke == "eigen" and wie in ZICHTBAAR[rol]
    verwacht = 200 if mag else (401 if rol == ANON else 404)
    assert c.get(f"/api/v1/personen/{p.uuid}").status_code == verwacht
    assert c.get(f"/api/v1/personen/{p.uuid}/toestemmingen").status_code == verwacht


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_persoon_wijzigen(api, wereld, rol, welke):
    c = _client(api, wereld["ik"], rol)
    doel = _doel(wereld, welke)
    for wie in PERSONEN:
        p = getattr(doel, wie)
        r = c.patch(f"/api/v1/personen/{p.uuid}", {"telefoon": "030-1234567"}, format="json")
        mag = welke == "eigen" and wie in ZICHTBAAR[rol]
        assert r.status_code == (200 if mag else 401 if rol == ANON else 404), (wie, r.content)
        p.refresh_from_db()
        assert (p.telefoon == "030-1234567") == mag


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_persoon_aanmaken(api, wereld, rol, welke):
    c = _client(api, wereld["ik"], rol)
    buurt = _doel(wereld, welke).buurt
    r = c.post(
        "/api/v1/personen",
        {
            "voornaam": "Nieuw",
            "postcode": "3511AB",
            "buurt": buurt.code,
            "toestemmingen": ["koppelen"],
        },
        format="json",
    )
    if rol == ANON:
        assert r.status_code == 401
    elif rol not in (Rol.PROFESSIONAL, Rol.COORDINATOR):
        assert r.status_code == 403
    elif welke == "ander":
        assert r.status_code == 400  # a buurt of another gemeente is refused
        assert r.json()["invalidParams"][0]["name"] == "buurt"
    else:
        assert r.status_code == 201, r.content
        assert r.json()["gemeente"] == wereld["eigen"].gemeente.code
        assert r.json()["postcode"] == "3511 AB"


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_toestemming_vastleggen_en_intrekken(api, wereld, rol, welke):
    c = _client(api, wereld["ik"], rol)
    doel = _doel(wereld, welke)
    for wie in PERSONEN:
        p = getattr(doel, wie)
        zichtbaar = welke == "eigen" and wie in ZICHTBAAR[rol]
        r = c.post(f"/api/v1/personen/{p.uuid}/toestemmingen", {"doel": "netwerk"}, format="json")
        if rol == ANON:
            assert r.status_code == 401
        elif not zichtbaar:
            assert r.status_code == 404
        elif rol in (Rol.PROFESSIONAL, Rol.COORDINATOR):
            assert r.status_code == 201
        else:
            assert r.status_code == 403  # a resident cannot record consent for themselves here
        t = p.toestemmingen.first()
        if t is None:
            continue
        r = c.post(f"/api/v1/personen/{p.uuid}/toestemmingen/{t.pk}/intrekking")
        verwacht = 401 if rol == ANON else 200 if zichtbaar else 404
        assert r.status_code == verwacht


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_verwerkingsgeschiedenis_van_een_persoon(api, wereld, rol, welke):
    c = _client(api, wereld["ik"], rol)
    for wie in PERSONEN:
        p = getattr(_doel(wereld, welke), wie)
        r = c.get(f"/api/v1/personen/{p.uuid}/verwerkingen")
        mag = welke == "eigen" and (rol == Rol.BEHEERDER or (rol == Rol.INWONER and wie == "eigen"))
        assert r.status_code == (200 if mag else 401 if rol == ANON else 404), (wie, rol)


# ---- audit log, users, teams, organisations ---------------------------------------------
@pytest.mark.parametrize("rol", ROLLEN)
def test_logboek_zoeken(api, wereld, rol):
    from socialebasis.audit import services as audit

    for t in (wereld["eigen"], wereld["ander"]):
        for wie in PERSONEN:
            p = getattr(t, wie)
            audit.vastleggen(
                handeling="persoon.lezen",
                activiteit="ondersteuning-inwoner",
                actor=t.users[Rol.PROFESSIONAL],
                betrokkene=p,
                gemeente=t.gemeente,
                obj=p,
            )
    c = _client(api, wereld["ik"], rol)
    r = c.get("/api/v1/verwerkingen")
    if rol == ANON:
        assert r.status_code == 401
        return
    assert r.status_code == 200
    rijen = r.json()["results"]
    if rol == Rol.BEHEERDER:
        assert len(rijen) == 4 and {x["gemeente"] for x in rijen} == {"GM0344"}
    elif rol == Rol.INWONER:
        assert len(rijen) == 1  # only the row about themselves
    else:
        assert rijen == []


@pytest.mark.parametrize("rol", ROLLEN)
def test_gebruikers_teams_organisaties(api, wereld, rol):
    c = _client(api, wereld["ik"], rol)
    for pad in (
        "/api/v1/gebruikers",
        "/api/v1/gebruikers/mij",
        "/api/v1/teams",
        "/api/v1/organisaties",
    ):
        r = c.get(pad)
        if rol == ANON:
            assert r.status_code == 401
            continue
        assert r.status_code == 200
    if rol == ANON:
        return
    gebruikers = {u["email"] for u in c.get("/api/v1/gebruikers").json()["results"]}
    teams = {t["naam"] for t in c.get("/api/v1/teams").json()["results"]}
    orgs = {o["naam"] for o in c.get("/api/v1/organisaties").json()["results"]}
    eigen, ander = wereld["eigen"], wereld["ander"]
    if rol == Rol.BEHEERDER:
        assert gebruikers == {u.email for u in eigen.users.values()}
    else:
        assert gebruikers == {eigen.users[rol].email}
    assert c.get("/api/v1/gebruikers/mij").json()["email"] == eigen.users[rol].email
    if rol in STAF:
        assert teams == {eigen.team.naam, eigen.ander_team.naam}
        assert orgs == {"Welzijn Utrecht"}
    else:
        assert teams == set() and orgs == set()
    assert not {u.email for u in ander.users.values()} & gebruikers


# ---- UI pages -----------------------------------------------------------------------------
PAGINAS = {
    "/mijn": {Rol.INWONER},
    "/mijn/verwerkingen": {Rol.INWONER},
    "/mijn/gegevens.json": {Rol.INWONER},
    "/netwerk/mijn-plan": {Rol.INWONER},
    "/netwerk/instellingen": {Rol.BEHEERDER},
    "/professional": {Rol.PROFESSIONAL, Rol.COORDINATOR},
    "/coordinator": {Rol.PROFESSIONAL, Rol.COORDINATOR},
    "/personen/nieuw": {Rol.PROFESSIONAL, Rol.COORDINATOR},
    "/vrijwilliger": {Rol.VRIJWILLIGER},
    "/aanbieder": {Rol.AANBIEDER},
    "/beleid": {Rol.BELEIDSMEDEWERKER},
    "/beheer": {Rol.BEHEERDER},
    "/beheer/logboek": {Rol.BEHEERDER},
    "/beheer/gebruikers/nieuw": {Rol.BEHEERDER},
    "/beheer/teams/nieuw": {Rol.BEHEERDER},
}


@pytest.mark.parametrize("rol", ROLLEN)
def test_paginas_per_rol(client, wereld, rol):
    if rol != ANON:
        client.force_login(wereld["ik"].users[rol])
    for pad, rollen in PAGINAS.items():
        r = client.get(pad)
        if rol == ANON:
            assert r.status_code == 302 and "/account/inloggen" in r["Location"], pad
        else:
            assert r.status_code == (200 if rol in rollen else 403), (pad, rol)
    for welke in ("eigen", "ander"):
        for wie in PERSONEN:
            p = getattr(_doel(wereld, welke), wie)
            r = client.get(f"/personen/{p.uuid}")
            mag = (
                welke == "eigen"
                and wie in ZICHTBAAR[rol]
                and rol in (Rol.PROFESSIONAL, Rol.COORDINATOR, Rol.INWONER)
            )
            if rol == ANON:
                assert r.status_code == 302
            elif rol not in (Rol.PROFESSIONAL, Rol.COORDINATOR, Rol.INWONER):
                assert r.status_code == 403
            else:
                assert r.status_code == (200 if mag else 404), (wie, welke, rol)


GEDEKT = {
    "openapi",
    "gebied-list",
    "gebied-detail",
    "persoon-list",
    "persoon-detail",
    "persoon-toestemmingen",
    "persoon-intrekking",
    "persoon-verwerkingen",
    "verwerking-list",
    "verwerking-detail",
    "gebruiker-list",
    "gebruiker-detail",
    "gebruiker-mij",
    "team-list",
    "team-detail",
    "organisatie-list",
    "organisatie-detail",
}


def test_elke_api_route_staat_in_de_matrix():
    """A new endpoint must get a row in a role matrix before it can land.

    Each app that adds API routes keeps its own matrix in `<app>/tests/test_rolmatrix.py` with a
    `GEDEKT` set of the route names it covers; this test joins them all.
    """
    from importlib import import_module

    from django.apps import apps

    gedekt = set(GEDEKT)
    for config in apps.get_app_configs():
        if config.name.startswith("socialebasis.") and config.label != "core":
            try:
                module = import_module(f"{config.name}.tests.test_rolmatrix")
            except ModuleNotFoundError:
                continue
            gedekt |= set(module.GEDEKT)
    resolver = get_resolver()
    api = next(p for p in resolver.url_patterns if str(p.pattern) == "api/v1/")
    namen = {p.name for p in api.url_patterns}
    assert namen == gedekt, f"niet in de matrix: {namen - gedekt}; verdwenen: {gedekt - namen}"


@pytest.mark.parametrize("rol", ROLLEN)
def test_gebruiker_en_team_aanmaken(
    api, wereld, rol, mailoutbox, django_capture_on_commit_callbacks
):
    c = _client(api, wereld["ik"], rol)
    with django_capture_on_commit_callbacks(execute=True):
        r = c.post(
            "/api/v1/gebruikers",
            {
                "email": "nieuw@example.org",
                "naam": "Nieuwe Collega",
                "rol": "professional",
                "teams": [wereld["eigen"].team.pk],
            },
            format="json",
        )
    t = c.post(
        "/api/v1/teams",
        {"naam": "Buurtteam West", "wijken": [wereld["eigen"].wijk.code]},
        format="json",
    )
    if rol == ANON:
        assert r.status_code == 401 and t.status_code == 401
    elif rol != Rol.BEHEERDER:
        assert r.status_code == 403 and t.status_code == 403
        assert not mailoutbox
    else:
        assert r.status_code == 201, r.content
        assert r.json()["gemeente"] == "GM0344" and r.json()["teams"] == [wereld["eigen"].team.pk]
        assert t.status_code == 201 and t.json()["wijken"] == [wereld["eigen"].wijk.code]
        assert len(mailoutbox) == 1 and "Kies via deze link een wachtwoord" in mailoutbox[0].body
        # a team or wijk of another gemeente is refused
        r = c.post(
            "/api/v1/gebruikers",
            {
                "email": "x@example.org",
                "naam": "X",
                "rol": "inwoner",
                "teams": [wereld["ander"].team.pk],
            },
            format="json",
        )
        assert r.status_code == 400
        t = c.post(
            "/api/v1/teams",
            {"naam": "Elders", "wijken": [wereld["ander"].wijk.code]},
            format="json",
        )
        assert t.status_code == 400 and t.json()["invalidParams"][0]["name"] == "wijken"


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_gebruiker_wijzigen(api, wereld, rol, welke):
    c = _client(api, wereld["ik"], rol)
    doel = _doel(wereld, welke).users[Rol.VRIJWILLIGER]
    r = c.patch(f"/api/v1/gebruikers/{doel.pk}", {"isActive": False}, format="json")
    doel.refresh_from_db()
    if rol == ANON:
        assert r.status_code == 401
    elif welke == "eigen" and rol == Rol.BEHEERDER:
        assert r.status_code == 200 and doel.is_active is False
    elif welke == "eigen" and rol == Rol.VRIJWILLIGER:
        assert r.status_code == 403  # may read but not change their own role or status
    else:
        assert r.status_code == 404
    if rol != Rol.BEHEERDER:
        assert doel.is_active is True


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("welke", ["eigen", "ander"])
def test_toestemming_koppelen_door_de_inwoner_zelf(api, wereld, rol, welke):
    """A resident gives (and withdraws) consent for matching for themself only."""
    c = _client(api, wereld["ik"], rol)
    for wie in PERSONEN:
        p = getattr(_doel(wereld, welke), wie)
        zichtbaar = welke == "eigen" and wie in ZICHTBAAR[rol]
        r = c.post(f"/api/v1/personen/{p.uuid}/toestemmingen", {"doel": "koppelen"}, format="json")
        if rol == ANON:
            assert r.status_code == 401
        elif not zichtbaar:
            assert r.status_code == 404
        elif rol in (Rol.PROFESSIONAL, Rol.COORDINATOR, Rol.INWONER):
            assert r.status_code == 201, (rol, wie)
            verwacht = "inwoner" if rol == Rol.INWONER else "medewerker"
            assert r.json()["bron"] == verwacht
        else:
            assert r.status_code == 403
