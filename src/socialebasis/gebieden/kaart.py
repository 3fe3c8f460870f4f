"""Server-side SVG map of areas: no tiles, no external resources, no script, no style attributes.

`svg(gebied, gebieden, waarden=None, titel=None)` draws `gebieden` (usually the wijken of a
gemeente or the buurten of a wijk) as an inline <svg>. Projection: equirectangular around the
middle latitude (x = lon * cos(lat0), y = -lat) — at the scale of one gemeente the difference with
RD New is invisible. Colours are set with SVG presentation attributes (fill, stroke), which a CSP
with style-src 'self' allows.

With `waarden` ({code: number}) the areas are coloured on a grey-blue sequential scale; the legend
shows the class limits as numbers and every area's <title> carries its number, so colour is never
the only carrier of the information. Areas without a number are white with a grey border
("geen cijfer").

Accessibility: the <svg> is a named group (role="group" with a Dutch aria-label), not role="img":
an image may not contain links (axe: nested-interactive). Each area is a link named after the area,
reachable by keyboard; the pages that show the map also list the same areas in a table.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping

from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from socialebasis.gebieden.models import Niveau

_teller = itertools.count(1)

BREEDTE = 600  # viewBox width; height follows from the area's shape
MARGE = 4
LEGENDA_REGEL = 22
# Grey-blue sequential scale, light to dark (5 classes). Text on the legend is always black on
# white, so contrast does not depend on these fills.
KLEUREN = ("#dfe6ee", "#b7c7d8", "#8aa4bf", "#5b7fa2", "#33567b")
GEEN_CIJFER = "#ffffff"
RAND = "#4b5563"
RAND_GEEN_CIJFER = "#9ca3af"
STANDAARD_VULLING = "#dbe4ee"


def _getal(x: float) -> str:
    """Dutch number: 1.810 / 12,5."""
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", ".")
    tekst = f"{x:,.1f}"
    return tekst.replace(",", "\0").replace(".", ",").replace("\0", ".")


def _ringen(grens: dict | None) -> list[list[list[list[float]]]]:
    """GeoJSON Polygon/MultiPolygon -> list of polygons (list of rings of [lon, lat])."""
    if not grens:
        return []
    if grens.get("type") == "Polygon":
        return [grens.get("coordinates") or []]
    if grens.get("type") == "MultiPolygon":
        return grens.get("coordinates") or []
    return []


def _klassen(getallen: list[float]) -> list[tuple[float, float]]:
    """Up to 5 quantile classes as (lowest, highest) of the numbers that fall in each class."""
    uniek = sorted(set(getallen))
    if len(uniek) <= len(KLEUREN):
        return [(v, v) for v in uniek]
    n = len(KLEUREN)
    gesorteerd = sorted(getallen)
    bovengrenzen = sorted(
        {gesorteerd[round(i * (len(gesorteerd) - 1) / n)] for i in range(1, n + 1)}
    )
    klassen = []
    vorige = -math.inf
    for hoog in bovengrenzen:
        erin = [v for v in uniek if vorige < v <= hoog]
        if erin:
            klassen.append((erin[0], erin[-1]))
        vorige = hoog
    return klassen


def _klasse(waarde: float, klassen: list[tuple[float, float]]) -> int:
    for i, (_, hoog) in enumerate(klassen):
        if waarde <= hoog:
            return i
    return len(klassen) - 1


def _kleuren(aantal: int) -> list[str]:
    """`aantal` colours spread over the scale, light to dark."""
    if aantal <= 1:
        return [KLEUREN[2]] * aantal
    stap = (len(KLEUREN) - 1) / (aantal - 1)
    return [KLEUREN[round(i * stap)] for i in range(aantal)]


def _link(code: str) -> str:
    try:
        return reverse("web:gebied", args=[code])
    except NoReverseMatch:
        return f"/gebieden/{code}"


def svg(
    gebied,
    gebieden: Iterable,
    *,
    waarden: Mapping[str, float] | None = None,
    titel: str | None = None,
) -> SafeString:
    """Inline SVG map of `gebieden`, in the context of `gebied` (e.g. a gemeente and its wijken).

    Returns an empty SafeString when none of the areas has a boundary, so `{% if kaart %}` works.
    """
    gebieden = [g for g in gebieden if _ringen(getattr(g, "grens", None))]
    if not gebieden:
        return mark_safe("")

    alle = [pt for g in gebieden for poly in _ringen(g.grens) for ring in poly for pt in ring]
    min_lon = min(p[0] for p in alle)
    max_lon = max(p[0] for p in alle)
    min_lat = min(p[1] for p in alle)
    max_lat = max(p[1] for p in alle)
    cos0 = math.cos(math.radians((min_lat + max_lat) / 2))
    breedte_graden = max((max_lon - min_lon) * cos0, 1e-9)
    hoogte_graden = max(max_lat - min_lat, 1e-9)
    schaal = (BREEDTE - 2 * MARGE) / breedte_graden
    kaart_hoogte = math.ceil(hoogte_graden * schaal + 2 * MARGE)

    def xy(lon: float, lat: float) -> str:
        return (
            f"{MARGE + (lon - min_lon) * cos0 * schaal:.1f} {MARGE + (max_lat - lat) * schaal:.1f}"
        )

    getallen = {}
    if waarden:
        for g in gebieden:
            try:
                w = float(waarden.get(g.code))
            except (TypeError, ValueError):
                continue  # None, '.' or anything else that is not a number: "geen cijfer"
            if math.isfinite(w):
                getallen[g.code] = w
    klassen = _klassen(list(getallen.values())) if waarden is not None else []
    kleuren = _kleuren(len(klassen))

    patroon = f"sb-geen-cijfer-{next(_teller)}"  # unique per map: several maps on one page
    geen_vulling = f"url(#{patroon})"
    defs = (
        f'<defs><pattern id="{patroon}" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{GEEN_CIJFER}"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{RAND_GEEN_CIJFER}" stroke-width="1.5"/>'
        f"</pattern></defs>"
        if waarden is not None
        else ""
    )
    paden = []
    for g in sorted(gebieden, key=lambda g: g.code):
        d = " ".join(
            "M" + " L".join(xy(lon, lat) for lon, lat in ring[:-1]) + " Z"
            for poly in _ringen(g.grens)
            for ring in poly
            if len(ring) >= 4
        )
        if not d:
            continue
        naam = escape(g.naam)
        if waarden is None:
            vulling, rand, label = STANDAARD_VULLING, RAND, naam
        elif g.code in getallen:
            w = getallen[g.code]
            vulling = kleuren[_klasse(w, klassen)]
            rand = RAND
            label = f"{naam}: {escape(_getal(w))}"
        else:
            vulling, rand, label = geen_vulling, RAND_GEEN_CIJFER, f"{naam}: geen cijfer"
        pad = (
            f'<path d="{d}" fill="{vulling}" stroke="{rand}" stroke-width="1" '
            f'stroke-linejoin="round" fill-rule="evenodd" vector-effect="non-scaling-stroke">'
            f"<title>{label}</title></path>"
        )
        linkbaar = g.niveau in (Niveau.WIJK, Niveau.BUURT) and g.code != getattr(
            gebied, "code", None
        )
        if linkbaar:
            pad = f'<a href="{escape(_link(g.code))}" aria-label="{label}">{pad}</a>'
        paden.append(pad)

    legenda = []
    hoogte = kaart_hoogte
    if waarden is not None:
        y = kaart_hoogte + 12
        kop = escape(titel) if titel else "Legenda"
        legenda.append(
            f'<text x="{MARGE}" y="{y + 12}" font-size="14" font-weight="bold" '
            f'fill="#111827">{kop}</text>'
        )
        y += LEGENDA_REGEL
        regels = [
            (
                kleuren[i],
                RAND,
                _getal(laag) if laag == hoog else f"{_getal(laag)} tot en met {_getal(hoog)}",
            )
            for i, (laag, hoog) in enumerate(klassen)
        ]
        if len(getallen) < len(gebieden):
            regels.append((geen_vulling, RAND_GEEN_CIJFER, "geen cijfer"))
        for vulling, rand, tekst in regels:
            legenda.append(
                f'<rect x="{MARGE}" y="{y}" width="18" height="14" fill="{vulling}" '
                f'stroke="{rand}" stroke-width="1"/>'
                f'<text x="{MARGE + 26}" y="{y + 12}" font-size="13" fill="#111827">'
                f"{escape(tekst)}</text>"
            )
            y += LEGENDA_REGEL
        hoogte = y + MARGE

    naam_context = escape(getattr(gebied, "naam", "") or "")
    soorten = {g.niveau for g in gebieden}
    if soorten == {Niveau.WIJK}:
        wat = "de wijken"
    elif soorten == {Niveau.BUURT}:
        wat = "de buurten"
    else:
        wat = "het gebied" if len(gebieden) == 1 else "de gebieden"
    if len(gebieden) == 1 and gebieden[0].code == getattr(gebied, "code", None):
        aria = f"Kaart van {naam_context}"
    else:
        aria = f"Kaart van {wat} van {naam_context}" if naam_context else f"Kaart van {wat}"
    if waarden is not None:
        aria += f", ingekleurd naar {escape(titel)}" if titel else ", ingekleurd naar een cijfer"
        aria += "; de legenda geeft de getallen"
    aria += ". Bron: CBS, PDOK (grenzen 2014, ongeveer 300 meter nauwkeurig)."

    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREEDTE} {hoogte:.0f}" '
        f'role="group" aria-label="{aria}" class="sb-kaart-svg" '
        f'preserveAspectRatio="xMidYMid meet" focusable="false">'
        f'{defs}<g class="sb-kaart-gebieden">{"".join(paden)}</g>'
        + (f'<g class="sb-kaart-legenda">{"".join(legenda)}</g>' if legenda else "")
        + "</svg>"
    )
