"""The netwerk screens: what a professional and a resident see and can do, without JavaScript."""

import pytest

from socialebasis.accounts.models import Rol
from socialebasis.netwerk import services
from socialebasis.netwerk.models import Netwerklid, Planactie, Vragenlijst
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
