"""The netwerk screens: what a professional and a resident see and can do, without JavaScript."""

import datetime

import pytest

from socialebasis.accounts.models import Rol
from socialebasis.audit.models import Verwerking
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


@pytest.fixture
def pro(client, utrecht):
    client.force_login(utrecht.users[Rol.PROFESSIONAL])
    return client


def test_netwerkpagina_toont_kaart_tabel_tekst_en_analyse(pro, utrecht):
    NetwerklidFactory(
        persoon=utrecht.in_team,
        naam="Ans",
        steun_aan="PGAE",
        ring=1,
        afstand="zelfde_buurt",
        notitie="Komt op dinsdag",
    )
    r = pro.get(f"/netwerk/{utrecht.in_team.uuid}")
    html = r.content.decode()
    assert r.status_code == 200
    assert "<svg" in html and "Netwerkkaart van Teamlid" in html
    assert "De kaart in woorden" in html and "Ans (familie, dichtbij)" in html
    assert "Emotionele steun komt van 1 persoon: Ans." in html
    assert "woont in dezelfde buurt" in html and "Komt op dinsdag" in html
    assert ' style="' not in html and "<script>" not in html


def test_lid_toevoegen_zonder_javascript_en_met_htmx(pro, utrecht):
    url = f"/netwerk/{utrecht.in_team.uuid}"
    data = {"lid-naam": "Buurman Piet", "lid-groep": "buren", "lid-ring": "3"}
    r = pro.post(url, {**data, "lid-steun_aan": ["P", "G"]})
    assert r.status_code == 302
    assert Netwerklid.objects.get(naam="Buurman Piet").steun_aan == "PG"
    r = pro.post(url, {**data, "lid-naam": "Tante Jo"}, HTTP_HX_REQUEST="true")
    assert r.status_code == 200 and "Tante Jo staat nu in het netwerk." in r.content.decode()
    r = pro.post(url, {"lid-naam": "", "lid-groep": "buren", "lid-ring": "3"})
    assert r.status_code == 200 and "utrecht-alert--error" in r.content.decode()
    assert Netwerklid.objects.count() == 2


def test_lid_wijzigen_en_verwijderen(pro, utrecht):
    lid = NetwerklidFactory(persoon=utrecht.in_team, naam="Ans")
    url = f"/netwerk/{utrecht.in_team.uuid}/leden/{lid.uuid}"
    assert 'value="Ans"' in pro.get(url).content.decode()
    r = pro.post(url, {"lid-naam": "Ans", "lid-groep": "familie", "lid-ring": "1"})
    assert r.status_code == 302
    lid.refresh_from_db()
    assert lid.ring == 1
    assert pro.get(url + "/verwijderen").status_code == 200
    assert pro.post(url + "/verwijderen").status_code == 302
    assert not Netwerklid.objects.exists()
    ander = NetwerklidFactory(persoon=utrecht.in_team, naam="Bert")
    r = pro.post(
        f"/netwerk/{utrecht.in_team.uuid}/leden/{ander.uuid}/verwijderen", HTTP_HX_REQUEST="true"
    )
    assert r.status_code == 200 and "Bert staat niet meer in het netwerk." in r.content.decode()
    assert not Netwerklid.objects.exists()


def test_momentopname_en_voor_na(pro, utrecht):
    p = utrecht.in_team
    NetwerklidFactory(persoon=p, naam="Ans")
    pro.post(f"/netwerk/{p.uuid}/momentopnamen", {"opname-toelichting": "begin"})
    opname = p.netwerk_momentopnamen.get()
    NetwerklidFactory(persoon=p, naam="Karim", groep="vrijwilligers")
    r = pro.get(f"/netwerk/{p.uuid}/vergelijken?van={opname.uuid}")
    html = r.content.decode()
    assert r.status_code == 200
    assert "Nieuw in het netwerk: Karim (vrijwilligers)." in html
    assert html.count("<svg") == 2
    assert pro.get(f"/netwerk/{p.uuid}/vergelijken?van=kapot").status_code == 404


