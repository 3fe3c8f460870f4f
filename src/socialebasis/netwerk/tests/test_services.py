"""Services of the persoonlijk netwerk: access per role and gemeente, audit, scoring, plan."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from socialebasis.accounts.models import Rol
from socialebasis.audit.models import Verwerking
from socialebasis.netwerk import bronnen, ecogram, services
from socialebasis.netwerk.models import Netwerklid, Scoringsinstellingen, Vragenlijst
from socialebasis.netwerk.pdf import plan_document, tekst_van
from socialebasis.netwerk.tests.factories import NetwerklidFactory

pytestmark = pytest.mark.django_db


def _pro(t):
    return t.users[Rol.PROFESSIONAL]


def test_professional_voegt_lid_toe_en_dat_wordt_gelogd(utrecht):
    pro = _pro(utrecht)
    lid = services.lid_toevoegen(
        pro,
        utrecht.in_team,
        {"naam": " Ans ", "groep": "huishouden", "ring": 1, "steun_aan": "ep", "steun_van": "G"},
    )
    assert lid.naam == "Ans" and lid.steun_aan == "PE"
    rij = Verwerking.objects.get(naam="netwerklid.aanmaken")
    assert rij.verwerkingsactiviteit == "ondersteuning-inwoner"
    assert rij.actor == pro and rij.object_id == str(lid.uuid)


def test_uren_alleen_bij_mantelzorger_en_ongeldige_invoer_geweigerd(utrecht):
    pro = _pro(utrecht)
    lid = services.lid_toevoegen(
        pro, utrecht.in_team, {"naam": "Bert", "groep": "vrienden", "uren_per_week": 5}
    )
    assert lid.uren_per_week is None
    with pytest.raises(ValidationError) as e:
        services.lid_toevoegen(pro, utrecht.in_team, {"naam": "", "groep": "vrienden"})
    assert "naam" in e.value.message_dict
    with pytest.raises(ValidationError):
        services.lid_toevoegen(pro, utrecht.in_team, {"naam": "X", "groep": "collega"})
    with pytest.raises(ValidationError) as e:
        services.lid_toevoegen(
            pro, utrecht.in_team, {"naam": "X", "groep": "buren", "steun_aan": "PX"}
        )
    assert e.value.message_dict["steun_aan"] == ["Onbekende soort steun: X. Kies uit P, G, A en E."]
    assert utrecht.in_team.netwerkleden.count() == 1


@pytest.mark.parametrize("rol", [r for r in Rol if r != Rol.PROFESSIONAL])
def test_andere_rollen_mogen_het_netwerk_niet_wijzigen(utrecht, rol):
    for p in (utrecht.in_team, utrecht.eigen, utrecht.koppelen):
        with pytest.raises(PermissionDenied):
            services.lid_toevoegen(utrecht.users[rol], p, {"naam": "X", "groep": "buren"})
    assert not Netwerklid.objects.exists()


def test_professional_buiten_team_of_andere_gemeente_ziet_niets(utrecht, amsterdam):
    NetwerklidFactory(persoon=utrecht.buiten_team)
    NetwerklidFactory(persoon=amsterdam.in_team)
    pro = _pro(utrecht)
    with pytest.raises(PermissionDenied):
        services.persoon_ophalen(pro, utrecht.buiten_team.uuid)
    with pytest.raises(PermissionDenied):
        services.persoon_ophalen(pro, amsterdam.in_team.uuid)
    with pytest.raises(PermissionDenied):
        services.lid_toevoegen(pro, amsterdam.in_team, {"naam": "X", "groep": "buren"})
    geweigerd = Verwerking.objects.filter(naam="netwerk.lezen", status="geweigerd")
    assert geweigerd.count() == 2


def test_lezen_van_het_netwerk_wordt_gelogd_met_het_juiste_doel(utrecht):
    NetwerklidFactory(persoon=utrecht.eigen, naam="Zus")
    beeld = services.netwerk_lezen(_pro(utrecht), utrecht.eigen)
    assert [lid.naam for lid in beeld.leden] == ["Zus"]
    inwoner = utrecht.users[Rol.INWONER]
    services.netwerk_lezen(inwoner, utrecht.eigen)
    rijen = list(Verwerking.objects.filter(naam="netwerk.lezen").order_by("id"))
    assert [r.verwerkingsactiviteit for r in rijen] == ["ondersteuning-inwoner", "eigen-gegevens"]
    with pytest.raises(PermissionDenied):
        services.netwerk_lezen(inwoner, utrecht.in_team)


def test_vragenlijst_score_wordt_opgeslagen_zoals_berekend(utrecht):
    # E items 2,3,5,6,9,10; S items 1,4,7,8,11 (positive: nee/min of meer = 1)
    antwoorden = [
        "nee",  # 1 S -> 1
        "ja",  # 2 E -> 1
        "min of meer",  # 3 E -> 1
        "ja",  # 4 S -> 0
        "nee",  # 5 E -> 0
        "nee",  # 6 E -> 0
        "min of meer",  # 7 S -> 1
        "ja",  # 8 S -> 0
        "ja",  # 9 E -> 1
        "nee",  # 10 E -> 0
        "ja",  # 11 S -> 0
    ]
    rij = services.vragenlijst_invullen(
        _pro(utrecht), utrecht.in_team, "djg11", antwoorden, datum=datetime.date(2026, 3, 1)
    )
    rij.refresh_from_db()
    assert rij.totaal == 5 and rij.categorie == "matig"
    assert rij.categorie_label == "matig eenzaam"
    assert rij.subschalen == {"emotioneel": 3, "sociaal": 2}
    assert rij.subschaal_categorieen == {"emotioneel": "eenzaam", "sociaal": "eenzaam"}
    assert rij.wijze == "samen" and rij.instellingen["djg11_subscale_threshold"] == 2
    assert rij.antwoorden[2] == "min of meer"


def test_gemeente_kiest_subschaalgrens_en_die_geldt_voor_nieuwe_lijsten(utrecht):
    antwoorden = ["ja"] * 11  # emotional 6, social 0
    antwoorden[0] = "nee"  # social 1 ... + item 4 nee -> social 2
    antwoorden[3] = "nee"
    eerst = services.vragenlijst_invullen(_pro(utrecht), utrecht.in_team, "djg11", antwoorden)
    assert eerst.subschaal_categorieen["sociaal"] == "eenzaam"
    beheerder = utrecht.users[Rol.BEHEERDER]
    services.instellingen_wijzigen(beheerder, {"djg11_subscale_threshold": 3})
    daarna = services.vragenlijst_invullen(_pro(utrecht), utrecht.in_team, "djg11", antwoorden)
    assert daarna.subschaal_categorieen["sociaal"] == "niet"
    eerst.refresh_from_db()
    assert eerst.subschaal_categorieen["sociaal"] == "eenzaam"  # the old result keeps its rule
    with pytest.raises(PermissionDenied):
        services.instellingen_wijzigen(_pro(utrecht), {"djg11_subscale_threshold": 2})
    assert Scoringsinstellingen.objects.get().djg11_subscale_threshold == 3


def test_inwoner_vult_zelf_in_maar_alleen_over_zichzelf(utrecht):
    inwoner = utrecht.users[Rol.INWONER]
    rij = services.vragenlijst_invullen(inwoner, utrecht.eigen, "lsns6", [1, 1, 1, 2, 2, 2])
    assert rij.totaal == 9 and rij.categorie == "risico" and rij.wijze == "zelf"
    assert Verwerking.objects.get(naam="vragenlijst.aanmaken").verwerkingsactiviteit == (
        "eigen-gegevens"
    )
    with pytest.raises(PermissionDenied):
        services.vragenlijst_invullen(inwoner, utrecht.in_team, "lsns6", [1] * 6)
    with pytest.raises(PermissionDenied):
        services.vragenlijst_invullen(
            utrecht.users[Rol.COORDINATOR], utrecht.koppelen, "lsns6", [1] * 6
        )


def test_ongeldige_antwoorden_geven_een_nederlandse_fout(utrecht):
    with pytest.raises(ValidationError) as e:
        services.vragenlijst_invullen(_pro(utrecht), utrecht.in_team, "djg6", ["misschien"] * 6)
    assert "geen geldig antwoord" in str(e.value)
    with pytest.raises(ValidationError):
        services.vragenlijst_invullen(_pro(utrecht), utrecht.in_team, "ediz", [None] * 9)
    assert not Vragenlijst.objects.exists()


def test_momentopname_bevriest_en_vergelijken_noemt_de_veranderingen(utrecht):
    pro = _pro(utrecht)
    p = utrecht.in_team
    leeg = services.momentopname_maken(pro, p, "nog niemand")  # an empty start is allowed
    assert leeg.leden == []
    ans = services.lid_toevoegen(pro, p, {"naam": "Ans", "groep": "familie", "ring": 2})
    services.lid_toevoegen(pro, p, {"naam": "Cor", "groep": "buren", "ring": 3})
    oud = services.momentopname_maken(pro, p, "voor het beraad")
    services.lid_wijzigen(pro, ans, {"ring": 1, "steun_aan": "E"})
    services.lid_verwijderen(pro, p.netwerkleden.get(naam="Cor"))
    services.lid_toevoegen(pro, p, {"naam": "Maatje Karim", "groep": "vrijwilligers"})
    assert sorted(d["naam"] for d in oud.leden) == ["Ans", "Cor"]
    nieuw = services.momentopname_maken(pro, p)
    _o, _n, leden, verandering = services.vergelijken(pro, p, oud.uuid, nieuw.uuid)
    zinnen = verandering.zinnen
    assert "Nieuw in het netwerk: Maatje Karim (vrijwilligers)." in zinnen
    assert "Niet meer in het netwerk: Cor." in zinnen
    assert "Dichterbij gekomen: Ans (van midden naar dichtbij)." in zinnen
    assert "Steun veranderd: Ans geeft nu ook emotionele steun." in zinnen
    assert Verwerking.objects.filter(naam="momentopname.vergelijken").count() == 1


def test_plan_met_doel_actie_beraad_en_pdf(utrecht):
    pro = _pro(utrecht)
    p = utrecht.in_team
    zus = services.lid_toevoegen(pro, p, {"naam": "Zus Ans", "groep": "familie"})
    doel = services.doel_toevoegen(pro, p, "Ik wil weer naar het zwembad.")
    actie = services.actie_toevoegen(
        pro,
        p,
        {
            "doel": doel,
            "omschrijving": "Samen naar het zwembad op dinsdag",
            "eigenaar": "netwerklid",
            "netwerklid": zus,
            "uiterlijk": datetime.date(2026, 12, 15),
        },
    )
    assert actie.wie == "Zus Ans"
    services.beraad_vastleggen(
        pro,
        p,
        datum=datetime.date(2026, 11, 20),
        afspraken=services.afspraken_uit_tekst("Zus Ans: rijdt op dinsdag\nBuurman Piet"),
    )
    services.evaluatie_plannen(pro, p, datum=datetime.date(2027, 1, 10))
    plan = services.plan_lezen(utrecht.users[Rol.INWONER], utrecht.eigen)
    assert plan is None  # the resident's own (empty) plan, not someone else's
    plan = services.plan_lezen(pro, p)
    assert plan.beraden.get().afspraken == [
        {"naam": "Zus Ans", "doet": "rijdt op dinsdag"},
        {"naam": "Buurman Piet", "doet": ""},
    ]
    pdf = services.plan_afdrukken(pro, p)
    assert pdf.startswith(b"%PDF")
    tekst = tekst_van(plan_document(p, plan))
    assert "Ik wil weer naar het zwembad." in tekst
    assert "Samen naar het zwembad op dinsdag" in tekst and "rijdt op dinsdag" in tekst
    assert "De mensen om mij heen" in tekst and "Zus Ans" in tekst
    assert Verwerking.objects.filter(naam="netwerkplan.afdrukken").count() == 1


def test_actie_met_netwerklid_van_een_ander_wordt_geweigerd(utrecht):
    pro = _pro(utrecht)
    vreemde = NetwerklidFactory(persoon=utrecht.eigen)
    with pytest.raises(ValidationError) as e:
        services.actie_toevoegen(
            pro,
            utrecht.in_team,
            {"omschrijving": "x", "eigenaar": "netwerklid", "netwerklid": vreemde},
        )
    assert "netwerklid" in e.value.message_dict
    with pytest.raises(ValidationError):
        services.actie_toevoegen(
            pro, utrecht.in_team, {"omschrijving": "x", "eigenaar": "netwerklid"}
        )


def test_bronnen_uit_andere_apps_staan_op_de_kaart(utrecht):
    def vrijwilligers(persoon):
        yield ecogram.Netwerklid(
            id="koppelen:1", naam="Maatje Joris", groep="vrijwilligers", laag="vrijwilliger"
        )
        yield ecogram.Netwerklid(id="zonder-voorvoegsel", naam="Fout", groep="buren", laag="dienst")

    def kapot(persoon):
        raise RuntimeError("stuk")

    bronnen.registreer(vrijwilligers)
    bronnen.registreer(kapot)
    try:
        beeld = services.netwerk_lezen(_pro(utrecht), utrecht.in_team)
    finally:
        bronnen.afmelden(vrijwilligers)
        bronnen.afmelden(kapot)
    assert [(lid.naam, lid.laag) for lid in beeld.ecogram_leden] == [
        ("Maatje Joris", "vrijwilliger")
    ]
    assert "Maatje Joris" in ecogram.render_svg("Teamlid", beeld.ecogram_leden)


WOORDEN = ["ja", "min of meer", "nee", None]


@pytest.mark.parametrize("code", ["djg11", "djg6", "lsns6", "ediz"])
def test_opgeslagen_score_is_de_score_van_de_kern(utrecht, code):
    """Property: for random answers the stored row equals instrumenten.score (never re-derived)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from socialebasis.netwerk.instrumenten import INSTRUMENTEN, score

    n = INSTRUMENTEN[code].aantal_vragen
    keuzes = (
        [0, 1, 2, 3, 4, 5, None]
        if code == "lsns6"
        else ["nee!", "nee", "min of meer", "ja", "ja!", None]
        if code == "ediz"
        else WOORDEN
    )

    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.sampled_from(keuzes), min_size=n, max_size=n))
    def eigenschap(antwoorden):
        if all(a is None for a in antwoorden):
            return
        rij = services.vragenlijst_invullen(_pro(utrecht), utrecht.in_team, code, antwoorden)
        rij.refresh_from_db()
        r = score(code, antwoorden)
        assert rij.totaal == r.total
        assert rij.categorie == (r.category or "")
        assert rij.subschalen == r.subscales
        assert services.uitkomst_van(rij).summary == r.summary

    eigenschap()


