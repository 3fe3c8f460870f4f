"""Pure parsing of CBS/PDOK open data: TopoJSON area boundaries and 'Kerncijfers wijken en buurten'.

No database access here; `services.laden` turns the results into model rows.

TopoJSON: the national files (gemeenten 2015, wijken and buurten 2014) are quantised to a
1000 x 1000 grid over the Netherlands (about 263 m x 312 m per step) and delta-encoded. We decode
the arcs ourselves (the format is short, see https://github.com/topojson/topojson-specification)
and build shapely geometries. Because of the coarse grid many small buurten decode to
self-intersecting rings (repaired with `make_valid`) and a few to zero area (kept as a degenerate
geometry; the caller decides what to do with them).

Kerncijfers (kwb) xlsx: one row per gemeente/wijk/buurt, columns named like the CBS kwb layout
(gwb_code_10, regio, recs, a_inw, a_00_14, ...). '.' means secret or not yet published and is
read as None, never as 0.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import shapely
import shapely.errors
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.geometry.base import BaseGeometry

# --------------------------------------------------------------------------------------------
# Errors


class GebiedenFout(Exception):
    """Base class of the Dutch, user-facing errors of the gebieden loader."""


class CbsBestandFout(GebiedenFout):
    """A CBS/PDOK source file cannot be used. The message is Dutch and names file, row, column."""

    def __init__(self, bestand, melding: str, *, rij: int | None = None, kolom: str | None = None):
        self.bestand = Path(bestand).name if bestand else ""
        self.rij = rij
        self.kolom = kolom
        plaats = []
        if rij is not None:
            plaats.append(f"rij {rij}")
        if kolom:
            plaats.append(f"kolom '{kolom}'")
        waar = f" ({', '.join(plaats)})" if plaats else ""
        super().__init__(f"Bestand '{self.bestand}'{waar}: {melding}")


# --------------------------------------------------------------------------------------------
# Codes

CODE_RE = re.compile(r"^(GM\d{4}|WK\d{6}|BU\d{8})$")
NIVEAU_PER_PREFIX = {"GM": "gemeente", "WK": "wijk", "BU": "buurt"}


def normaliseer_code(waarde) -> str | None:
    """'gm0344 ', 'WK034401', 'BU03440111' -> upper-case code; None when it is not a CBS code."""
    if waarde is None:
        return None
    code = str(waarde).strip().upper().replace(" ", "")
    return code if CODE_RE.match(code) else None


def niveau_van(code: str) -> str:
    return NIVEAU_PER_PREFIX[code[:2]]


def gemeentecode_van(code: str) -> str:
    """GM0344 / WK034401 / BU03440111 -> GM0344 (the 4 digits after the prefix)."""
    return "GM" + code[2:6]


def oudercode_van(code: str) -> str | None:
    """Parent by CBS code structure: buurt BU+4+2+2 -> wijk WK+4+2; wijk -> gemeente."""
    if code.startswith("BU"):
        return "WK" + code[2:8]
    if code.startswith("WK"):
        return "GM" + code[2:6]
    return None


# --------------------------------------------------------------------------------------------
# TopoJSON


@dataclass
class TopoGebied:
    code: str
    naam: str
    niveau: str
    geometrie: BaseGeometry  # shapely (Multi)Polygon, possibly with zero area


class Topologie:
    """One decoded TopoJSON file. Arcs are decoded lazily and cached."""

    def __init__(self, pad: Path, data: dict):
        self.pad = pad
        try:
            self._arcs_raw = data["arcs"]
            transform = data.get("transform")
            if transform:
                self._sx, self._sy = (float(v) for v in transform["scale"])
                self._tx, self._ty = (float(v) for v in transform["translate"])
                self._gequantiseerd = True
            else:
                self._sx = self._sy = 1.0
                self._tx = self._ty = 0.0
                self._gequantiseerd = False
            objecten = data["objects"]
            laag = objecten["layer"] if "layer" in objecten else next(iter(objecten.values()))
            self._geometrieen = laag["geometries"]
        except (KeyError, TypeError, ValueError, StopIteration) as e:
            raise CbsBestandFout(pad, f"geen geldig TopoJSON-bestand ({e!r}).") from e
        self._arcs: dict[int, list[tuple[float, float]]] = {}
        self._index: dict[str, dict] = {}
        for g in self._geometrieen:
            code = normaliseer_code((g.get("properties") or {}).get("statcode"))
            if code:
                self._index[code] = g

    def codes(self) -> list[str]:
        return list(self._index)

    def __contains__(self, code: str) -> bool:
        return code in self._index

    def _arc(self, i: int) -> list[tuple[float, float]]:
        j = ~i if i < 0 else i
        punten = self._arcs.get(j)
        if punten is None:
            punten = []
            x = y = 0
            for pos in self._arcs_raw[j]:
                if self._gequantiseerd:
                    x += pos[0]
                    y += pos[1]
                else:
                    x, y = pos[0], pos[1]
                punten.append((x * self._sx + self._tx, y * self._sy + self._ty))
            self._arcs[j] = punten
        return punten[::-1] if i < 0 else punten

    def _ring(self, arc_indices: list[int]) -> list[tuple[float, float]]:
        ring: list[tuple[float, float]] = []
        for i in arc_indices:
            punten = self._arc(i)
            # Consecutive arcs share their end/start point; drop the duplicate.
            ring.extend(punten if not ring else punten[1:])
        # The coarse grid can shrink a ring to fewer than 4 points: keep it as a zero-area ring
        # (repaired away later) so the area's points are not lost.
        while ring and len(ring) < 4:
            ring.insert(1, ring[0])
        return ring

    def _polygoon(self, ringen: list[list[int]]) -> Polygon:
        buiten, *gaten = (self._ring(r) for r in ringen)
        return Polygon(buiten, [g for g in gaten if len(g) >= 4])

    def gebied(self, code: str) -> TopoGebied | None:
        g = self._index.get(code)
        if g is None:
            return None
        try:
            if g["type"] == "Polygon":
                geom = self._polygoon(g["arcs"])
            elif g["type"] == "MultiPolygon":
                geom = MultiPolygon([self._polygoon(p) for p in g["arcs"]])
            else:
                raise CbsBestandFout(
                    self.pad, f"{code}: geometrietype '{g['type']}' niet ondersteund."
                )
        except (KeyError, IndexError, TypeError, ValueError) as e:
            raise CbsBestandFout(
                self.pad, f"{code}: de grens kan niet worden gelezen ({e!r})."
            ) from e
        props = g.get("properties") or {}
        naam = str(props.get("statnaam") or code).strip()
        return TopoGebied(code=code, naam=naam, niveau=niveau_van(code), geometrie=geom)


@lru_cache(maxsize=8)
def _topologie_cached(pad: str, mtime: float, grootte: int) -> Topologie:
    p = Path(pad)
    try:
        with p.open(encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise CbsBestandFout(p, f"het bestand kan niet worden gelezen ({e}).") from e
    return Topologie(p, data)


def lees_topojson(pad: Path | str) -> Topologie:
    """Parse a TopoJSON file once per process (cached on path, size and modification time)."""
    p = Path(pad)
    try:
        st = p.stat()
    except OSError as e:
        raise CbsBestandFout(p, "het bestand bestaat niet of is niet leesbaar.") from e
    return _topologie_cached(str(p.resolve()), st.st_mtime, st.st_size)


def _polygonen(geom: BaseGeometry) -> list[Polygon]:
    """Polygonal parts with positive area of one (possibly invalid) Polygon."""
    if geom.is_empty or geom.area <= 0:
        return []
    if geom.is_valid:
        return [geom]
    try:
        geldig = shapely.make_valid(geom)
    except shapely.errors.GEOSException:
        geldig = geom.buffer(0)
    uit: list[Polygon] = []
    for d in getattr(geldig, "geoms", [geldig]):
        if d.geom_type == "Polygon" and d.area > 0:
            uit.append(d)
        elif d.geom_type in ("MultiPolygon", "GeometryCollection"):
            uit.extend(p for p in d.geoms if p.geom_type == "Polygon" and p.area > 0)
    return uit


def herstel(geom: BaseGeometry) -> BaseGeometry:
    """Repair a decoded geometry: keep only its polygonal part (empty for zero area).

    Each polygon is repaired on its own (a MultiPolygon with zero-area parts makes GEOS fail),
    then the parts are merged.
    """
    if geom.is_valid and geom.area > 0 and all(p.area > 0 for p in getattr(geom, "geoms", [geom])):
        return geom
    polys = [p for deel in getattr(geom, "geoms", [geom]) for p in _polygonen(deel)]
    if not polys:
        return Polygon()
    if len(polys) == 1:
        return polys[0]
    samen = shapely.union_all(polys)
    if samen.geom_type == "GeometryCollection":
        samen = MultiPolygon([p for p in samen.geoms if p.geom_type == "Polygon"])
    return samen


def naar_geojson(geom: BaseGeometry, decimalen: int = 5) -> dict | None:
    """shapely (Multi)Polygon -> GeoJSON geometry dict with rounded coordinates (None if empty)."""
    if geom.is_empty:
        return None

    def ring(coords) -> list[list[float]]:
        uit: list[list[float]] = []
        for x, y in coords:
            punt = [round(x, decimalen), round(y, decimalen)]
            if not uit or uit[-1] != punt:
                uit.append(punt)
        return uit

    def poly(p: Polygon) -> list[list[list[float]]]:
        return [ring(p.exterior.coords)] + [ring(r.coords) for r in p.interiors]

    if geom.geom_type == "Polygon":
        return {"type": "Polygon", "coordinates": poly(geom)}
    if geom.geom_type == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [poly(p) for p in geom.geoms]}
    raise ValueError(f"geen vlak: {geom.geom_type}")


def uit_geojson(grens: dict | None) -> BaseGeometry | None:
    """GeoJSON geometry dict (as stored in Gebied.grens) -> shapely geometry, or None."""
    if not grens:
        return None
    geom = shape(grens)
    return geom if not geom.is_empty else None


# --------------------------------------------------------------------------------------------
# Kerncijfers wijken en buurten (xlsx)

# model field -> CBS kwb column
KWB_KOLOMMEN: dict[str, str] = {
    "inwoners": "a_inw",
    "leeftijd_0_14": "a_00_14",
    "leeftijd_15_24": "a_15_24",
    "leeftijd_25_44": "a_25_44",
    "leeftijd_45_64": "a_45_64",
    "leeftijd_65_plus": "a_65_oo",
    "huishoudens": "a_hh",
    "eenpersoonshuishoudens": "a_1p_hh",
    "huishoudens_met_kinderen": "a_hh_m_k",
    "wmo_clienten": "a_wmo_t",
}
CODE_KOLOMMEN = ("gwb_code_10", "gwb_code")
NAAM_KOLOM = "regio"
VERPLICHT = ("gwb_code_10", NAAM_KOLOM, *KWB_KOLOMMEN.values())
ONTBREKEND = {"", "."}  # CBS: '.' secret/not published; empty cell: missing
# Optional columns (CBS kwb 'Postcode'): the most common PC4 of the area's addresses and its
# coverage class (1 = almost all addresses have that postcode; higher = fewer, up to 5).
POSTCODE_KOLOM = "pst_mvp"
DEKKING_KOLOM = "pst_dekp"


@dataclass
class KwbRecord:
    code: str
    naam: str
    niveau: str
    rij: int
    cijfers: dict[str, int | None] = field(default_factory=dict)
    postcode: str | None = None  # pst_mvp: most common PC4 ('3511'), None when '.'
    postcode_dekking: int | None = None  # pst_dekp: coverage class 1-5, None when '.'


@dataclass
class KwbBestand:
    pad: Path
    jaar: int
    blad: str
    records: list[KwbRecord]

    def voor_gemeente(self, gemeente_code: str) -> list[KwbRecord]:
        return [r for r in self.records if gemeentecode_van(r.code) == gemeente_code]


def jaar_uit_naam(pad: Path | str) -> int | None:
    """'CBS-Utrecht-kwb-2023.xlsx' -> 2023."""
    m = re.search(r"kwb[-_ ]?(\d{4})", Path(pad).name, re.IGNORECASE)
    return int(m.group(1)) if m else None


def _getal(waarde, pad: Path, rij: int, kolom: str) -> int | None:
    if waarde is None:
        return None
    if isinstance(waarde, bool):
        raise CbsBestandFout(pad, f"'{waarde}' is geen getal.", rij=rij, kolom=kolom)
    if isinstance(waarde, int):
        getal = waarde
    elif isinstance(waarde, float):
        if waarde != waarde or not waarde.is_integer():
            raise CbsBestandFout(pad, f"'{waarde}' is geen heel getal.", rij=rij, kolom=kolom)
        getal = int(waarde)
    else:
        tekst = str(waarde).strip().replace("\u00a0", "").replace(" ", "")
        if tekst in ONTBREKEND:
            return None
        if not re.fullmatch(r"-?\d+", tekst):
            raise CbsBestandFout(
                pad,
                f"'{str(waarde).strip()}' is geen getal en ook geen '.' (geheim of onbekend).",
                rij=rij,
                kolom=kolom,
            )
        getal = int(tekst)
    if getal < 0:
        raise CbsBestandFout(
            pad, f"'{waarde}' is negatief; een aantal kan niet negatief zijn.", rij=rij, kolom=kolom
        )
    return getal


def _postcode4(waarde, pad: Path, rij: int) -> str | None:
    """pst_mvp: a PC4 (1000-9999) as int or text; '.' or empty is None."""
    if waarde is None:
        return None
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    tekst = str(waarde).strip()
    if tekst in ONTBREKEND:
        return None
    if not re.fullmatch(r"[1-9]\d{3}", tekst):
        raise CbsBestandFout(
            pad,
            f"'{tekst}' is geen postcode van vier cijfers (1000 tot en met 9999) en ook geen '.'.",
            rij=rij,
            kolom=POSTCODE_KOLOM,
        )
    return tekst


def _dekking(waarde, pad: Path, rij: int) -> int | None:
    getal = _getal(waarde, pad, rij, DEKKING_KOLOM)
    if getal is not None and not 1 <= getal <= 5:
        raise CbsBestandFout(
            pad,
            f"'{waarde}' is geen dekkingsklasse (1 tot en met 5).",
            rij=rij,
            kolom=DEKKING_KOLOM,
        )
    return getal


def lees_kwb(pad: Path | str, jaar: int | None = None) -> KwbBestand:
    """Read a CBS 'Kerncijfers wijken en buurten' xlsx into records.

    The sheet is the first one whose first row has the column 'gwb_code_10'. The year comes from
    `jaar` or from the file name ('...kwb-2023.xlsx'). Raises CbsBestandFout with file, row and
    column on any problem.
    """
    pad = Path(pad)
    jaar = jaar or jaar_uit_naam(pad)
    if jaar is None:
        raise CbsBestandFout(
            pad, "het jaar staat niet in de bestandsnaam (verwacht '...kwb-2023.xlsx')."
        )
    try:
        from openpyxl import load_workbook

        wb = load_workbook(pad, read_only=True, data_only=True)
    except FileNotFoundError as e:
        raise CbsBestandFout(pad, "het bestand bestaat niet.") from e
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise CbsBestandFout(
            pad, f"het bestand is geen leesbaar Excel-bestand (.xlsx) ({e})."
        ) from e
    try:
        blad = None
        kop: list[str] = []
        for ws in wb.worksheets:
            eerste = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), None) or ()
            namen = [str(c).strip().lower() if c is not None else "" for c in eerste]
            if "gwb_code_10" in namen:
                blad, kop = ws, namen
                break
        if blad is None:
            raise CbsBestandFout(
                pad,
                f"geen werkblad met de kolom 'gwb_code_10' gevonden (werkbladen: "
                f"{', '.join(wb.sheetnames)}). Is dit een CBS-bestand "
                "'Kerncijfers wijken en buurten'?",
                rij=1,
            )
        for kolom in VERPLICHT:
            if kolom not in kop:
                raise CbsBestandFout(pad, "deze kolom ontbreekt.", rij=1, kolom=kolom)
        index = {naam: kop.index(naam) for naam in VERPLICHT}
        for naam in (POSTCODE_KOLOM, DEKKING_KOLOM):
            if naam in kop:
                index[naam] = kop.index(naam)
        records: list[KwbRecord] = []
        gezien: set[str] = set()
        for rijnummer, rij in enumerate(blad.iter_rows(min_row=2, values_only=True), start=2):
            if rij is None or all(c is None or str(c).strip() == "" for c in rij):
                continue
            rij = tuple(rij) + (None,) * (len(kop) - len(rij))
            ruwe_code = rij[index["gwb_code_10"]]
            code = normaliseer_code(ruwe_code)
            if code is None:
                raise CbsBestandFout(
                    pad,
                    f"'{ruwe_code}' is geen CBS-code (GM0344, WK034401 of BU03440111).",
                    rij=rijnummer,
                    kolom="gwb_code_10",
                )
            if code in gezien:
                raise CbsBestandFout(
                    pad, f"code {code} staat er twee keer in.", rij=rijnummer, kolom="gwb_code_10"
                )
            gezien.add(code)
            naam = str(rij[index[NAAM_KOLOM]] or "").strip() or code
            cijfers = {
                veld: _getal(rij[index[kolom]], pad, rijnummer, kolom)
                for veld, kolom in KWB_KOLOMMEN.items()
            }
            record = KwbRecord(code, naam, niveau_van(code), rijnummer, cijfers)
            if POSTCODE_KOLOM in index:
                record.postcode = _postcode4(rij[index[POSTCODE_KOLOM]], pad, rijnummer)
            if DEKKING_KOLOM in index:
                record.postcode_dekking = _dekking(rij[index[DEKKING_KOLOM]], pad, rijnummer)
            records.append(record)
        if not records:
            raise CbsBestandFout(pad, "het werkblad bevat geen gegevens.")
        return KwbBestand(pad=pad, jaar=jaar, blad=blad.title, records=records)
    finally:
        wb.close()
