"""Role matrix of the netwerk API: every role × endpoint × (own gemeente, other gemeente).

Reading follows reading the resident (see core/tests/test_rolmatrix.py ZICHTBAAR), for the
professional and the resident only: a coördinator who sees a resident for matching does not see
the network (doelbinding). Only the professional changes network data; the resident may fill in
a questionnaire about themselves.
"""

import pytest

from socialebasis.accounts.models import Rol
from socialebasis.audit.models import Verwerking
from socialebasis.core.tests.test_rolmatrix import ANON, PERSONEN, ROLLEN, ZICHTBAAR
from socialebasis.netwerk import services
from socialebasis.netwerk.models import (
    Evaluatie,
    Netwerkberaad,
    Netwerklid,
    Netwerkplan,
    Planactie,
    Plandoel,
    Vragenlijst,
)
from socialebasis.netwerk.tests.factories import NetwerklidFactory

pytestmark = pytest.mark.django_db

GEDEKT = {
    "netwerklid-list",
    "netwerklid-detail",
    "vragenlijst-list",
    "vragenlijst-detail",
    "netwerkplan-list",
    "netwerkplan-detail",
    "netwerkplan-doelen",
    "netwerkplan-acties",
    "netwerkplan-doel",
    "netwerkplan-actie",
    "netwerkplan-netwerkberaden",
    "netwerkplan-netwerkberaad",
    "netwerkplan-evaluaties",
    "netwerkplan-evaluatie",
    "instrument-list",
    "instrument-detail",
    "instrument-score",
}


@pytest.fixture
def wereld(utrecht, amsterdam):
    for t in (utrecht, amsterdam):
        pro = t.users[Rol.PROFESSIONAL]
        for wie in PERSONEN:
            p = getattr(t, wie)
            NetwerklidFactory(persoon=p, naam=f"Lid van {wie}")
            Vragenlijst.objects.create(
                persoon=p, instrument="lsns6", antwoorden=[1] * 6, totaal=6, wijze="samen",
                ingevuld_door=pro,
            )  # fmt: skip
            plan = Netwerkplan.objects.create(persoon=p)
            doel = Plandoel.objects.create(plan=plan, tekst=f"Doel van {wie}")
            Planactie.objects.create(
                plan=plan, doel=doel, omschrijving=f"Actie van {wie}", eigenaar="inwoner"
            )
            Netwerkberaad.objects.create(
                plan=plan, datum="2026-10-01", afspraken=[{"naam": "Ans", "doet": "belt"}]
            )
            Evaluatie.objects.create(plan=plan, datum="2027-01-15")
    return {"eigen": utrecht, "ander": amsterdam}


def _client(api, t, rol):
    if rol != ANON:
        api.force_authenticate(user=t.users[rol])
    return api


def _ziet_persoon(rol, welke, wie):
    """The person itself is visible (personen rule), even where the network is not."""
    return welke == "eigen" and wie in ZICHTBAAR[rol]


def _zichtbaar(rol, welke, wie):
    return welke == "eigen" and wie in ZICHTBAAR[rol] and rol in (Rol.PROFESSIONAL, Rol.INWONER)


@pytest.mark.parametrize("rol", ROLLEN)
def test_lijst_en_detail_volgen_de_inwoner(api, wereld, rol):
    for welke in ("eigen", "ander"):
        for pad in ("netwerkleden", "vragenlijsten", "netwerkplannen"):
            _lijst_en_detail(api, wereld, rol, welke, pad)


def _lijst_en_detail(api, wereld, rol, welke, pad):
    c = _client(api, wereld["eigen"], rol)
    for wie in PERSONEN:
        p = getattr(wereld[welke], wie)
        r = c.get(f"/api/v1/{pad}", {"persoon": str(p.uuid)})
        if rol == ANON:
            assert r.status_code == 401
            continue
        assert r.status_code == 200
        rijen = r.json()["results"]
        mag = _zichtbaar(rol, welke, wie)
        assert len(rijen) == (1 if mag else 0), (rol, wie)
        if pad == "netwerkleden":
            obj = p.netwerkleden.get()
        elif pad == "vragenlijsten":
            obj = p.vragenlijsten.get()
        else:
            obj = p.netwerkplan
        d = c.get(f"/api/v1/{pad}/{obj.uuid}")
        assert d.status_code == (200 if mag else 404)
        if mag:
            assert d.json()["persoon"] == str(p.uuid)
    if rol != ANON:
        assert c.get(f"/api/v1/{pad}").status_code == 400  # persoon is required
        assert c.get(f"/api/v1/{pad}", {"persoon": "geen-uuid"}).status_code == 400


