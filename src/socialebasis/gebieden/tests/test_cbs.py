"""Parsing of the CBS/PDOK source files (no database)."""

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from socialebasis.gebieden import cbs
from socialebasis.gebieden.services import BRONMAP, TOPOJSON

pytestmark = pytest.mark.pure

KWB_2023 = BRONMAP / "CBS-Utrecht-kwb-2023.xlsx"
KOP = ["gwb_code_10", "regio", "recs", *cbs.KWB_KOLOMMEN.values()]


def schrijf_xlsx(pad: Path, rijen, kop=KOP, blad="kwb-2023") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = blad
    ws.append(kop)
    for rij in rijen:
        ws.append(rij)
    wb.save(pad)
    return pad


def rij(code="BU03440111", naam="Welgelegen, Den Hommel", waarde=10):
    return [code, naam, "Buurt", *([waarde] * len(cbs.KWB_KOLOMMEN))]


# --- TopoJSON ---------------------------------------------------------------------------------


def test_utrecht_staat_in_de_landelijke_kaarten():
    wijken = [c for c in cbs.lees_topojson(BRONMAP / TOPOJSON["wijk"]).codes() if c[2:6] == "0344"]
    buurten = [
        c for c in cbs.lees_topojson(BRONMAP / TOPOJSON["buurt"]).codes() if c[2:6] == "0344"
    ]
    assert len(wijken) == 10
    assert len(buurten) == 111
    gm = cbs.lees_topojson(BRONMAP / TOPOJSON["gemeente"]).gebied("GM0344")
    assert gm.naam == "Utrecht"
    # Utrecht lies around 52.09 N, 5.12 E.
    minx, miny, maxx, maxy = gm.geometrie.bounds
    assert 4.9 < minx < 5.12 < maxx < 5.3
    assert 51.9 < miny < 52.09 < maxy < 52.2


def _topo(tmp_path, objecten, arcs, transform=None):
    data = {
        "type": "Topology",
        "arcs": arcs,
        "objects": {"layer": {"type": "GeometryCollection", "geometries": objecten}},
    }
    if transform:
        data["transform"] = transform
    pad = tmp_path / "topo.json"
    pad.write_text(json.dumps(data))
    return cbs.lees_topojson(pad)


def test_gedeelde_grens_wordt_omgekeerd_gelezen(tmp_path):
    # Two unit squares side by side share the arc x=1; the right one uses it reversed (~0 = -1).
    arcs = [
        [[1, 0], [0, 1]],  # shared: (1,0) -> (1,1), delta-encoded
        [[1, 1], [-1, 0], [0, -1], [1, 0]],  # left square, rest: (1,1)->(0,1)->(0,0)->(1,0)
        [[1, 0], [1, 0], [0, 1], [-1, 0]],  # right square, rest: (1,0)->(2,0)->(2,1)->(1,1)
    ]
    objecten = [
        {"type": "Polygon", "arcs": [[0, 1]], "properties": {"statcode": "BU00010001"}},
        {"type": "Polygon", "arcs": [[~0, 2]], "properties": {"statcode": "BU00010002"}},
        {
            "type": "MultiPolygon",
            "arcs": [[[0, 1]], [[~0, 2]]],
            "properties": {"statcode": "WK000100", "statnaam": "Samen"},
        },
    ]
    topo = _topo(tmp_path, objecten, arcs, {"scale": [0.5, 0.25], "translate": [5.0, 52.0]})
    links, rechts = topo.gebied("BU00010001"), topo.gebied("BU00010002")
    assert links.geometrie.is_valid and rechts.geometrie.is_valid
    assert links.geometrie.bounds == (5.0, 52.0, 5.5, 52.25)
    assert rechts.geometrie.bounds == (5.5, 52.0, 6.0, 52.25)
    assert links.geometrie.area == pytest.approx(0.125)
    assert links.geometrie.touches(rechts.geometrie)
    samen = topo.gebied("WK000100")
    assert samen.geometrie.geom_type == "MultiPolygon"
    assert samen.geometrie.area == pytest.approx(0.25)
    assert samen.naam == "Samen" and samen.niveau == "wijk"
    assert topo.gebied("BU99999999") is None


def test_grens_met_oppervlakte_nul_blijft_leesbaar():
    buurten = cbs.lees_topojson(BRONMAP / TOPOJSON["buurt"])
    wijk_c = buurten.gebied("BU03440621")  # decodes to a line on the 300 m grid
    assert wijk_c.geometrie.area == 0
    assert cbs.herstel(wijk_c.geometrie).is_empty
    assert cbs.naar_geojson(cbs.herstel(wijk_c.geometrie)) is None


