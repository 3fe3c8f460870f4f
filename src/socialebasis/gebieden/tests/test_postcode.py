"""Postcode → buurten from the CBS 'meest voorkomende postcode' (pst_mvp, pst_dekp)."""

import pytest
from openpyxl import Workbook

from socialebasis.gebieden import cbs, services
from socialebasis.gebieden.models import Gebied, Niveau
from socialebasis.gebieden.zoeken import (
    OngeldigePostcode,
    plaats_bij_postcode,
    postcode_normaliseren,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def utrecht():
    return services.laden("GM0344")


def test_laden_zet_postcode_en_dekking_per_buurt(utrecht):
    buurt = Gebied.objects.get(code="BU03440111")
    assert (buurt.postcode_meest, buurt.postcode_dekking) == ("3533", 1)
    # CBS writes '.' for the gemeente and the wijken: stored as empty, never '0' or 0.
    for code in ("GM0344", "WK034401"):
        g = Gebied.objects.get(code=code)
        assert g.postcode_meest is None and g.postcode_dekking is None
    met = Gebied.objects.filter(niveau=Niveau.BUURT, postcode_meest__isnull=False)
    assert met.count() == 111
    assert met.values("postcode_meest").distinct().count() == 47


def test_opnieuw_laden_verandert_niets(utrecht):
    tweede = services.laden("GM0344")
    assert tweede.nieuw == 0 and tweede.bijgewerkt == 0


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        ("3511", "3511"),
        (" 3511 ab ", "3511 AB"),
        ("3511ab", "3511 AB"),
        ("NL-3511 AB", "3511 AB"),
        ("1000", "1000"),
        ("9999 ZZ", "9999 ZZ"),
    ],
)
def test_postcode_normaliseren(invoer, verwacht):
    assert postcode_normaliseren(invoer) == verwacht


@pytest.mark.parametrize(
    "invoer",
    ["", "351", "0351", "35111", "3511 A", "3511 ABC", "abcd", "3511 SS", "3511sa"],
)
def test_ongeldige_postcode_geeft_nederlandse_melding(invoer):
    with pytest.raises(OngeldigePostcode) as fout:
        postcode_normaliseren(invoer)
    assert "postcode" in str(fout.value).lower()


def test_postcode_vindt_buurten_en_een_punt_ertussen(utrecht):
    plaats = plaats_bij_postcode(None, "3511 ab")
    assert plaats is not None and plaats.postcode == "3511"
    codes = [b.code for b in plaats.buurten]
    assert len(codes) == 6
    assert all(b.postcode_meest == "3511" for b in plaats.buurten)
    lats = [b.punt_lat for b in plaats.buurten]
    lons = [b.punt_lon for b in plaats.buurten]
    assert min(lats) <= plaats.punt_lat <= max(lats)
    assert min(lons) <= plaats.punt_lon <= max(lons)
    # The binnenstad of Utrecht (around the Dom, 52.09 N 5.12 E)
    assert abs(plaats.punt_lat - 52.09) < 0.02 and abs(plaats.punt_lon - 5.12) < 0.03
    assert plaats.gemeente_id == Gebied.objects.get(code="GM0344").pk


def test_gewogen_naar_inwoners(utrecht):
    plaats = plaats_bij_postcode("GM0344", "3533")
    assert plaats is not None and len(plaats.buurten) == 4
    # Unweighted mean differs from the weighted point when the buurten differ in size.
    gewoon = sum(b.punt_lat for b in plaats.buurten) / 4
    groot = max(plaats.buurten, key=lambda b: b.kerncijfers.order_by("-jaar").first().inwoners)
    assert abs(plaats.punt_lat - groot.punt_lat) <= abs(gewoon - groot.punt_lat) + 1e-9


def test_onbekende_postcode_en_andere_gemeente(utrecht):
    assert plaats_bij_postcode(None, "1012") is None  # Amsterdam: not loaded
    assert plaats_bij_postcode("GM0363", "3511") is None  # not in that gemeente
    with pytest.raises(OngeldigePostcode):
        plaats_bij_postcode(None, "3511 SS")


def test_slechte_postcode_in_kwb_bestand_noemt_rij_en_kolom(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["gwb_code_10", "regio", *cbs.KWB_KOLOMMEN.values(), "pst_mvp", "pst_dekp"])
    ws.append(["BU03440111", "Welgelegen", *([5] * 10), "3533", 1])
    ws.append(["BU03440112", "Oog in Al", *([5] * 10), "35X3", 1])
    pad = tmp_path / "CBS-test-kwb-2024.xlsx"
    wb.save(pad)
    with pytest.raises(cbs.CbsBestandFout) as fout:
        cbs.lees_kwb(pad)
    assert "rij 3" in str(fout.value) and "pst_mvp" in str(fout.value)
