"""Point-in-area lookup: in which buurt lies a WGS84 point?

`buurt_bij(lat, lon)` first narrows the candidates in the database with the stored bounding boxes,
then tests the stored boundary with shapely. Prepared geometries are cached per process (keyed on
the row and its bbox/point, and emptied after every `services.laden`).

Accuracy limit — read this before using the answer for a person's address:
- The boundaries are the CBS/PDOK buurten of 2014, quantised to a grid of about 263 m x 312 m
  (the TopoJSON source). A point within a few hundred metres of a buurt border can land in the
  neighbouring buurt, and buurten that changed since 2014 are not on the map at all.
- Three Utrecht buurten (BU03440121 Lombok-Oost, BU03440621 Wijk C, BU03440943 Langerak) decode
  to zero area and have no boundary; they are never found by containment. When a point lies in no
  buurt polygon but inside a loaded gemeente (a gap caused by the coarse grid, or such a zero-area
  buurt), we fall back to the nearest buurt of that gemeente: the distance to its boundary, or to
  its representative point when it has no boundary.
- A point outside every loaded gemeente (for example in the North Sea) gives None.
Use it to suggest a buurt that a person or professional confirms, not to decide on its own.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass

import shapely
from django.utils.translation import gettext
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from socialebasis.gebieden.cbs import uit_geojson
from socialebasis.gebieden.models import Gebied, Niveau

_BBOX = ("min_lon", "min_lat", "max_lon", "max_lat", "punt_lon", "punt_lat")
_MAX_CACHE = 25_000
_cache: dict[int, tuple[tuple, BaseGeometry | None]] = {}
_slot = threading.Lock()


def cache_legen() -> None:
    """Forget all cached geometries (called after loading new boundaries)."""
    with _slot:
        _cache.clear()


def _geometrieen(rijen: list[tuple]) -> dict[int, BaseGeometry | None]:
    """rijen: (pk, *_BBOX). Returns pk -> prepared shapely geometry (None without boundary)."""
    uit: dict[int, BaseGeometry | None] = {}
    ontbrekend: dict[int, tuple] = {}
    for pk, *vinger in rijen:
        gecached = _cache.get(pk)
        if gecached is not None and gecached[0] == tuple(vinger):
            uit[pk] = gecached[1]
        else:
            ontbrekend[pk] = tuple(vinger)
    if ontbrekend:
        nieuw = {}
        for pk, grens in Gebied.objects.filter(pk__in=list(ontbrekend)).values_list("pk", "grens"):
            geom = uit_geojson(grens)
            if geom is not None:
                if not geom.is_valid:
                    geom = shapely.make_valid(geom)
                shapely.prepare(geom)
            nieuw[pk] = (ontbrekend[pk], geom)
            uit[pk] = geom
        with _slot:
            if len(_cache) + len(nieuw) > _MAX_CACHE:
                _cache.clear()
            _cache.update(nieuw)
    return uit


def _gemeente_pk(gemeente) -> int | None:
    if gemeente is None:
        return None
    if isinstance(gemeente, Gebied):
        return gemeente.pk
    if isinstance(gemeente, int):
        return gemeente
    pk = (
        Gebied.objects.gemeenten()
        .filter(code=str(gemeente).strip().upper())
        .values_list("pk", flat=True)
        .first()
    )
    return pk if pk is not None else -1


def _in_bbox(qs, lat: float, lon: float):
    return qs.filter(min_lon__lte=lon, max_lon__gte=lon, min_lat__lte=lat, max_lat__gte=lat)


def _afstand(lat: float, lon: float, geom: BaseGeometry | None, punt: tuple) -> float:
    """Approximate distance in metres (equirectangular), to the boundary or to the point."""
    if geom is not None:
        dichtst = nearest_points(geom, Point(lon, lat))[0]
        plon, plat = dichtst.x, dichtst.y
    elif punt[0] is not None and punt[1] is not None:
        plon, plat = punt
    else:
        return math.inf
    dx = (plon - lon) * math.cos(math.radians(lat)) * 111_320
    dy = (plat - lat) * 110_574
    return math.hypot(dx, dy)


def _geldig(lat, lon) -> tuple[float, float] | None:
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > 90 or abs(lon) > 180:
        return None
    return lat, lon


def buurt_bij(lat, lon, gemeente=None) -> Gebied | None:
    """The loaded buurt that contains the WGS84 point (lat, lon), or None.

    `gemeente` (a Gebied, its pk or its CBS code) limits the search to that gemeente. See the
    module docstring for the accuracy limit (2014 boundaries, about 300 m) and the fallback to
    the nearest buurt when the point lies in the gemeente but in no buurt polygon.
    """
    punt = _geldig(lat, lon)
    if punt is None:
        return None
    lat, lon = punt
    gemeente_pk = _gemeente_pk(gemeente)
    qs = Gebied.objects.filter(niveau=Niveau.BUURT)
    if gemeente_pk is not None:
        qs = qs.filter(gemeente_id=gemeente_pk)
    rijen = list(_in_bbox(qs, lat, lon).values_list("pk", *_BBOX))
    geoms = _geometrieen(rijen)
    treffers = [
        (pk, vinger)
        for pk, *vinger in rijen
        if geoms.get(pk) is not None and shapely.intersects_xy(geoms[pk], lon, lat)
    ]
    if len(treffers) == 1:
        return Gebied.objects.select_related("ouder", "gemeente").get(pk=treffers[0][0])
    if len(treffers) > 1:
        # Neighbouring polygons may overlap slightly after repair: take the nearest centre.
        pk = min(treffers, key=lambda t: _afstand(lat, lon, None, (t[1][4], t[1][5])))[0]
        return Gebied.objects.select_related("ouder", "gemeente").get(pk=pk)
    return dichtstbijzijnde(lat, lon, gemeente=gemeente_pk)


def gemeente_bij(lat, lon) -> Gebied | None:
    """The loaded gemeente whose (2015, coarse) boundary contains the point, or None."""
    punt = _geldig(lat, lon)
    if punt is None:
        return None
    lat, lon = punt
    rijen = list(_in_bbox(Gebied.objects.gemeenten(), lat, lon).values_list("pk", *_BBOX))
    geoms = _geometrieen(rijen)
    for pk, *_ in rijen:
        if geoms.get(pk) is not None and shapely.intersects_xy(geoms[pk], lon, lat):
            return Gebied.objects.get(pk=pk)
    return None


def dichtstbijzijnde(lat, lon, gemeente=None) -> Gebied | None:
    """Nearest buurt of the gemeente that contains the point (None outside loaded gemeenten).

    Distance is to the buurt boundary, or to its representative point for buurten without a
    usable boundary (zero area in the 2014 source). With `gemeente` given, the point must lie in
    that gemeente's boundary.
    """
    punt = _geldig(lat, lon)
    if punt is None:
        return None
    lat, lon = punt
    gemeente_pk = _gemeente_pk(gemeente)
    gemeenten = _in_bbox(Gebied.objects.gemeenten(), lat, lon)
    if gemeente_pk is not None:
        gemeenten = gemeenten.filter(pk=gemeente_pk)
    rijen = list(gemeenten.values_list("pk", *_BBOX))
    geoms = _geometrieen(rijen)
    binnen = [
        pk
        for pk, *_ in rijen
        if geoms.get(pk) is not None and shapely.intersects_xy(geoms[pk], lon, lat)
    ]
    if not binnen:
        return None
    buurten = list(
        Gebied.objects.filter(niveau=Niveau.BUURT, gemeente_id__in=binnen).values_list("pk", *_BBOX)
    )
    if not buurten:
        return None
    geoms = _geometrieen(buurten)
    pk = min(buurten, key=lambda r: (_afstand(lat, lon, geoms.get(r[0]), (r[5], r[6])), r[0]))[0]
    return Gebied.objects.select_related("ouder", "gemeente").get(pk=pk)


# --------------------------------------------------------------------------------------------
# Postcode → place (CBS 'meest voorkomende postcode' per buurt)


class OngeldigePostcode(ValueError):
    """The text is not a Dutch postcode. The message is Dutch and can be shown at the field."""


@dataclass
class Postcodeplaats:
    """Where a PC4 lies, as far as the CBS figures tell: the buurten whose most common postcode
    it is and one representative point. Has `punt_lat`/`punt_lon`/`gemeente_id` like a Gebied,
    so it can be used wherever a distance sort takes an area."""

    postcode: str  # the PC4, e.g. '3511'
    buurten: list[Gebied]
    punt_lat: float | None
    punt_lon: float | None
    gemeente_id: int | None

    @property
    def naam(self) -> str:
        return ", ".join(b.naam for b in self.buurten)

    def __str__(self) -> str:
        return f"{self.postcode} ({self.naam})"


_POSTCODE_RE = re.compile(r"^([1-9][0-9]{3})([A-Z]{2})?$")


def postcode_normaliseren(tekst) -> str:
    """'3511', '3511 AB', '3511ab', 'NL-3511 AB' -> '3511' or '3511 AB'.

    Raises OngeldigePostcode (Dutch message) when it is not a Dutch postcode: four digits from
    1000 to 9999, optionally two letters, never SA, SD or SS (PostNL does not use them; the
    full form is checked with python-stdnum's stdnum.nl.postcode).
    """
    from stdnum.exceptions import ValidationError
    from stdnum.nl import postcode as stdnum_postcode

    schoon = stdnum_postcode.compact(str(tekst or ""))
    m = _POSTCODE_RE.match(schoon)
    if not m:
        raise OngeldigePostcode(
            gettext(
                "Vul een postcode in met vier cijfers, en eventueel twee letters. "
                "Bijvoorbeeld 3511 of 3511 AB."
            )
        )
    if m.group(2) is None:
        return m.group(1)
    try:
        return stdnum_postcode.validate(schoon)
    except ValidationError:
        raise OngeldigePostcode(
            gettext("Deze postcode bestaat niet: de letters SA, SD en SS worden niet gebruikt.")
        ) from None


def plaats_bij_postcode(gemeente, tekst) -> Postcodeplaats | None:
    """The buurten whose most common postcode (CBS pst_mvp) is this PC4, and their centre.

    - `gemeente`: a Gebied, its pk or CBS code to search only there, or None for all loaded areas.
    - `tekst`: '3511', '3511 AB', '3511ab' … only the four digits are used (CBS has PC4 only).
    - The point is the average of the buurten's representative points, weighted by their
      number of inhabitants (newest CBS figure; equal weights when unknown).
    Returns None when no loaded buurt has this PC4 as its most common postcode (see
    docs/gebieden.md for why a real postcode can be missing). Raises OngeldigePostcode.
    """
    pc4 = postcode_normaliseren(tekst)[:4]
    qs = Gebied.objects.filter(niveau=Niveau.BUURT, postcode_meest=pc4)
    gemeente_pk = _gemeente_pk(gemeente)
    if gemeente_pk is not None:
        qs = qs.filter(gemeente_id=gemeente_pk)
    buurten = list(qs.order_by("code"))
    if not buurten:
        return None
    from socialebasis.gebieden.models import Kerncijfers

    inwoners: dict[int, int] = {}
    for gebied_id, aantal in (
        Kerncijfers.objects.filter(gebied__in=buurten, inwoners__isnull=False)
        .order_by("gebied_id", "jaar")
        .values_list("gebied_id", "inwoners")
    ):
        inwoners[gebied_id] = aantal  # the newest year wins
    met_punt = [b for b in buurten if b.punt_lat is not None and b.punt_lon is not None]
    lat = lon = None
    if met_punt:
        gewichten = [inwoners.get(b.pk) or 0 for b in met_punt]
        if not any(gewichten):
            gewichten = [1] * len(met_punt)
        totaal = sum(gewichten)
        lat = sum(b.punt_lat * w for b, w in zip(met_punt, gewichten, strict=True)) / totaal
        lon = sum(b.punt_lon * w for b, w in zip(met_punt, gewichten, strict=True)) / totaal
    return Postcodeplaats(
        postcode=pc4,
        buurten=buurten,
        punt_lat=lat,
        punt_lon=lon,
        gemeente_id=buurten[0].gemeente_id,
    )