def test_kapotte_topojson_geeft_nederlandse_fout(tmp_path):
    pad = tmp_path / "kapot.json"
    pad.write_text("{niet json")
    with pytest.raises(cbs.CbsBestandFout, match="kapot.json"):
        cbs.lees_topojson(pad)


# --- Kerncijfers xlsx -----------------------------------------------------------------------


def test_echte_kerncijfers_utrecht_2023():
    bestand = cbs.lees_kwb(KWB_2023)
    assert bestand.jaar == 2023
    assert len(bestand.records) == 122
    niveaus = [r.niveau for r in bestand.records]
    assert (niveaus.count("gemeente"), niveaus.count("wijk"), niveaus.count("buurt")) == (
        1,
        10,
        111,
    )
    r = {r.code: r for r in bestand.records}["BU03440111"]
    assert r.naam == "Welgelegen, Den Hommel"
    assert r.cijfers["inwoners"] == 1810
    assert r.cijfers["leeftijd_65_plus"] == 360
    assert r.cijfers["huishoudens"] == 1070
    assert r.cijfers["eenpersoonshuishoudens"] == 630
    # Wmo clients are '.' (not published) in this file: missing, never 0.
    assert r.cijfers["wmo_clienten"] is None


def test_codes_worden_genormaliseerd():
    assert cbs.normaliseer_code(" bu03440111 ") == "BU03440111"
    assert cbs.normaliseer_code("WK 034401") == "WK034401"
    assert cbs.normaliseer_code("0344") is None
    assert cbs.oudercode_van("BU03440111") == "WK034401"
    assert cbs.oudercode_van("WK034401") == "GM0344"


def test_punt_leeg_en_getal_als_tekst(tmp_path):
    pad = schrijf_xlsx(
        tmp_path / "kwb-2023.xlsx",
        [
            ["bu03440111 ", "A", "Buurt", "1 810", ".", None, " 7 ", "", 3.0, 1, 2, 3, "."],
        ],
    )
    (r,) = cbs.lees_kwb(pad).records
    assert r.code == "BU03440111"
    assert r.cijfers["inwoners"] == 1810
    assert r.cijfers["leeftijd_0_14"] is None
    assert r.cijfers["leeftijd_15_24"] is None
    assert r.cijfers["leeftijd_25_44"] == 7
    assert r.cijfers["leeftijd_45_64"] is None
    assert r.cijfers["leeftijd_65_plus"] == 3
    assert r.cijfers["wmo_clienten"] is None


def test_kolom_ontbreekt(tmp_path):
    kop = [k for k in KOP if k != "a_65_oo"]
    pad = schrijf_xlsx(tmp_path / "kwb-2023.xlsx", [rij()[:-1]], kop=kop)
    with pytest.raises(cbs.CbsBestandFout) as fout:
        cbs.lees_kwb(pad)
    tekst = str(fout.value)
    assert "kwb-2023.xlsx" in tekst and "a_65_oo" in tekst and "ontbreekt" in tekst


def test_geen_getal_noemt_bestand_rij_en_kolom(tmp_path):
    slecht = rij(code="BU03440112")
    slecht[3] = "veel"  # a_inw
    pad = schrijf_xlsx(tmp_path / "kwb-2023.xlsx", [rij(), slecht])
    with pytest.raises(cbs.CbsBestandFout) as fout:
        cbs.lees_kwb(pad)
    assert fout.value.rij == 3
    assert fout.value.kolom == "a_inw"
    assert "rij 3" in str(fout.value) and "'veel' is geen getal" in str(fout.value)


def test_verkeerd_werkblad(tmp_path):
    pad = schrijf_xlsx(tmp_path / "kwb-2023.xlsx", [["x"]], kop=["iets", "anders"], blad="Blad1")
    with pytest.raises(cbs.CbsBestandFout, match="geen werkblad met de kolom 'gwb_code_10'"):
        cbs.lees_kwb(pad)


def test_onleesbaar_bestand(tmp_path):
    pad = tmp_path / "kwb-2023.xlsx"
    pad.write_text("dit is geen Excel")
    with pytest.raises(cbs.CbsBestandFout, match="geen leesbaar Excel-bestand"):
        cbs.lees_kwb(pad)


def test_foute_code(tmp_path):
    pad = schrijf_xlsx(tmp_path / "kwb-2023.xlsx", [rij(code="Utrecht")])
    with pytest.raises(cbs.CbsBestandFout, match="geen CBS-code"):
        cbs.lees_kwb(pad)