def test_lezen_via_de_api_wordt_gelogd(api, wereld):
    t = wereld["eigen"]
    c = _client(api, t, Rol.PROFESSIONAL)
    c.get("/api/v1/netwerkleden", {"persoon": str(t.in_team.uuid)})
    c.get(f"/api/v1/netwerkplannen/{t.in_team.netwerkplan.uuid}")
    namen = list(Verwerking.objects.values_list("naam", flat=True))
    assert "netwerklid.lijst" in namen and "netwerkplan.lezen" in namen
    c = _client(api, t, Rol.INWONER)
    c.get("/api/v1/vragenlijsten", {"persoon": str(t.eigen.uuid)})
    rij = Verwerking.objects.get(naam="vragenlijst.lijst")
    assert rij.verwerkingsactiviteit == "eigen-gegevens"


@pytest.mark.parametrize("rol", ROLLEN)
def test_netwerklid_aanmaken_wijzigen_verwijderen(api, wereld, rol):
    c = _client(api, wereld["eigen"], rol)
    for welke, wie in [(w, x) for w in ("eigen", "ander") for x in PERSONEN]:
        p = getattr(wereld[welke], wie)
        zichtbaar = _zichtbaar(rol, welke, wie)
        schrijft = zichtbaar and rol == Rol.PROFESSIONAL
        r = c.post(
            "/api/v1/netwerkleden",
            {"persoon": str(p.uuid), "naam": "Nieuw", "groep": "buren", "steunAan": "PG"},
            format="json",
        )
        ziet = _ziet_persoon(rol, welke, wie)
        verwacht = 401 if rol == ANON else 201 if schrijft else 403 if ziet else 400
        assert r.status_code == verwacht, (rol, wie, r.content)
        if r.status_code == 400:
            assert r.json()["invalidParams"][0]["name"] == "persoon"
        lid = p.netwerkleden.get(naam=f"Lid van {wie}")
        r = c.patch(f"/api/v1/netwerkleden/{lid.uuid}", {"ring": 1}, format="json")
        verwacht = 401 if rol == ANON else 200 if schrijft else 403 if zichtbaar else 404
        assert r.status_code == verwacht
        lid.refresh_from_db()
        assert (lid.ring == 1) == schrijft
        r = c.delete(f"/api/v1/netwerkleden/{lid.uuid}")
        verwacht = 401 if rol == ANON else 204 if schrijft else 403 if zichtbaar else 404
        assert r.status_code == verwacht
        assert Netwerklid.objects.filter(pk=lid.pk).exists() != schrijft


@pytest.mark.parametrize("rol", ROLLEN)
def test_vragenlijst_invullen(api, wereld, rol):
    c = _client(api, wereld["eigen"], rol)
    for welke, wie in [(w, x) for w in ("eigen", "ander") for x in PERSONEN]:
        p = getattr(wereld[welke], wie)
        zichtbaar = _zichtbaar(rol, welke, wie)
        mag = zichtbaar and (rol == Rol.PROFESSIONAL or (rol == Rol.INWONER and wie == "eigen"))
        r = c.post(
            "/api/v1/vragenlijsten",
            {"persoon": str(p.uuid), "instrument": "djg6", "antwoorden": ["ja"] * 6},
            format="json",
        )
        ziet = _ziet_persoon(rol, welke, wie)
        verwacht = 401 if rol == ANON else 201 if mag else 403 if ziet else 400
        assert r.status_code == verwacht, (rol, wie, r.content)
        if mag:
            body = r.json()
            assert body["totaal"] == 3 and body["categorie"] == "matig"
            assert body["wijze"] == ("zelf" if rol == Rol.INWONER else "samen")


def test_vragenlijst_met_fout_antwoord_geeft_problem_json(api, wereld):
    c = _client(api, wereld["eigen"], Rol.PROFESSIONAL)
    r = c.post(
        "/api/v1/vragenlijsten",
        {
            "persoon": str(wereld["eigen"].in_team.uuid),
            "instrument": "djg6",
            "antwoorden": ["vaak"] * 6,
        },
        format="json",
    )
    assert r.status_code == 400 and r["Content-Type"] == "application/problem+json"
    assert "geen geldig antwoord" in r.json()["invalidParams"][0]["reason"]


