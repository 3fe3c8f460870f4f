"""Role matrix of toeleiding: every role × API path and screen × (own gemeente, other gemeente).

Reading follows reading the resident, for the professional and the resident only (like the
network; a coördinator who sees a resident for matching does not see the services they use).
The professional records, changes and removes; the resident records and changes their own.
"""

import pytest

from socialebasis.accounts.models import Rol
from socialebasis.audit.models import Verwerking
from socialebasis.core.tests.test_rolmatrix import ANON, PERSONEN, ROLLEN, ZICHTBAAR
from socialebasis.toeleiding.models import Voorzieninggebruik

pytestmark = pytest.mark.django_db

GEDEKT = {"voorzieninggebruik-list", "voorzieninggebruik-detail"}


@pytest.fixture
def wereld(utrecht, amsterdam, kaart):
    for t in (utrecht, amsterdam):
        for wie in PERSONEN:
            Voorzieninggebruik.objects.create(
                persoon=getattr(t, wie),
                dienst=t.kaart.inloop,
                gemeente=t.gemeente,
                status="verwezen",
                vastgelegd_door=t.users[Rol.PROFESSIONAL],
            )
    return {"eigen": utrecht, "ander": amsterdam}


def _client(c, t, rol, *, ui=False):
    if rol != ANON:
        if ui:
            c.force_login(t.users[rol])
        else:
            c.force_authenticate(user=t.users[rol])
    return c


def _ziet_persoon(rol, welke, wie):
    return welke == "eigen" and wie in ZICHTBAAR[rol]


def _zichtbaar(rol, welke, wie):
    return _ziet_persoon(rol, welke, wie) and rol in (Rol.PROFESSIONAL, Rol.INWONER)


def _schrijft(rol, welke, wie):
    return _zichtbaar(rol, welke, wie)  # the professional, and the resident for themselves


ALLE = [(w, x) for w in ("eigen", "ander") for x in PERSONEN]


@pytest.mark.parametrize("rol", ROLLEN)
def test_lijst_en_detail_volgen_de_inwoner(api, wereld, rol):
    c = _client(api, wereld["eigen"], rol)
    for welke, wie in ALLE:
        p = getattr(wereld[welke], wie)
        r = c.get("/api/v1/voorzieningen-gebruik", {"persoon": str(p.uuid)})
        if rol == ANON:
            assert r.status_code == 401
            continue
        mag = _zichtbaar(rol, welke, wie)
        rijen = r.json()["results"]
        assert len(rijen) == (1 if mag else 0), (rol, welke, wie)
        g = p.voorzieningen.get()
        d = c.get(f"/api/v1/voorzieningen-gebruik/{g.uuid}")
        assert d.status_code == (200 if mag else 404)
        if mag:
            body = d.json()
            assert body["persoon"] == str(p.uuid) and body["dienst"] == str(g.dienst.pk)
            assert body["dienstNaam"].startswith("Koffie-inloop") and body["status"] == "verwezen"
    if rol != ANON:
        assert c.get("/api/v1/voorzieningen-gebruik").status_code == 400


def test_lezen_via_de_api_wordt_gelogd(api, wereld):
    t = wereld["eigen"]
    c = _client(api, t, Rol.PROFESSIONAL)
    c.get("/api/v1/voorzieningen-gebruik", {"persoon": str(t.in_team.uuid)})
    c.get(f"/api/v1/voorzieningen-gebruik/{t.in_team.voorzieningen.get().uuid}")
    namen = set(Verwerking.objects.values_list("naam", flat=True))
    assert {"voorzieninggebruik.lijst", "voorzieninggebruik.lezen"} <= namen


@pytest.mark.parametrize("rol", ROLLEN)
def test_aanmaken_wijzigen_verwijderen(api, wereld, rol):
    c = _client(api, wereld["eigen"], rol)
    for welke, wie in ALLE:
        t = wereld[welke]
        p = getattr(t, wie)
        zichtbaar, schrijft = _zichtbaar(rol, welke, wie), _schrijft(rol, welke, wie)
        ziet = _ziet_persoon(rol, welke, wie)
        r = c.post(
            "/api/v1/voorzieningen-gebruik",
            {"persoon": str(p.uuid), "dienst": str(t.kaart.schuldhulp.pk), "status": "in_gebruik"},
            format="json",
        )
        verwacht = 401 if rol == ANON else 201 if schrijft else 403 if ziet else 400
        assert r.status_code == verwacht, (rol, welke, wie, r.content)
        if r.status_code == 400:
            assert r.json()["invalidParams"][0]["name"] == "persoon"
        g = p.voorzieningen.get(dienst=t.kaart.inloop)
        r = c.patch(f"/api/v1/voorzieningen-gebruik/{g.uuid}", {"status": "gestopt"}, format="json")
        verwacht = 401 if rol == ANON else 200 if schrijft else 403 if zichtbaar else 404
        assert r.status_code == verwacht, (rol, welke, wie, r.content)
        g.refresh_from_db()
        assert (g.status == "gestopt") == schrijft
        if schrijft:
            assert r.json()["tot"] is not None
        r = c.delete(f"/api/v1/voorzieningen-gebruik/{g.uuid}")
        verwijdert = schrijft and rol == Rol.PROFESSIONAL
        verwacht = 401 if rol == ANON else 204 if verwijdert else 403 if zichtbaar else 404
        assert r.status_code == verwacht, (rol, welke, wie)
        assert Voorzieninggebruik.objects.filter(pk=g.pk).exists() != verwijdert


def test_dienst_van_een_andere_gemeente_of_concept_geeft_400_op_dienst(api, wereld):
    t = wereld["eigen"]
    c = _client(api, t, Rol.PROFESSIONAL)
    for dienst in (wereld["ander"].kaart.schuldhulp, t.kaart.concept):
        r = c.post(
            "/api/v1/voorzieningen-gebruik",
            {"persoon": str(t.in_team.uuid), "dienst": str(dienst.pk)},
            format="json",
        )
        assert r.status_code == 400 and r["Content-Type"] == "application/problem+json"
        assert r.json()["invalidParams"][0]["name"] == "dienst"
    g = t.in_team.voorzieningen.get()
    r = c.patch(
        f"/api/v1/voorzieningen-gebruik/{g.uuid}",
        {"dienst": str(t.kaart.schuldhulp.pk)},
        format="json",
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "dienst"


# ---- screens ------------------------------------------------------------------------------


@pytest.mark.parametrize("rol", ROLLEN)
def test_schermen_per_rol(client, wereld, rol):
    c = _client(client, wereld["eigen"], rol, ui=True)
    for welke, wie in ALLE:
        p = getattr(wereld[welke], wie)
        g = p.voorzieningen.get()
        r = c.get(f"/voorzieningen/{p.uuid}/toevoegen")
        w = c.post(f"/voorzieningen/{p.uuid}/{g.uuid}", {"status": "in_gebruik"})
        if rol == ANON:
            assert r.status_code == w.status_code == 302
            assert "/account/inloggen" in r["Location"]
        elif rol not in (Rol.PROFESSIONAL, Rol.INWONER):
            assert r.status_code == w.status_code == 403
        else:
            mag = _schrijft(rol, welke, wie)
            assert r.status_code == (200 if mag else 404), (rol, welke, wie)
            assert w.status_code == (302 if mag else 404)
        g.refresh_from_db()
        assert (g.status == "in_gebruik") == (rol != ANON and _schrijft(rol, welke, wie))
