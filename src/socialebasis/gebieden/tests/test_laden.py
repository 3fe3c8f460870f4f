"""Loading a gemeente: counts, real figures, idempotence, all-or-nothing."""

import shutil

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from socialebasis.gebieden import cbs, services
from socialebasis.gebieden.models import Gebied, Kerncijfers, Niveau

pytestmark = pytest.mark.django_db


@pytest.fixture
def utrecht():
    return services.laden("GM0344")


def momentopname():
    return (
        list(Gebied.objects.order_by("code").values()),
        list(Kerncijfers.objects.order_by("gebied__code", "jaar").values()),
    )


def bronmap_met(tmp_path, kapot_2024=None):
    """A source folder with the real TopoJSON and 2023 file, and optionally a bad 2024 file."""
    for naam in services.TOPOJSON.values():
        (tmp_path / naam).symlink_to(services.BRONMAP / naam)
    shutil.copy(services.BRONMAP / "CBS-Utrecht-kwb-2023.xlsx", tmp_path)
    if kapot_2024 is not None:
        wb = Workbook()
        ws = wb.active
        ws.title = "kwb-2024"
        ws.append(["gwb_code_10", "regio", "recs", *cbs.KWB_KOLOMMEN.values()])
        ws.append(["BU03440111", "Welgelegen, Den Hommel", "Buurt", *([5] * 10)])
        ws.append(["BU03440112", "Oog in Al", "Buurt", kapot_2024, *([5] * 9)])
        wb.save(tmp_path / "CBS-Utrecht-kwb-2024.xlsx")
    return tmp_path


def test_utrecht_gemeente_wijken_buurten(utrecht):
    gm = Gebied.objects.get(code="GM0344")
    assert gm.niveau == Niveau.GEMEENTE and gm.naam == "Utrecht" and gm.ouder is None
    assert Gebied.objects.gemeenten().count() == 1
    assert Gebied.objects.wijken().filter(gemeente=gm).count() == 10
    assert Gebied.objects.buurten().filter(gemeente=gm).count() == 111
    assert (utrecht.wijken, utrecht.buurten) == (10, 111)
    buurt = Gebied.objects.get(code="BU03440111")
    assert buurt.ouder.code == "WK034401"
    assert buurt.ouder.ouder == gm
    assert buurt.gemeente == gm
    # The current CBS name, not the 2014 map name ("Welgelegen. Den Hommel").
    assert buurt.naam == "Welgelegen, Den Hommel"


def test_echte_kerncijfers(utrecht):
    k = Kerncijfers.objects.get(gebied__code="BU03440111", jaar=2023)
    assert (k.inwoners, k.leeftijd_65_plus, k.huishoudens, k.eenpersoonshuishoudens) == (
        1810,
        360,
        1070,
        630,
    )
    assert k.wmo_clienten is None  # '.' in the CBS file: missing, not 0
    assert k.bron == "CBS Kerncijfers wijken en buurten 2023"
    assert Kerncijfers.objects.get(gebied__code="GM0344", jaar=2024).inwoners == 374238
    assert utrecht.kerncijfers == {2023: 122, 2024: 122}
    assert Kerncijfers.objects.count() == 244


def test_grenzen_bbox_en_punt(utrecht):
    for g in Gebied.objects.filter(gemeente__code="GM0344"):
        assert g.punt_lat is not None and g.min_lon is not None
        assert g.min_lon <= g.punt_lon <= g.max_lon
        assert g.min_lat <= g.punt_lat <= g.max_lat
    buurt = Gebied.objects.get(code="BU03440111")
    assert buurt.grens["type"] in ("Polygon", "MultiPolygon")
    ring = buurt.grens["coordinates"][0] if buurt.grens["type"] == "Polygon" else None
    assert all(round(x, 5) == x and round(y, 5) == y for x, y in ring)
    # Three buurten decode to zero area in the 2014 source: no boundary, but a point.
    assert sorted(utrecht.zonder_grens) == ["BU03440121", "BU03440621", "BU03440943"]
    assert Gebied.objects.get(code="BU03440621").grens is None


def test_tweede_keer_laden_verandert_niets(utrecht):
    voor = momentopname()
    tweede = services.laden("gm0344 ")
    assert momentopname() == voor
    assert (tweede.nieuw, tweede.bijgewerkt) == (0, 0)
    assert tweede.ongewijzigd == 122 + 244


def test_alleen_gekozen_jaar():
    services.laden("GM0344", jaren=[2023])
    assert set(Kerncijfers.objects.values_list("jaar", flat=True)) == {2023}


def test_amsterdam_zonder_kerncijfers(utrecht):
    res = services.laden("GM0363")
    assert res.gemeente_naam == "Amsterdam"
    assert res.wijken > 0 and res.buurten > 0
    assert res.kerncijfers == {}
    assert not Kerncijfers.objects.filter(gebied__code__startswith="BU0363").exists()
    assert Gebied.objects.filter(gemeente__code="GM0363").count() == res.wijken + res.buurten
    # Utrecht is untouched.
    assert Gebied.objects.filter(gemeente__code="GM0344").count() == 121


def test_rotterdam_laadt_ook():
    res = services.laden("GM0599")
    assert res.gemeente_naam == "Rotterdam" and res.buurten > 50


@pytest.mark.parametrize("code", ["GM9999", "Utrecht", "WK034401"])
def test_onbekende_code_verandert_niets(utrecht, code):
    voor = momentopname()
    with pytest.raises(services.OnbekendGebied) as fout:
        services.laden(code)
    assert "gemeente" in str(fout.value).lower()
    assert momentopname() == voor


def test_kapot_bestand_verandert_niets(utrecht, tmp_path):
    voor = momentopname()
    with pytest.raises(cbs.CbsBestandFout) as fout:
        services.laden("GM0344", bronmap=bronmap_met(tmp_path, kapot_2024="veel"))
    assert "CBS-Utrecht-kwb-2024.xlsx" in str(fout.value)
    assert "rij 3" in str(fout.value) and "a_inw" in str(fout.value)
    assert momentopname() == voor


def test_kapot_bestand_op_lege_database(tmp_path):
    with pytest.raises(cbs.CbsBestandFout):
        services.laden("GM0344", bronmap=bronmap_met(tmp_path, kapot_2024="?"))
    assert Gebied.objects.count() == 0 and Kerncijfers.objects.count() == 0


def test_fout_tijdens_schrijven_rolt_alles_terug(monkeypatch):
    echt = services._opslaan

    def faalt_bij_kerncijfers(model, *args, **kwargs):
        if model is Kerncijfers:
            raise RuntimeError("schijf vol")
        return echt(model, *args, **kwargs)

    monkeypatch.setattr(services, "_opslaan", faalt_bij_kerncijfers)
    with pytest.raises(RuntimeError):
        services.laden("GM0344")
    assert Gebied.objects.count() == 0


def test_jaar_zonder_bestand():
    with pytest.raises(services.LadenFout, match="2019"):
        services.laden("GM0344", jaren=[2019])
    assert Gebied.objects.count() == 0


def test_commando(capsys):
    call_command("gebieden_laden", "GM0344", "--jaar", "2023")
    uit = capsys.readouterr().out
    assert "Utrecht (GM0344): 1 gemeente, 10 wijken, 111 buurten." in uit
    assert "2023: 122 gebieden" in uit
    assert Kerncijfers.objects.count() == 122


def test_commando_fout():
    with pytest.raises(CommandError, match="GM9999: niet geladen"):
        call_command("gebieden_laden", "GM9999")
    assert Gebied.objects.count() == 0