def _vervangen_beelden(document) -> list:
    """The replaced boxes (images) WeasyPrint laid out, with what they hold."""
    uit = []

    def loop(box):
        if getattr(box, "replacement", None) is not None:
            uit.append(box.replacement)
        for kind in getattr(box, "children", []) or []:
            loop(kind)

    for pagina in document.pages:
        loop(pagina._page_box)
    return uit


def test_pdf_tekent_de_netwerkkaart_met_bronnen_en_houdt_de_lijst(utrecht):
    import base64
    import re

    from socialebasis.netwerk import bronnen, ecogram
    from socialebasis.netwerk.pdf import plan_html

    def maatje(persoon):
        yield ecogram.Netwerklid(
            id="test:1", naam="Maatje Kees", groep="vrijwilligers", laag="vrijwilliger"
        )

    bronnen.registreer(maatje)
    try:
        pro = _pro(utrecht)
        p = utrecht.in_team
        services.lid_toevoegen(pro, p, {"naam": "Zus Ans", "groep": "familie", "steun_aan": "E"})
        html = plan_html(p, None)
        uri = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]*)"', html)
        assert uri, "the map is in the PDF as an image"
        svg = base64.b64decode(uri.group(1)).decode()
        assert "paint-order" not in svg  # WeasyPrint cannot draw it
        assert "Netwerkkaart van Teamlid" in svg
        for naam in ("Zus Ans", "Maatje Kees"):
            assert svg.count(f">{naam}</text>") == 2  # white outline copy + the name
            assert naam in uri.group(2)  # the alt text names everyone too
        document = plan_document(p, None)
        beelden = _vervangen_beelden(document)
        assert [type(b).__name__ for b in beelden] == ["SVGImage"]  # drawn, not the alt text
        pdf = document.write_pdf(uncompressed_pdf=True)
        assert pdf.count(b"/Subtype /Form") >= 1  # vector drawing, not a bitmap
        tekst = tekst_van(document)
        assert "Zus Ans" in tekst and "Maatje Kees" in tekst  # the list stays as text
    finally:
        bronnen.afmelden(maatje)


def test_pdf_zonder_netwerk_heeft_geen_kaart(utrecht):
    p = utrecht.in_team
    assert _vervangen_beelden(plan_document(p, None)) == []
    assert "Netwerkkaart" not in tekst_van(plan_document(p, None))