@pytest.mark.parametrize("rol", ROLLEN)
def test_instrumenten_en_scoren(api, wereld, rol):
    t = wereld["eigen"]
    services.instellingen_wijzigen(t.users[Rol.BEHEERDER], {"ediz_signal_threshold": 5})
    c = _client(api, t, rol)
    r = c.get("/api/v1/instrumenten")
    d = c.get("/api/v1/instrumenten/lsns6")
    s = c.post("/api/v1/instrumenten/ediz/score", {"antwoorden": ["ja"] * 9}, format="json")
    if rol == ANON:
        assert r.status_code == d.status_code == s.status_code == 401
        return
    assert [i["code"] for i in r.json()] == ["djg11", "djg6", "lsns6", "ediz"]
    assert "eigen vertaling" in d.json()["bron"]
    assert s.status_code == 200
    assert s.json()["totaal"] == 9 and s.json()["categorie"] == "signaal"
    assert c.get("/api/v1/instrumenten/zrm").status_code == 404
    assert not Vragenlijst.objects.filter(instrument="ediz").exists()


@pytest.mark.parametrize("rol", ROLLEN)
def test_netwerkplan_schrijven(api, wereld, rol):
    c = _client(api, wereld["eigen"], rol)
    for welke, wie in [(w, x) for w in ("eigen", "ander") for x in PERSONEN]:
        p = getattr(wereld[welke], wie)
        zichtbaar = _zichtbaar(rol, welke, wie)
        schrijft = zichtbaar and rol == Rol.PROFESSIONAL
        plan = p.netwerkplan
        r = c.post(
            f"/api/v1/netwerkplannen/{plan.uuid}/doelen",
            {"tekst": "Ik wil weer fietsen."},
            format="json",
        )
        verwacht = 401 if rol == ANON else 201 if schrijft else 403 if zichtbaar else 404
        assert r.status_code == verwacht, (rol, wie, r.content)
        lid = p.netwerkleden.get()
        r = c.post(
            f"/api/v1/netwerkplannen/{plan.uuid}/acties",
            {
                "omschrijving": "Samen fietsen",
                "eigenaar": "netwerklid",
                "netwerklid": str(lid.uuid),
                "doel": plan.doelen.first().pk,
            },
            format="json",
        )
        assert r.status_code == verwacht, (rol, wie, r.content)
        if schrijft:
            assert r.json()["wie"] == lid.naam
        assert plan.acties.filter(omschrijving="Samen fietsen").exists() == schrijft
        # A second plan for the same resident is refused; an unknown resident too.
        r = c.post("/api/v1/netwerkplannen", {"persoon": str(p.uuid)}, format="json")
        ziet = _ziet_persoon(rol, welke, wie)
        verwacht = 401 if rol == ANON else 400 if (schrijft or not ziet) else 403
        assert r.status_code == verwacht, (rol, wie, r.content)


