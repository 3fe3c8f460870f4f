import json

import pytest

from socialebasis.accounts.models import Rol
from socialebasis.audit.models import Verwerking

pytestmark = pytest.mark.django_db


def test_inwoner_downloadt_eigen_gegevens_met_geschiedenis(client, api, utrecht):
    api.force_authenticate(utrecht.users[Rol.PROFESSIONAL])
    api.get(f"/api/v1/personen/{utrecht.eigen.uuid}")
    client.force_login(utrecht.users[Rol.INWONER])
    r = client.get("/mijn/gegevens.json")
    assert r.status_code == 200
    assert r["Content-Disposition"].startswith("attachment")
    data = json.loads(r.content)
    assert data["persoon"]["voornaam"] == "Eigen" and data["persoon"]["gemeente"] == "Utrecht"
    assert data["persoon"]["postcode"] == "3511 AB"
    assert [v["doorRol"] for v in data["verwerkingen"]][-1] == "professional"
    # the download itself is a read of personal data, and is logged
    assert Verwerking.objects.filter(
        actor=utrecht.users[Rol.INWONER], naam="persoon.lezen"
    ).exists()


def test_alleen_de_inwoner_zelf(client, utrecht):
    client.force_login(utrecht.users[Rol.PROFESSIONAL])
    assert client.get("/mijn/gegevens.json").status_code == 403


def test_team_van_een_andere_gemeente_wordt_geweigerd(api, utrecht, amsterdam):
    api.force_authenticate(utrecht.users[Rol.COORDINATOR])
    r = api.post(
        "/api/v1/personen",
        {"voornaam": "Ans", "team": amsterdam.team.pk, "toestemmingen": ["koppelen"]},
        format="json",
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "team"


def test_professional_zonder_team_krijgt_uitleg(api, utrecht):
    prof = utrecht.users[Rol.PROFESSIONAL]
    prof.teams.clear()
    api.force_authenticate(prof)
    r = api.post("/api/v1/personen", {"voornaam": "Ans"}, format="json")
    assert r.status_code == 400 and "geen team" in r.json()["invalidParams"][0]["reason"]


def test_zoeken_op_naam_gaat_per_post_en_toont_alleen_eigen_inwoners(client, utrecht, amsterdam):
    client.force_login(utrecht.users[Rol.PROFESSIONAL])
    r = client.post("/professional", {"zoek": "teamlid"})
    assert r.status_code == 200
    assert [p.voornaam for p in r.context["pagina"]] == ["Teamlid"]
    r = client.post("/professional", {"zoek": "ander"})  # in another team: not visible
    assert list(r.context["pagina"]) == []
    # only the persons shown are logged as read
    assert Verwerking.objects.filter(naam="persoon.lijst").count() == 1


def test_toestemming_zegt_hoe_hij_gegeven_is(api, utrecht):
    from socialebasis.personen import services

    t = services.toestemming_vastleggen(utrecht.users[Rol.PROFESSIONAL], utrecht.in_team, "netwerk")
    assert (t.bron, t.vastgelegd_door) == ("medewerker", utrecht.users[Rol.PROFESSIONAL])
    t = services.toestemming_vastleggen(utrecht.users[Rol.INWONER], utrecht.eigen, "koppelen")
    assert (t.bron, t.vastgelegd_door) == ("inwoner", utrecht.users[Rol.INWONER])
    t = services.toestemming_formulier(utrecht.koppelen, "contact", "Op het formulier.")
    assert (t.bron, t.vastgelegd_door) == ("aanmeldformulier", None)
    assert Verwerking.objects.filter(naam="toestemming.vastleggen", actor=None).count() == 1
    api.force_authenticate(user=utrecht.users[Rol.INWONER])
    r = api.get(f"/api/v1/personen/{utrecht.eigen.uuid}/toestemmingen")
    assert [x["bron"] for x in r.json()] == ["inwoner"]


def test_toestemming_zonder_vastlegger_alleen_van_een_formulier(utrecht):
    from django.db import IntegrityError, transaction

    from socialebasis.personen.models import Toestemming

    with pytest.raises(IntegrityError), transaction.atomic():
        Toestemming.objects.create(persoon=utrecht.eigen, doel="koppelen", bron="medewerker")
    with pytest.raises(IntegrityError), transaction.atomic():
        Toestemming.objects.create(persoon=utrecht.eigen, doel="koppelen", bron="inwoner")


def test_inwoner_geeft_zelf_alleen_toestemming_voor_koppelen(utrecht, amsterdam):
    from django.core.exceptions import PermissionDenied

    from socialebasis.personen import services

    inwoner = utrecht.users[Rol.INWONER]
    for doel in ("netwerk", "contact", "delen_aanbieder"):
        with pytest.raises(PermissionDenied):
            services.toestemming_vastleggen(inwoner, utrecht.eigen, doel)
    for ander in (utrecht.in_team, amsterdam.eigen):
        with pytest.raises(PermissionDenied):
            services.toestemming_vastleggen(inwoner, ander, "koppelen")
    t = services.toestemming_vastleggen(inwoner, utrecht.eigen, "koppelen")
    t = services.toestemming_intrekken(inwoner, t)
    assert t.ingetrokken_door == inwoner and not t.actief


def test_download_bevat_wat_alle_onderdelen_over_de_inwoner_bewaren(client, utrecht):
    """AVG art. 15: the download holds the network, plan, requests and services too."""
    from socialebasis.kaart.tests.factories import DienstFactory
    from socialebasis.koppelen.tests.factories import HulpvraagFactory
    from socialebasis.netwerk.models import Netwerkplan, Plandoel
    from socialebasis.netwerk.tests.factories import NetwerklidFactory
    from socialebasis.toeleiding.models import Voorzieninggebruik

    eigen, ander = utrecht.eigen, utrecht.in_team
    NetwerklidFactory(persoon=eigen, naam="Tante Jo")
    NetwerklidFactory(persoon=ander, naam="Buurman Kees")
    plan = Netwerkplan.objects.create(persoon=eigen)
    Plandoel.objects.create(plan=plan, tekst="Weer naar de koffie-ochtend")
    HulpvraagFactory(persoon=eigen, gemeente=utrecht.gemeente, soort="boodschappen")
    HulpvraagFactory(persoon=ander, gemeente=utrecht.gemeente, soort="klussen")
    dienst = DienstFactory(gemeente=utrecht.gemeente, naam="Buurthuis De Leeuw")
    Voorzieninggebruik.objects.create(
        persoon=eigen,
        dienst=dienst,
        gemeente=utrecht.gemeente,
        status="in_gebruik",
        vastgelegd_door=utrecht.users[Rol.PROFESSIONAL],
    )

    client.force_login(utrecht.users[Rol.INWONER])
    data = json.loads(client.get("/mijn/gegevens.json").content)

    assert [lid["naam"] for lid in data["netwerk"]["leden"]] == ["Tante Jo"]
    assert data["netwerk"]["plan"]["doelen"] == [{"tekst": "Weer naar de koffie-ochtend"}]
    assert [v["soort"] for v in data["koppelen"]["hulpvragen"]] == ["Boodschappen"]
    assert data["koppelen"]["alsVrijwilliger"] is None
    assert [v["voorziening"] for v in data["voorzieningen"]] == ["Buurthuis De Leeuw"]