def test_vragenlijst_invullen_en_geschiedenis(pro, utrecht):
    p = utrecht.in_team
    url = f"/netwerk/{p.uuid}/vragenlijsten/djg11"
    html = pro.get(url).content.decode()
    assert html.count("<fieldset") == 11
    assert "De Jong Gierveld &amp; Kamphuis (1985)" in html
    antwoorden = {f"vl-v{i}": "ja" for i in range(1, 12)}
    r = pro.post(url, antwoorden)
    assert r.status_code == 302
    rij = Vragenlijst.objects.get()
    assert rij.totaal == 6 and rij.categorie == "matig"
    html = pro.get(f"/netwerk/{p.uuid}/vragenlijsten").content.decode()
    assert "6 van 11" in html and "matig eenzaam" in html
    assert "Bronnen verschillen over deze grens" in html
    assert pro.get(f"/netwerk/{p.uuid}/vragenlijsten/zrm").status_code == 404


def test_plan_schrijven_en_pdf(pro, utrecht):
    p = utrecht.in_team
    url = f"/netwerk/{p.uuid}/plan"
    assert pro.get(url).status_code == 200
    r = pro.post(url, {"onderdeel": "doel", "doel-tekst": "Ik wil vaker naar buiten."})
    assert r.status_code == 302
    r = pro.post(
        url,
        {
            "onderdeel": "actie",
            "actie-omschrijving": "Wandelen met de buurvrouw",
            "actie-eigenaar": "inwoner",
            "actie-status": "open",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    actie = Planactie.objects.get()
    r = pro.post(
        url,
        {
            "onderdeel": "beraad",
            "beraad-datum": "2026-11-20",
            "beraad-afspraken": "Ans: belt elke week",
        },
    )
    assert r.status_code == 302
    r = pro.post(url, {"onderdeel": "evaluatie", "evaluatie-datum": "2027-01-15"})
    evaluatie = p.netwerkplan.evaluaties.get()
    r = pro.post(
        url,
        {"onderdeel": "verslag", "evaluatie": evaluatie.pk, "verslag": "Gaat goed met Ans."},
    )
    assert r.status_code == 302
    html = pro.get(url).content.decode()
    assert "Ik wil vaker naar buiten." in html and "belt elke week" in html
    assert "Gaat goed met Ans." in html
    r = pro.get(f"{url}/acties/{actie.pk}")
    assert r.status_code == 200
    pdf = pro.get(f"/netwerk/{p.uuid}/plan.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_inwoner_ziet_eigen_plan_en_vult_zelf_in(client, utrecht):
    pro = utrecht.users[Rol.PROFESSIONAL]
    services.doel_toevoegen(pro, utrecht.eigen, "Ik wil een maatje om mee te koken.")
    client.force_login(utrecht.users[Rol.INWONER])
    html = client.get("/netwerk/mijn-plan").content.decode()
    assert "Ik wil een maatje om mee te koken." in html
    r = client.post(
        "/netwerk/mijn-plan/vragenlijsten/djg6", {f"vl-v{i}": "nee" for i in range(1, 7)}
    )
    assert r.status_code == 302
    assert Vragenlijst.objects.get().wijze == "zelf"
    assert client.get("/netwerk/mijn-plan.pdf").content.startswith(b"%PDF")
    assert client.get(f"/netwerk/{utrecht.eigen.uuid}/plan.pdf").status_code == 200
    assert client.get(f"/netwerk/{utrecht.in_team.uuid}/plan.pdf").status_code == 404
    assert client.get(f"/netwerk/{utrecht.eigen.uuid}").status_code == 403


@pytest.mark.parametrize("rol", list(Rol))
def test_paginas_per_rol_en_gemeente(client, utrecht, amsterdam, rol):
    client.force_login(utrecht.users[rol])
    for t, wie, mag in [
        (utrecht, "in_team", True),
        (utrecht, "buiten_team", False),
        (amsterdam, "in_team", False),
    ]:
        p = getattr(t, wie)
        for pad in ["", "/vragenlijsten", "/plan", "/vragenlijsten/lsns6"]:
            r = client.get(f"/netwerk/{p.uuid}{pad}")
            if rol != Rol.PROFESSIONAL:
                assert r.status_code == 403, (rol, pad)
            else:
                assert r.status_code == (200 if mag else 404), (wie, pad)
    r = client.get("/netwerk/mijn-plan")
    assert r.status_code == (200 if rol == Rol.INWONER else 403)
    r = client.get("/netwerk/instellingen")
    assert r.status_code == (200 if rol == Rol.BEHEERDER else 403)


def test_beheerder_stelt_grenzen_in(client, utrecht):
    client.force_login(utrecht.users[Rol.BEHEERDER])
    r = client.post(
        "/netwerk/instellingen",
        {
            "djg11_subscale_threshold": "3",
            "lsns6_subscale_threshold": "",
            "ediz_signal_threshold": "6",
        },
    )
    assert r.status_code == 302
    s = services.instellingen_voor(utrecht.gemeente.pk)
    assert s.djg11_subscale_threshold == 3 and s.ediz_signal_threshold == 6
    assert s.lsns6_subscale_threshold is None


def test_netwerkpagina_houdt_het_aantal_queries_klein(pro, utrecht, django_assert_max_num_queries):
    p = utrecht.in_team
    for i in range(12):
        NetwerklidFactory(persoon=p, naam=f"Lid {i}")
    services.momentopname_maken(utrecht.users[Rol.PROFESSIONAL], p)
    services.momentopname_maken(utrecht.users[Rol.PROFESSIONAL], p)
    with django_assert_max_num_queries(19):  # 19 with app toeleiding; not per member
        assert pro.get(f"/netwerk/{p.uuid}").status_code == 200


def test_ediz_met_signaalgrens_van_de_gemeente(pro, utrecht):
    services.instellingen_wijzigen(utrecht.users[Rol.BEHEERDER], {"ediz_signal_threshold": 4})
    p = utrecht.in_team
    antwoorden = {f"vl-v{i}": ("ja!" if i <= 5 else "nee") for i in range(1, 10)}
    assert pro.post(f"/netwerk/{p.uuid}/vragenlijsten/ediz", antwoorden).status_code == 302
    html = pro.get(f"/netwerk/{p.uuid}/vragenlijsten").content.decode()
    assert "Score 5 van 9: op of boven de signaalgrens van de gemeente." in html
    assert "Uw gemeente gebruikt 4 als signaalgrens (geen officiële grens)." in html
    assert "de vaak genoemde grens is niet bevestigd" in html  # LSNS-6 subscales stay off


# ---- Changing and removing parts of the plan on screen --------------------------------------


@pytest.fixture
def plan_van(utrecht):
    """A plan with one goal, action, netwerkberaad and review."""

    def maak(p):
        plan = Netwerkplan.objects.create(persoon=p)
        doel = Plandoel.objects.create(plan=plan, tekst="Ik wil weer naar de markt.")
        actie = Planactie.objects.create(
            plan=plan, doel=doel, omschrijving="Samen naar de markt", eigenaar="inwoner"
        )
        beraad = Netwerkberaad.objects.create(
            plan=plan,
            datum=datetime.date(2026, 10, 1),
            afspraken=[{"naam": "Ans", "doet": "belt elke week"}, {"naam": "Bert", "doet": ""}],
        )
        evaluatie = Evaluatie.objects.create(plan=plan, datum=datetime.date(2027, 1, 15))
        return doel, actie, beraad, evaluatie

    return maak


def _logboek(naam):
    return Verwerking.objects.filter(naam=naam).count()


def test_netwerkberaad_wijzigen_en_weghalen(pro, utrecht, plan_van):
    p = utrecht.in_team
    _doel, _actie, beraad, _evaluatie = plan_van(p)
    url = f"/netwerk/{p.uuid}/plan/beraden/{beraad.pk}"
    # The plan page links to the edit page; the edit page shows what was agreed, one per line.
    assert url in pro.get(f"/netwerk/{p.uuid}/plan").content.decode()
    html = pro.get(url).content.decode()
    assert "Ans: belt elke week\nBert</textarea>" in html and 'value="2026-10-01"' in html
    assert _logboek("netwerkberaad.lezen") == 1
    r = pro.post(
        url,
        {
            "beraad-datum": "2026-10-08",
            "beraad-afspraken": "Ans: belt op zondag\nCor: gaat mee naar de markt",
            "beraad-verslag": "Bert kon niet.",
        },
    )
    assert r.status_code == 302 and r["Location"].endswith(f"/plan#beraad-{beraad.pk}")
    beraad.refresh_from_db()
    assert beraad.datum == datetime.date(2026, 10, 8) and beraad.verslag == "Bert kon niet."
    assert beraad.afspraken == [
        {"naam": "Ans", "doet": "belt op zondag"},
        {"naam": "Cor", "doet": "gaat mee naar de markt"},
    ]
    assert _logboek("netwerkberaad.wijzigen") == 1
    html = pro.get(f"/netwerk/{p.uuid}/plan").content.decode()
    assert "Het netwerkberaad is opgeslagen." in html and "gaat mee naar de markt" in html

    # Wrong input: a clear error naming the field, nothing saved.
    r = pro.post(url, {"beraad-datum": "2026-10-08", "beraad-afspraken": ": belt"})
    assert r.status_code == 200
    html = r.content.decode()
    assert "Wie waren er en wat gaat ieder doen?" in html and "Er staat geen naam voor" in html
    r = pro.post(url, {"beraad-datum": "", "beraad-afspraken": "Ans"})
    assert "Datum" in r.content.decode() and r.status_code == 200
    beraad.refresh_from_db()
    assert beraad.afspraken[0]["doet"] == "belt op zondag"

    # Removing asks first; only the POST of the question removes.
    r = pro.get(f"{url}/verwijderen")
    assert r.status_code == 200
    assert "Het netwerkberaad van 8 oktober 2026 uit het plan halen?" in r.content.decode()
    assert Netwerkberaad.objects.filter(pk=beraad.pk).exists()
    r = pro.post(f"{url}/verwijderen")
    assert r.status_code == 302 and r["Location"].endswith("/plan#beraad")
    assert not Netwerkberaad.objects.filter(pk=beraad.pk).exists()
    assert _logboek("netwerkberaad.verwijderen") == 1
    assert (
        "Er is nog geen netwerkberaad geweest."
        in pro.get(f"/netwerk/{p.uuid}/plan").content.decode()
    )


def test_evaluatie_wijzigen_en_weghalen(pro, utrecht, plan_van):
    p = utrecht.in_team
    *_rest, evaluatie = plan_van(p)
    url = f"/netwerk/{p.uuid}/plan/evaluaties/{evaluatie.pk}"
    assert 'value="2027-01-15"' in pro.get(url).content.decode()
    r = pro.post(
        url, {"evaluatie-datum": "2027-02-01", "evaluatie-verslag": "Het gaat goed met Ans."}
    )
    assert r.status_code == 302
    evaluatie.refresh_from_db()
    assert evaluatie.datum == datetime.date(2027, 2, 1)
    assert evaluatie.verslag == "Het gaat goed met Ans."
    assert _logboek("evaluatie.wijzigen") == 1 and _logboek("evaluatie.lezen") == 1
    r = pro.post(url, {"evaluatie-datum": "morgen"})
    assert r.status_code == 200 and "Datum" in r.content.decode()
    assert (
        "Het terugkijken van 1 februari 2027 uit het plan halen?"
        in pro.get(f"{url}/verwijderen").content.decode()
    )
    assert pro.post(f"{url}/verwijderen").status_code == 302
    assert not Evaluatie.objects.filter(pk=evaluatie.pk).exists()
    assert _logboek("evaluatie.verwijderen") == 1


def test_doel_en_actie_wijzigen_en_weghalen_met_een_vraag_vooraf(pro, utrecht, plan_van):
    p = utrecht.in_team
    doel, actie, _beraad, _evaluatie = plan_van(p)
    url = f"/netwerk/{p.uuid}/plan/doelen/{doel.pk}"
    assert "Ik wil weer naar de markt.</textarea>" in pro.get(url).content.decode()
    r = pro.post(url, {"doel-tekst": "Ik wil elke zaterdag naar de markt."})
    assert r.status_code == 302 and r["Location"].endswith(f"#doel-{doel.pk}")
    doel.refresh_from_db()
    assert doel.tekst == "Ik wil elke zaterdag naar de markt."
    assert pro.post(url, {"doel-tekst": "  "}).status_code == 200
    # remove: the question names the goal, the action stays without goal
    html = pro.get(f"{url}/verwijderen").content.decode()
    assert "Dit doel uit het plan halen?" in html and "Ik wil elke zaterdag" in html
    assert Plandoel.objects.filter(pk=doel.pk).exists()
    pro.post(f"{url}/verwijderen")
    assert not Plandoel.objects.filter(pk=doel.pk).exists()
    actie.refresh_from_db()
    assert actie.doel is None
    assert _logboek("plandoel.wijzigen") == _logboek("plandoel.verwijderen") == 1

    url = f"/netwerk/{p.uuid}/plan/acties/{actie.pk}"
    assert f"{url}/verwijderen" in pro.get(url).content.decode()
    assert pro.post(url, {"verwijderen": "1"}).status_code == 200  # no removal without asking
    assert Planactie.objects.filter(pk=actie.pk).exists()
    assert "Deze actie uit het plan halen?" in pro.get(f"{url}/verwijderen").content.decode()
    assert pro.post(f"{url}/verwijderen").status_code == 302
    assert not Planactie.objects.filter(pk=actie.pk).exists()
    assert _logboek("planactie.verwijderen") == 1


def test_actie_gedaan_met_een_klik(pro, utrecht, plan_van):
    p = utrecht.in_team
    _doel, actie, _beraad, _evaluatie = plan_van(p)
    url = f"/netwerk/{p.uuid}/plan/acties/{actie.pk}/status"
    html = pro.get(f"/netwerk/{p.uuid}/plan").content.decode()
    assert f'action="{url}"' in html and "Gedaan<span" in html
    # Without JavaScript: a plain form and back to the action in the plan.
    r = pro.post(url, {"status": "klaar"})
    assert r.status_code == 302 and r["Location"].endswith(f"/plan#actie-{actie.pk}")
    actie.refresh_from_db()
    assert actie.status == "klaar"
    assert _logboek("planactie.wijzigen") == 1
    html = pro.get(f"/netwerk/{p.uuid}/plan").content.decode()
    assert "Samen naar de markt: klaar." in html and "Toch nog niet klaar" in html
    # With htmx: the plan comes back at once, with the message in the status region.
    r = pro.post(url, {"status": "bezig"}, HTTP_HX_REQUEST="true")
    assert r.status_code == 200
    html = r.content.decode()
    assert 'id="plan-blok"' in html and "Samen naar de markt: bezig." in html
    actie.refresh_from_db()
    assert actie.status == "bezig"
    assert pro.post(url, {"status": "weg"}).status_code == 404
    assert pro.get(url).status_code == 405


def test_gedaan_bij_een_actie_zonder_netwerklid_gaat_naar_wijzigen(pro, utrecht):
    p = utrecht.in_team
    lid = NetwerklidFactory(persoon=p, naam="Zus Ans")
    actie = services.actie_toevoegen(
        utrecht.users[Rol.PROFESSIONAL],
        p,
        {"omschrijving": "Boodschappen", "eigenaar": "netwerklid", "netwerklid": lid},
    )
    services.lid_verwijderen(utrecht.users[Rol.PROFESSIONAL], lid)
    r = pro.post(f"/netwerk/{p.uuid}/plan/acties/{actie.pk}/status", {"status": "klaar"})
    assert r.status_code == 302 and r["Location"] == f"/netwerk/{p.uuid}/plan/acties/{actie.pk}"
    assert "Kies wie uit het netwerk dit doet." in pro.get(r["Location"]).content.decode()
    actie.refresh_from_db()
    assert actie.status == "open"
    r = pro.post(
        f"/netwerk/{p.uuid}/plan/acties/{actie.pk}/status",
        {"status": "klaar"},
        HTTP_HX_REQUEST="true",
    )
    assert r["HX-Redirect"] == f"/netwerk/{p.uuid}/plan/acties/{actie.pk}"


def test_planonderdelen_van_een_ander_team_of_andere_gemeente_geven_404(
    pro, utrecht, amsterdam, plan_van
):
    for p in (utrecht.buiten_team, amsterdam.in_team):
        doel, actie, beraad, evaluatie = plan_van(p)
        for pad in (
            f"doelen/{doel.pk}",
            f"acties/{actie.pk}",
            f"beraden/{beraad.pk}",
            f"evaluaties/{evaluatie.pk}",
        ):
            basis = f"/netwerk/{p.uuid}/plan/{pad}"
            assert pro.get(basis).status_code == 404
            assert pro.get(f"{basis}/verwijderen").status_code == 404
            assert pro.post(f"{basis}/verwijderen").status_code == 404
        r = pro.post(
            f"/netwerk/{p.uuid}/plan/beraden/{beraad.pk}",
            {"beraad-datum": "2026-10-08", "beraad-afspraken": "Kwaadwillend"},
        )
        assert r.status_code == 404
        r = pro.post(f"/netwerk/{p.uuid}/plan/acties/{actie.pk}/status", {"status": "klaar"})
        assert r.status_code == 404
        assert Netwerkberaad.objects.get(pk=beraad.pk).afspraken[0]["naam"] == "Ans"
        assert Planactie.objects.get(pk=actie.pk).status == "open"
        assert Plandoel.objects.filter(pk=doel.pk).exists()
    # A part of another resident's plan is not found through this resident's address.
    eigen = utrecht.in_team
    plan_van(eigen)
    vreemd = utrecht.buiten_team.netwerkplan.beraden.get()
    assert pro.get(f"/netwerk/{eigen.uuid}/plan/beraden/{vreemd.pk}").status_code == 404
    assert Verwerking.objects.filter(naam="netwerk.lezen", status="geweigerd").exists()
    assert not Verwerking.objects.filter(naam__endswith=".wijzigen").exists()


def test_inwoner_ziet_het_plan_maar_wijzigt_het_niet(client, utrecht, plan_van):
    _doel, actie, beraad, _evaluatie = plan_van(utrecht.eigen)
    client.force_login(utrecht.users[Rol.INWONER])
    html = client.get("/netwerk/mijn-plan").content.decode()
    assert "Samen naar de markt" in html and "belt elke week" in html
    assert "Gedaan" not in html and "Wijzigen" not in html and "Weghalen" not in html
    p = utrecht.eigen
    r = client.post(f"/netwerk/{p.uuid}/plan/acties/{actie.pk}/status", {"status": "klaar"})
    assert r.status_code == 403
    assert client.post(f"/netwerk/{p.uuid}/plan/beraden/{beraad.pk}/verwijderen").status_code == 403
    actie.refresh_from_db()
    assert actie.status == "open" and Netwerkberaad.objects.filter(pk=beraad.pk).exists()
