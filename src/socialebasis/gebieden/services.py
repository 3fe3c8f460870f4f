"""Writes for the gebieden app: load a gemeente, its wijken and buurten and their CBS figures.

`laden("GM0344")` reads the national TopoJSON boundaries (gemeenten 2015, wijken/buurten 2014)
and every CBS 'Kerncijfers wijken en buurten' xlsx in the source folder, then writes everything
for that one gemeente in a single transaction. Loading again changes nothing (rows are matched
on CBS code and on (gebied, jaar)); a bad file or an unknown code raises a Dutch error before
anything is written.

Boundaries are stored as GeoJSON (WGS84) after `simplify(VEREENVOUDIGING, preserve_topology=True)`
and rounding to 5 decimals (about 1 m). The tolerance of 0.0005 degrees (about 35 m east-west,
55 m north-south) is far below the source grid of about 263 m x 312 m, so it only drops points
that add nothing visible; Utrecht's 122 areas take about 19 kB of GeoJSON.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.db import transaction
from shapely.geometry import MultiPoint
from shapely.geometry.base import BaseGeometry

from socialebasis.gebieden import cbs
from socialebasis.gebieden.models import Gebied, Kerncijfers, Niveau

BRONMAP = Path(__file__).resolve().parent / "data"
TOPOJSON = {
    Niveau.GEMEENTE: "Gemeente_2015_layer_q1e3.json",
    Niveau.WIJK: "Wijk_2014_layer_q1e3.json",
    Niveau.BUURT: "Buurt_2014_layer_q1e3.json",
}
GRENS_BRON = {
    Niveau.GEMEENTE: "CBS/PDOK gemeentegrenzen 2015 (TopoJSON, ongeveer 300 m nauwkeurig)",
    Niveau.WIJK: "CBS/PDOK wijkgrenzen 2014 (TopoJSON, ongeveer 300 m nauwkeurig)",
    Niveau.BUURT: "CBS/PDOK buurtgrenzen 2014 (TopoJSON, ongeveer 300 m nauwkeurig)",
}
GRENS_TE_GROF = "grens te grof: oppervlakte 0 in de bron (2014, ongeveer 300 m)"
VEREENVOUDIGING = 0.0005  # degrees, see module docstring
DECIMALEN = 5
KWB_PATROON = re.compile(r"kwb[-_ ]?(\d{4}).*\.xlsx$", re.IGNORECASE)


class OnbekendGebied(cbs.GebiedenFout):
    """The requested CBS code is not in the source files."""


class LadenFout(cbs.GebiedenFout):
    """Wrong use of the loader (e.g. a year without a file)."""


@dataclass
class Laadresultaat:
    gemeente_code: str
    gemeente_naam: str = ""
    wijken: int = 0
    buurten: int = 0
    zonder_grens: list[str] = field(default_factory=list)
    kerncijfers: dict[int, int] = field(default_factory=dict)  # jaar -> rows for this gemeente
    nieuw: int = 0
    bijgewerkt: int = 0
    ongewijzigd: int = 0
    opmerkingen: list[str] = field(default_factory=list)
    duur: float = 0.0

    def __str__(self) -> str:
        regels = [
            f"{self.gemeente_naam} ({self.gemeente_code}): 1 gemeente, {self.wijken} wijken, "
            f"{self.buurten} buurten."
        ]
        if self.kerncijfers:
            per_jaar = ", ".join(f"{j}: {n} gebieden" for j, n in sorted(self.kerncijfers.items()))
            regels.append(f"Kerncijfers van het CBS geladen voor {per_jaar}.")
        else:
            regels.append("Geen kerncijfers gevonden voor deze gemeente (alleen de grenzen).")
        regels.append(
            f"Rijen nieuw: {self.nieuw}, bijgewerkt: {self.bijgewerkt}, "
            f"al goed: {self.ongewijzigd}."
        )
        if self.zonder_grens:
            n = len(self.zonder_grens)
            regels.append(
                f"{n} {'gebied' if n == 1 else 'gebieden'} zonder bruikbare grens "
                f"(te klein voor de grove kaart van 2014): {', '.join(self.zonder_grens)}."
            )
        regels.extend(self.opmerkingen)
        regels.append(f"Klaar in {self.duur:.1f} seconden.")
        return "\n".join(regels)


@dataclass
class _Gebiedsdata:
    code: str
    naam: str
    niveau: str
    grens: dict | None = None
    bbox: tuple[float, float, float, float] | None = None
    punt: tuple[float, float] | None = None
    grens_bron: str = ""
    postcode: str | None = None
    postcode_dekking: int | None = None


def kwb_bestanden(bronmap: Path) -> dict[int, Path]:
    """Year -> CBS kwb xlsx in `bronmap` (file names like 'CBS-Utrecht-kwb-2023.xlsx')."""
    gevonden: dict[int, Path] = {}
    for pad in sorted(bronmap.glob("*.xlsx")):
        m = KWB_PATROON.search(pad.name)
        if m:
            gevonden.setdefault(int(m.group(1)), pad)
    return gevonden


def _lees_kwb(pad: Path, jaar: int) -> cbs.KwbBestand:
    """cbs.lees_kwb, cached per process on path, size and modification time."""
    st = pad.stat()
    return _lees_kwb_cached(str(pad.resolve()), st.st_mtime_ns, st.st_size, jaar)


@lru_cache(maxsize=16)
def _lees_kwb_cached(pad: str, mtime: int, grootte: int, jaar: int) -> cbs.KwbBestand:
    return cbs.lees_kwb(pad, jaar)


def _rond(x: float) -> float:
    return round(x, DECIMALEN)


def _geometrie_data(geom: BaseGeometry) -> tuple[dict | None, tuple | None, tuple | None]:
    """Repair, simplify and round one decoded geometry -> (GeoJSON or None, bbox, punt)."""
    hersteld = cbs.herstel(geom)
    if hersteld.is_empty:
        # Zero area after decoding: no usable boundary; keep a point and bbox from the raw
        # coordinates so the lookup can still fall back to it.
        punten = MultiPoint(list(_alle_coords(geom)))
        if punten.is_empty:
            return None, None, None
        minx, miny, maxx, maxy = punten.bounds
        p = punten.centroid
        return None, tuple(map(_rond, (minx, miny, maxx, maxy))), (_rond(p.x), _rond(p.y))
    eenvoudig = hersteld.simplify(VEREENVOUDIGING, preserve_topology=True)
    if eenvoudig.is_empty or eenvoudig.area <= 0:
        eenvoudig = hersteld
    grens = cbs.naar_geojson(eenvoudig, DECIMALEN)
    # Bbox and point from the geometry as stored, so the point lies inside the stored boundary.
    opgeslagen = cbs.herstel(cbs.uit_geojson(grens))
    if opgeslagen.is_empty:
        opgeslagen = hersteld
        grens = cbs.naar_geojson(hersteld, DECIMALEN)
    minx, miny, maxx, maxy = opgeslagen.bounds
    p = opgeslagen.representative_point()
    return grens, tuple(map(_rond, (minx, miny, maxx, maxy))), (_rond(p.x), _rond(p.y))


def _alle_coords(geom: BaseGeometry):
    for poly in getattr(geom, "geoms", [geom]):
        if poly.is_empty:
            continue
        yield from poly.exterior.coords
        for r in poly.interiors:
            yield from r.coords


def _uit_topo(topo: cbs.TopoGebied, niveau: str) -> _Gebiedsdata:
    grens, bbox, punt = _geometrie_data(topo.geometrie)
    bron = GRENS_BRON[niveau] if grens else f"{GRENS_BRON[niveau]}; {GRENS_TE_GROF}"
    return _Gebiedsdata(topo.code, topo.naam, niveau, grens, bbox, punt, bron)


def _velden(d: _Gebiedsdata, gemeente: Gebied | None, ouder: Gebied | None) -> dict:
    bbox = d.bbox or (None, None, None, None)
    punt = d.punt or (None, None)
    return {
        "naam": d.naam[:200],
        "niveau": d.niveau,
        "gemeente": gemeente,
        "ouder": ouder,
        "grens": d.grens,
        "grens_bron": d.grens_bron[:200],
        "min_lon": bbox[0],
        "min_lat": bbox[1],
        "max_lon": bbox[2],
        "max_lat": bbox[3],
        "punt_lon": punt[0],
        "punt_lat": punt[1],
        "postcode_meest": d.postcode,
        "postcode_dekking": d.postcode_dekking,
    }


def _opslaan(model, bestaand, sleutel: dict, velden: dict, res: Laadresultaat):
    """update_or_create that leaves unchanged rows alone and counts what it did."""
    if bestaand is None:
        obj = model.objects.create(**sleutel, **velden)
        res.nieuw += 1
        return obj
    gewijzigd = []
    for naam, waarde in velden.items():
        veld = model._meta.get_field(naam)
        if veld.is_relation:
            huidig, nieuw = getattr(bestaand, veld.attname), getattr(waarde, "pk", None)
        else:
            huidig, nieuw = getattr(bestaand, naam), waarde
        if huidig != nieuw:
            gewijzigd.append(naam)
    if gewijzigd:
        for naam in gewijzigd:
            setattr(bestaand, naam, velden[naam])
        bestaand.save(update_fields=gewijzigd)
        res.bijgewerkt += 1
    else:
        res.ongewijzigd += 1
    return bestaand


def laden(gemeente_code: str, *, jaren=None, bronmap=None) -> Laadresultaat:
    """Load one gemeente with its wijken, buurten and CBS figures; idempotent, all or nothing.

    - `gemeente_code`: CBS code such as 'GM0344' (case and spaces do not matter).
    - `jaren`: the years of figures to load; default every year with a kwb file in `bronmap`.
      Figures are only loaded for years whose file contains this gemeente.
    - `bronmap`: folder with the three TopoJSON files and the kwb xlsx files (default: the data
      shipped with the app, see gebieden/data/BRONNEN.md).

    Raises OnbekendGebied, LadenFout or cbs.CbsBestandFout (Dutch messages); the database is then
    unchanged.
    """
    begin = time.monotonic()
    code = cbs.normaliseer_code(gemeente_code)
    if code is None or not code.startswith("GM"):
        raise OnbekendGebied(
            f"'{gemeente_code}' is geen gemeentecode van het CBS. Een gemeentecode is GM met vier "
            "cijfers, bijvoorbeeld GM0344 voor Utrecht."
        )
    bronmap = Path(bronmap) if bronmap else BRONMAP
    res = Laadresultaat(gemeente_code=code)

    # 1. Read and check everything before writing anything.
    topo = {niveau: cbs.lees_topojson(bronmap / naam) for niveau, naam in TOPOJSON.items()}
    gm_topo = topo[Niveau.GEMEENTE].gebied(code)
    if gm_topo is None:
        raise OnbekendGebied(
            f"Gemeente {code} staat niet in de CBS-gemeentekaart van 2015 "
            f"({TOPOJSON[Niveau.GEMEENTE]}). Controleer de code. Gemeenten die na 2015 zijn "
            "ontstaan of opgeheven kunnen met deze kaart niet worden geladen."
        )
    cijfers_per_jaar: dict[int, dict[str, cbs.KwbRecord]] = {}
    beschikbaar = kwb_bestanden(bronmap)
    if jaren is None:
        gekozen = sorted(beschikbaar)
    else:
        gekozen = sorted({int(j) for j in jaren})
        ontbrekend = [j for j in gekozen if j not in beschikbaar]
        if ontbrekend:
            jaartekst = ", ".join(map(str, sorted(beschikbaar))) or "geen"
            raise LadenFout(
                f"Geen CBS-bestand met kerncijfers voor {', '.join(map(str, ontbrekend))} in "
                f"{bronmap}. Beschikbare jaren: {jaartekst}."
            )
    for jaar in gekozen:
        bestand = _lees_kwb(beschikbaar[jaar], jaar)
        records = {r.code: r for r in bestand.voor_gemeente(code)}
        if records:
            cijfers_per_jaar[jaar] = records

    cijfer_codes = {c for records in cijfers_per_jaar.values() for c in records}
    # Latest CBS name wins over the 2014 map name (the map uses '.' where CBS now writes ',').
    kwb_naam: dict[str, str] = {}
    for jaar in sorted(cijfers_per_jaar):
        kwb_naam.update({c: r.naam for c, r in cijfers_per_jaar[jaar].items()})

    cijfers_nr = code[2:6]
    gebieden: dict[str, _Gebiedsdata] = {code: _uit_topo(gm_topo, Niveau.GEMEENTE)}
    for niveau, prefix in ((Niveau.WIJK, "WK"), (Niveau.BUURT, "BU")):
        for c in sorted(topo[niveau].codes()):
            if c.startswith(prefix + cijfers_nr):
                gebieden[c] = _uit_topo(topo[niveau].gebied(c), niveau)
    # Areas with figures but without a 2014 boundary (new since 2014): load without boundary.
    nieuw_zonder_kaart = sorted(c for c in cijfer_codes if c not in gebieden)
    for c in nieuw_zonder_kaart:
        niveau = cbs.niveau_van(c)
        gebieden[c] = _Gebiedsdata(
            c,
            kwb_naam.get(c, c),
            niveau,
            grens_bron="niet in de CBS/PDOK-kaart van 2014 (gebied is nieuwer)",
        )
    if nieuw_zonder_kaart:
        res.opmerkingen.append(
            f"{len(nieuw_zonder_kaart)} gebieden uit de kerncijfers staan niet op de kaart van "
            f"2014 en zijn zonder grens geladen: {', '.join(nieuw_zonder_kaart)}."
        )
    for c, naam in kwb_naam.items():
        if c in gebieden:
            gebieden[c].naam = naam
    # Postcode (pst_mvp, pst_dekp) from the newest loaded year that has the area.
    for jaar in sorted(cijfers_per_jaar):
        for c, r in cijfers_per_jaar[jaar].items():
            if c in gebieden:
                gebieden[c].postcode = r.postcode
                gebieden[c].postcode_dekking = r.postcode_dekking

    # 2. Write, all or nothing.
    volgorde = sorted(gebieden.values(), key=lambda d: (len(d.code), d.code))
    with transaction.atomic():
        bestaand = Gebied.objects.select_for_update().in_bulk(list(gebieden), field_name="code")
        opgeslagen: dict[str, Gebied] = {}
        gemeente: Gebied | None = None
        for d in volgorde:
            if d.niveau == Niveau.GEMEENTE:
                ouder = None
            else:
                ouder = opgeslagen.get(cbs.oudercode_van(d.code)) or gemeente
                if cbs.oudercode_van(d.code) not in opgeslagen:
                    res.opmerkingen.append(
                        f"{d.code}: hoger gebied {cbs.oudercode_van(d.code)} ontbreekt in de "
                        "bron; gekoppeld aan de gemeente."
                    )
            obj = _opslaan(
                Gebied,
                bestaand.get(d.code),
                {"code": d.code},
                _velden(d, None if d.niveau == Niveau.GEMEENTE else gemeente, ouder),
                res,
            )
            opgeslagen[d.code] = obj
            if d.niveau == Niveau.GEMEENTE:
                gemeente = obj
            if d.grens is None:
                res.zonder_grens.append(d.code)

        bestaande_cijfers = {
            (k.gebied_id, k.jaar): k
            for k in Kerncijfers.objects.select_for_update().filter(
                gebied__in=[opgeslagen[c] for c in cijfer_codes], jaar__in=list(cijfers_per_jaar)
            )
        }
        for jaar, records in sorted(cijfers_per_jaar.items()):
            for c, record in sorted(records.items()):
                g = opgeslagen[c]
                velden = dict(record.cijfers)
                velden["bron"] = f"CBS Kerncijfers wijken en buurten {jaar}"
                _opslaan(
                    Kerncijfers,
                    bestaande_cijfers.get((g.pk, jaar)),
                    {"gebied": g, "jaar": jaar},
                    velden,
                    res,
                )
            res.kerncijfers[jaar] = len(records)

        transaction.on_commit(_cache_legen)

    res.gemeente_naam = gemeente.naam
    res.wijken = sum(1 for d in gebieden.values() if d.niveau == Niveau.WIJK)
    res.buurten = sum(1 for d in gebieden.values() if d.niveau == Niveau.BUURT)
    res.duur = time.monotonic() - begin
    return res


def _cache_legen() -> None:
    from socialebasis.gebieden import zoeken

    zoeken.cache_legen()