def test_plan_aanmaken_en_actie_met_vreemd_netwerklid(api, wereld):
    t = wereld["eigen"]
    t.in_team.netwerkplan.delete()
    c = _client(api, t, Rol.PROFESSIONAL)
    r = c.post("/api/v1/netwerkplannen", {"persoon": str(t.in_team.uuid)}, format="json")
    assert r.status_code == 201 and r.json()["persoon"] == str(t.in_team.uuid)
    vreemd = t.eigen.netwerkleden.get()
    r = c.post(
        f"/api/v1/netwerkplannen/{r.json()['id']}/acties",
        {"omschrijving": "x", "eigenaar": "netwerklid", "netwerklid": str(vreemd.uuid)},
        format="json",
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "netwerklid"


@pytest.mark.parametrize("rol", ROLLEN)
def test_netwerkplan_onderdelen_wijzigen_en_weghalen(api, wereld, rol):
    """Goals, actions, netwerkberaad and reviews: PATCH and DELETE per role and gemeente."""
    c = _client(api, wereld["eigen"], rol)
    for welke, wie in [(w, x) for w in ("eigen", "ander") for x in PERSONEN]:
        p = getattr(wereld[welke], wie)
        zichtbaar = _zichtbaar(rol, welke, wie)
        schrijft = zichtbaar and rol == Rol.PROFESSIONAL
        plan = p.netwerkplan
        basis = f"/api/v1/netwerkplannen/{plan.uuid}"
        doel, actie = plan.doelen.get(), plan.acties.get()
        beraad, evaluatie = plan.beraden.get(), plan.evaluaties.get()
        wijzigingen = [
            (f"doelen/{doel.pk}", {"tekst": "Ik wil elke week fietsen."}),
            (f"acties/{actie.pk}", {"status": "klaar", "uiterlijk": "2026-12-01"}),
            (
                f"netwerkberaden/{beraad.pk}",
                {"afspraken": [{"naam": "Ans", "doet": "belt op zondag"}, {"naam": "Bert"}]},
            ),
            (f"evaluaties/{evaluatie.pk}", {"verslag": "Het fietsen gaat goed."}),
        ]
        verwacht = 401 if rol == ANON else 200 if schrijft else 403 if zichtbaar else 404
        for pad, data in wijzigingen:
            r = c.patch(f"{basis}/{pad}", data, format="json")
            assert r.status_code == verwacht, (rol, welke, wie, pad, r.content)
        doel.refresh_from_db(), actie.refresh_from_db()
        beraad.refresh_from_db(), evaluatie.refresh_from_db()
        assert (doel.tekst == "Ik wil elke week fietsen.") == schrijft
        assert (actie.status == "klaar" and str(actie.uiterlijk) == "2026-12-01") == schrijft
        assert (beraad.afspraken[-1] == {"naam": "Bert", "doet": ""}) == schrijft
        assert (evaluatie.verslag == "Het fietsen gaat goed.") == schrijft
        nieuw = [
            ("netwerkberaden", {"datum": "2026-11-20", "afspraken": [{"naam": "Cor"}]}),
            ("evaluaties", {"datum": "2027-03-01"}),
        ]
        verwacht_nieuw = 401 if rol == ANON else 201 if schrijft else 403 if zichtbaar else 404
        for pad, data in nieuw:
            r = c.post(f"{basis}/{pad}", data, format="json")
            assert r.status_code == verwacht_nieuw, (rol, welke, wie, pad, r.content)
        assert plan.beraden.count() == plan.evaluaties.count() == (2 if schrijft else 1)
        verwacht_weg = 401 if rol == ANON else 204 if schrijft else 403 if zichtbaar else 404
        for pad, _data in wijzigingen:
            r = c.delete(f"{basis}/{pad}")
            assert r.status_code == verwacht_weg, (rol, welke, wie, pad)
        assert plan.doelen.exists() != schrijft and plan.acties.exists() != schrijft


def test_netwerkplan_onderdelen_fouten_en_logboek(api, wereld):
    t = wereld["eigen"]
    c = _client(api, t, Rol.PROFESSIONAL)
    plan = t.in_team.netwerkplan
    basis = f"/api/v1/netwerkplannen/{plan.uuid}"
    r = c.post(f"{basis}/netwerkberaden", {"datum": "2026-11-20", "afspraken": []}, format="json")
    assert r.status_code == 400 and r["Content-Type"] == "application/problem+json"
    assert r.json()["invalidParams"][0]["name"] == "afspraken"
    r = c.post(f"{basis}/evaluaties", {"datum": "morgen"}, format="json")
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "datum"
    # an action of another resident's plan is not found through this plan
    vreemd = t.eigen.netwerkplan.acties.get()
    assert (
        c.patch(f"{basis}/acties/{vreemd.pk}", {"status": "klaar"}, format="json").status_code
        == 404
    )
    # an owner from another resident's network is refused, with the field named
    lid = t.eigen.netwerkleden.get()
    actie = plan.acties.get()
    r = c.patch(
        f"{basis}/acties/{actie.pk}",
        {"eigenaar": "netwerklid", "netwerklid": str(lid.uuid)},
        format="json",
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "netwerklid"
    eigen_lid = t.in_team.netwerkleden.get()
    r = c.patch(
        f"{basis}/acties/{actie.pk}",
        {"eigenaar": "netwerklid", "netwerklid": str(eigen_lid.uuid)},
        format="json",
    )
    assert r.status_code == 200 and r.json()["wie"] == eigen_lid.naam
    c.delete(f"{basis}/evaluaties/{plan.evaluaties.get().pk}")
    namen = set(Verwerking.objects.values_list("naam", flat=True))
    assert {"planactie.wijzigen", "evaluatie.verwijderen"} <= namen
    detail = c.get(basis).json()
    assert detail["acties"][0]["eigenaar"] == "netwerklid" and detail["evaluaties"] == []


# ---- Screens for the parts of the plan ------------------------------------------------------
# Every screen (UI route) of the app, with the test that holds its role × gemeente row. The test
# below fails when a route is added without a row.
PAGINAS_GEDEKT = {
    # test_views.test_paginas_per_rol_en_gemeente
    "persoon": "test_views",
    "vragenlijsten": "test_views",
    "vragenlijst_invullen": "test_views",
    "plan": "test_views",
    "mijn_plan": "test_views",
    "instellingen": "test_views",
    # test_views (own tests per screen)
    "lid": "test_views",
    "lid_verwijderen": "test_views",
    "momentopname": "test_views",
    "vergelijken": "test_views",
    "plan_pdf": "test_views",
    "mijn_plan_pdf": "test_views",
    "mijn_vragenlijst": "test_views",
    # here: test_planonderdelen_per_rol_en_gemeente
    "doel": "hier",
    "doel_verwijderen": "hier",
    "actie": "hier",
    "actie_verwijderen": "hier",
    "actie_status": "hier",
    "beraad": "hier",
    "beraad_verwijderen": "hier",
    "evaluatie": "hier",
    "evaluatie_verwijderen": "hier",
}


def test_elk_scherm_staat_in_de_matrix():
    from socialebasis.netwerk.urls import urlpatterns

    namen = {p.name for p in urlpatterns}
    assert namen == set(PAGINAS_GEDEKT), (
        f"niet in de matrix: {namen - set(PAGINAS_GEDEKT)}; "
        f"verdwenen: {set(PAGINAS_GEDEKT) - namen}"
    )


def _onderdelen(p):
    plan = p.netwerkplan
    return {
        "doel": plan.doelen.get(),
        "actie": plan.acties.get(),
        "beraad": plan.beraden.get(),
        "evaluatie": plan.evaluaties.get(),
    }


MEERVOUD = {"doel": "doelen", "actie": "acties", "beraad": "beraden", "evaluatie": "evaluaties"}


@pytest.mark.parametrize("rol", ROLLEN)
def test_planonderdelen_per_rol_en_gemeente(client, wereld, rol):
    """Only the professional who sees the resident opens, changes and removes plan parts on
    screen. A resident outside their view (other team, other gemeente) gives 404; other roles
    403; without login: to the login page. Nothing changes for anyone who may not."""
    if rol != ANON:
        client.force_login(wereld["eigen"].users[rol])
    for welke, wie in [(w, x) for w in ("eigen", "ander") for x in PERSONEN]:
        p = getattr(wereld[welke], wie)
        mag = _zichtbaar(rol, welke, wie) and rol == Rol.PROFESSIONAL
        if rol == ANON:
            verwacht = 302
        elif rol != Rol.PROFESSIONAL:
            verwacht = 403
        else:
            verwacht = 200 if mag else 404
        onderdelen = _onderdelen(p)
        for naam, obj in onderdelen.items():
            basis = f"/netwerk/{p.uuid}/plan/{MEERVOUD[naam]}/{obj.pk}"
            for pad in (basis, f"{basis}/verwijderen"):
                r = client.get(pad)
                assert r.status_code == verwacht, (rol, welke, wie, pad)
                if rol == ANON:
                    assert "/account/inloggen" in r["Location"]
        actie = onderdelen["actie"]
        r = client.post(f"/netwerk/{p.uuid}/plan/acties/{actie.pk}/status", {"status": "klaar"})
        assert r.status_code == (302 if mag or rol == ANON else verwacht), (rol, welke, wie)
        actie.refresh_from_db()
        assert (actie.status == "klaar") == mag
        for naam, obj in onderdelen.items():
            r = client.post(f"/netwerk/{p.uuid}/plan/{MEERVOUD[naam]}/{obj.pk}/verwijderen")
            assert r.status_code == (302 if mag or rol == ANON else verwacht), (rol, naam, wie)
            assert type(obj).objects.filter(pk=obj.pk).exists() != mag, (rol, naam, wie)
