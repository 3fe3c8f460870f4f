"""SVG map of search results: the wijk boundaries (gebieden.kaart.svg) with a point per entry.

Uses the same projection as gebieden.kaart. No tiles, no script, no style attributes. Every point
is a link named after the entry, so the map is usable by keyboard; the list next to it holds the
same entries. A confidential location is drawn at its wijk's point, never at its address.
"""

import math

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from socialebasis.gebieden import kaart
from socialebasis.gebieden.kaart import BREEDTE, MARGE, _ringen

PUNT = "#a4133c"  # dark red; contrast ≥ 3:1 against the light area fill


def met_punten(gebied, gebieden, diensten) -> str:
    gebieden = [g for g in gebieden if _ringen(getattr(g, "grens", None))]
    basis = kaart.svg(gebied, gebieden)
    if not basis:
        return ""
    alle = [pt for g in gebieden for poly in _ringen(g.grens) for ring in poly for pt in ring]
    min_lon = min(p[0] for p in alle)
    max_lon = max(p[0] for p in alle)
    min_lat = min(p[1] for p in alle)
    max_lat = max(p[1] for p in alle)
    cos0 = math.cos(math.radians((min_lat + max_lat) / 2))
    schaal = (BREEDTE - 2 * MARGE) / max((max_lon - min_lon) * cos0, 1e-9)
    punten = []
    for d in diensten:
        if (
            d.punt_lat is None
            or not (min_lat <= d.punt_lat <= max_lat)
            or not (min_lon <= d.punt_lon <= max_lon)
        ):
            continue
        x = MARGE + (d.punt_lon - min_lon) * cos0 * schaal
        y = MARGE + (max_lat - d.punt_lat) * schaal
        naam = escape(d.naam_vertaald)
        href = escape(reverse("kaart:dienst", args=[d.id]))
        punten.append(
            f'<a href="{href}" aria-label="{naam}"><circle cx="{x:.1f}" cy="{y:.1f}" r="6" '
            f'fill="{PUNT}" stroke="#ffffff" stroke-width="2"><title>{naam}</title></circle></a>'
        )
    return mark_safe(
        basis.replace("</svg>", f'<g class="sb-kaart-punten">{"".join(punten)}</g></svg>')
    )
