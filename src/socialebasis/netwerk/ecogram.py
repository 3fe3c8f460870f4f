"""Netwerkkaart (ecogram): data classes, deterministic layout and server-side SVG.

The resident sits in the centre; network members are placed on three concentric rings (dichtbij,
midden, verder) in one sector per contact group, in a fixed order. Everything is pure: no
database, no Django, no external fonts or resources, so the SVG prints and can be cached.

Meaning is never carried by colour alone: every group has its own marker shape and a sector
label, support letters (P, G, A, E) are written next to each name, one-way support is a dashed
line with an arrow, and the source layer is shown by the outline of the marker.

Public API:

- ``Bewoner``, ``Netwerklid``: input data.
- ``layout(resident, members)``: positions and label boxes (used by ``render_svg`` and tests).
- ``render_svg(resident, members, title=...)``: the SVG as a string.
- ``text_alternative(resident, members)``: a Dutch plain-text description.
- ``table_columns(resident)``, ``table_rows(resident, members)``: an equivalent HTML table.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "CONTACT",
    "GROEPEN",
    "LAGEN",
    "RINGEN",
    "STEUN",
    "Bewoner",
    "Layout",
    "Netwerklid",
    "Plaatsing",
    "layout",
    "render_svg",
    "table_columns",
    "table_rows",
    "text_alternative",
]

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

#: Contact groups in their fixed drawing order (clockwise from the top).
GROEPEN: dict[str, str] = {
    "huishouden": "huishouden en gezin",
    "familie": "familie",
    "vrienden": "vrienden",
    "buren": "buren",
    "kennissen": "kennissen",
    "vrijwilligers": "vrijwilligers en maatjes",
    "professionals": "professionals",
}
_GROEP_KORT: dict[str, str] = {
    "huishouden": "huishouden",
    "familie": "familie",
    "vrienden": "vrienden",
    "buren": "buren",
    "kennissen": "kennissen",
    "vrijwilligers": "vrijwilligers",
    "professionals": "professionals",
}
_GROEP_INDEX = {g: i for i, g in enumerate(GROEPEN)}

RINGEN: dict[int, str] = {1: "dichtbij", 2: "midden", 3: "verder"}

CONTACT: dict[str, str] = {
    "dagelijks": "dagelijks contact",
    "wekelijks": "wekelijks contact",
    "maandelijks": "maandelijks contact",
    "minder": "minder dan maandelijks contact",
}

#: Support types, in display order.
STEUN: dict[str, str] = {
    "P": "praktische steun",
    "G": "gezelschap",
    "A": "advies en informatie",
    "E": "emotionele steun",
}

LAGEN: dict[str, str] = {
    "persoonlijk": "eigen netwerk",
    "vrijwilliger": "vrijwilliger via koppeling",
    "dienst": "dienst van de sociale kaart",
}


# --------------------------------------------------------------------------------------------
# Input data
# --------------------------------------------------------------------------------------------


def _letters(value: object, veld: str, naam: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        items: Iterable = [c for c in value if not c.isspace() and c not in ",;"]
    elif isinstance(value, Iterable):
        items = value
    else:
        raise ValueError(f"{naam}: {veld} moet een reeks letters zijn (P, G, A of E).")
    out = set()
    for item in items:
        letter = str(item).strip().upper()
        if letter not in STEUN:
            raise ValueError(f"{naam}: '{item}' is geen soort steun; kies P, G, A of E.")
        out.add(letter)
    return frozenset(out)


@dataclass(frozen=True)
class Bewoner:
    """The resident in the centre of the map."""

    naam: str


@dataclass(frozen=True)
class Netwerklid:
    """One person or service in the resident's network.

    ``naam`` is the name or alias to show. ``steun_aan_bewoner`` is the support this member gives
    to the resident, ``steun_van_bewoner`` the support the member receives from the resident;
    both are sets of the letters P, G, A, E (a string like "PE" is accepted).
    """

    id: str | int
    naam: str
    groep: str
    ring: int = 2
    contact: str | None = None
    steun_aan_bewoner: frozenset[str] = field(default_factory=frozenset)
    steun_van_bewoner: frozenset[str] = field(default_factory=frozenset)
    mantelzorger: bool = False
    uren_per_week: float | None = None
    laag: str = "persoonlijk"

    def __post_init__(self) -> None:
        naam = str(self.naam).strip() if self.naam is not None else ""
        if not naam:
            raise ValueError("Een netwerklid heeft een naam of bijnaam nodig.")
        object.__setattr__(self, "naam", naam)
        if self.groep not in GROEPEN:
            raise ValueError(
                f"{naam}: '{self.groep}' is geen geldige groep; kies uit {', '.join(GROEPEN)}."
            )
        if isinstance(self.ring, bool) or self.ring not in RINGEN:
            raise ValueError(
                f"{naam}: ring {self.ring!r} bestaat niet; kies 1 (dichtbij), 2 (midden) "
                "of 3 (verder)."
            )
        if self.contact is not None and self.contact not in CONTACT:
            raise ValueError(
                f"{naam}: '{self.contact}' is geen geldige contactfrequentie; kies uit "
                f"{', '.join(CONTACT)}."
            )
        if self.laag not in LAGEN:
            raise ValueError(
                f"{naam}: '{self.laag}' is geen geldige bron; kies uit {', '.join(LAGEN)}."
            )
        object.__setattr__(
            self, "steun_aan_bewoner", _letters(self.steun_aan_bewoner, "steun_aan_bewoner", naam)
        )
        object.__setattr__(
            self, "steun_van_bewoner", _letters(self.steun_van_bewoner, "steun_van_bewoner", naam)
        )
        uren = self.uren_per_week
        if uren is not None:
            if (
                isinstance(uren, bool)
                or not isinstance(uren, int | float)
                or not (0 <= uren <= 168)
            ):
                raise ValueError(
                    f"{naam}: {uren!r} uur per week kan niet; geef een getal van 0 tot en met 168."
                )
        object.__setattr__(self, "mantelzorger", bool(self.mantelzorger))

    @property
    def sort_key(self) -> tuple:
        ident = (0, self.id, "") if isinstance(self.id, int) else (1, 0, str(self.id))
        return (_GROEP_INDEX[self.groep], self.ring, self.naam.casefold(), ident)

    @property
    def wederzijds(self) -> bool:
        return bool(self.steun_aan_bewoner) and bool(self.steun_van_bewoner)


def _resident_name(resident: Bewoner | str | object) -> str:
    naam = resident if isinstance(resident, str) else getattr(resident, "naam", None)
    naam = str(naam).strip() if naam is not None else ""
    return naam or "bewoner"


def _sorted_members(members: Iterable[Netwerklid]) -> list[Netwerklid]:
    leden = list(members)
    gezien: set = set()
    for lid in leden:
        if not isinstance(lid, Netwerklid):
            raise ValueError("Elk netwerklid moet een Netwerklid zijn.")
        if lid.id in gezien:
            raise ValueError(f"Het netwerklid met id {lid.id!r} staat er twee keer in.")
        gezien.add(lid.id)
    return sorted(leden, key=lambda lid: lid.sort_key)


# --------------------------------------------------------------------------------------------
# Dutch text helpers (shared with metrieken)
# --------------------------------------------------------------------------------------------


def nl_list(items: Sequence[str], conj: str = "en") -> str:
    """'a', 'a en b', 'a, b en c'."""
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]


def letters_sorted(letters: Iterable[str]) -> list[str]:
    chosen = set(letters)
    return [c for c in STEUN if c in chosen]


def support_words(letters: Iterable[str]) -> str:
    return nl_list([STEUN[c] for c in letters_sorted(letters)])


def format_hours(uren: float) -> str:
    if float(uren).is_integer():
        return str(int(uren))
    return f"{uren:.1f}".replace(".", ",")


# --------------------------------------------------------------------------------------------
# Text measurement (no fonts available server-side: estimate with wide sans-serif metrics)
# --------------------------------------------------------------------------------------------

_NARROW = set("iljI.,:;!|'`() ")
_SEMI = set('frt-/[]{}"*')
_WIDE = set("mwMW@%")


def text_width(text: str, size: float) -> float:
    """Width estimate in px, from Arial Bold metrics (a little wide for Arial regular)."""
    units = 0.0
    for ch in text:
        if ch in _NARROW:
            units += 0.29
        elif ch in _SEMI:
            units += 0.38
        elif ch in _WIDE:
            units += 0.88
        elif ch.isupper():
            units += 0.72
        else:
            units += 0.58
    return units * size


_MAX_NAME = 20


def shorten(text: str, limit: int = _MAX_NAME) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------------------------
# Layout
# --------------------------------------------------------------------------------------------

MARKER_R = 9.0  # radius of the circle every marker shape fits in
_NAME_SIZE = 12.0
_SMALL_SIZE = 10.5
_LINE_H_NAME = 14.0
_LINE_H_SMALL = 12.5
_LABEL_GAP = 3.0
_BOX_PAD = 2.0
_CENTRE_R = 46.0
_SECTOR_LABEL_SIZE = 13.0


@dataclass(frozen=True)
class Plaatsing:
    """A member placed on the map: marker centre and the box around marker and label."""

    lid: Netwerklid
    x: float
    y: float
    box: tuple[float, float, float, float]  # x0, y0, x1, y1
    lines: tuple[tuple[str, float], ...]  # (text, font size)
    marker_r: float


@dataclass(frozen=True)
class SectorLabel:
    groep: str
    text: str
    x: float
    y: float
    anchor: str
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class Layout:
    resident: str
    hole: float  # radius where ring 1 starts; grows when the circle is too crowded
    centre_r: float
    radii: tuple[float, float, float]
    sectors: tuple[tuple[str, float, float], ...]  # (groep, start angle, end angle) in radians
    placed: tuple[Plaatsing, ...]
    sector_labels: tuple[SectorLabel, ...]
    ring_labels: tuple[tuple[str, float, float, tuple[float, float, float, float]], ...]
    bounds: tuple[float, float, float, float]
    overlaps: int  # remaining box overlaps (0 unless the scale limit was hit)


def _support_line(lid: Netwerklid) -> str:
    parts = []
    if lid.steun_aan_bewoner:
        parts.append("geeft " + "".join(letters_sorted(lid.steun_aan_bewoner)))
    if lid.steun_van_bewoner:
        parts.append("krijgt " + "".join(letters_sorted(lid.steun_van_bewoner)))
    return " · ".join(parts)


def _label_lines(lid: Netwerklid) -> tuple[tuple[str, float], ...]:
    lines = [(shorten(lid.naam), _NAME_SIZE)]
    steun = _support_line(lid)
    if steun:
        lines.append((steun, _SMALL_SIZE))
    if lid.mantelzorger:
        tekst = "mantelzorger"
        if lid.uren_per_week:
            tekst += f" {format_hours(lid.uren_per_week)} u/week"
        lines.append((tekst, _SMALL_SIZE))
    return tuple(lines)


def _marker_r(lid: Netwerklid) -> float:
    return MARKER_R + (3.5 if lid.laag == "vrijwilliger" else 0.0)


def _box_size(lines: tuple[tuple[str, float], ...], marker_r: float) -> tuple[float, float]:
    width = max([2 * marker_r] + [text_width(t, s) for t, s in lines]) + 2 * _BOX_PAD
    height = 2 * marker_r + _LABEL_GAP + _BOX_PAD
    for _t, s in lines:
        height += _LINE_H_NAME if s == _NAME_SIZE else _LINE_H_SMALL
    return width, height


def _box_at(x: float, y: float, size: tuple[float, float], marker_r: float) -> tuple:
    w, h = size
    top = y - marker_r - 1
    return (x - w / 2, top, x + w / 2, top + h)


def _overlap(a: tuple, b: tuple, gap: float = 2.0) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def _count_overlaps(boxes: list[tuple]) -> int:
    # Sweep over x to keep this fast for ~70 boxes.
    order = sorted(range(len(boxes)), key=lambda i: boxes[i][0])
    count = 0
    for pos, i in enumerate(order):
        a = boxes[i]
        for j in order[pos + 1 :]:
            b = boxes[j]
            if b[0] >= a[2] + 2.0:
                break
            if _overlap(a, b):
                count += 1
    return count


_START = -math.pi / 2  # 12 o'clock; angles grow clockwise on screen (SVG y points down)


def _sector_label_text(groep: str, n: int) -> str:
    return f"{_GROEP_KORT[groep]} ({n})"


def _sector_label_size(text: str) -> tuple[float, float]:
    """Box of a sector label: the group's shape as icon, then the text."""
    return 1.1 * text_width(text, _SECTOR_LABEL_SIZE) + 2 * MARKER_R + 12, _SECTOR_LABEL_SIZE + 8


_GAP = 4.0  # minimum free space between two boxes


@dataclass
class _Cell:
    groep: str
    ring: int
    items: list  # (lid, lines, (w, h), marker_r)
    rows: int = 1


def _tangent_need(w: float, h: float, phi: float) -> float:
    """Centre distance two boxes of this size need when side by side along the arc at phi."""
    s, c = abs(math.sin(phi)), abs(math.cos(phi))
    return min(w / s if s > 1e-9 else math.inf, h / c if c > 1e-9 else math.inf)


def _radial_extent(w: float, h: float, phi: float) -> float:
    """Half the size of a w x h box measured along the radius at angle phi."""
    return (w / 2) * abs(math.cos(phi)) + (h / 2) * abs(math.sin(phi))


def _radius_range(w: float, h: float, phi: float, r_in: float, r_out: float) -> tuple[float, float]:
    """Radii for the centre of a w x h box at angle phi so that the whole box stays inside the
    annulus r_in..r_out (nearest side outside r_in, farthest corner inside r_out)."""
    e = _radial_extent(w, h, phi)
    lo = r_in + e + _GAP / 2
    r_out -= _GAP / 2
    disc = e * e - (w * w + h * h) / 4 + r_out * r_out
    hi = -e + math.sqrt(disc) if disc > 0 else lo
    return lo, max(lo, hi)


def _band_width(w: float, h: float, r_in: float) -> float:
    """Width an annulus starting at r_in needs so a w x h box fits at every angle."""
    need = 0.0
    for k in range(19):
        phi = math.radians(5 * k)
        c, s = math.cos(phi), math.sin(phi)
        rho = r_in + _radial_extent(w, h, phi)
        need = max(need, math.hypot(rho * c + w / 2, rho * s + h / 2))
    return need - r_in + _GAP


def _pair_gap(
    a: tuple[float, float, float, float], b_size: tuple[float, float], rho_b: float
) -> float:
    """Smallest angle step after box a (centre angle, radius, w, h) for a box of size b_size at
    radius rho_b, such that the two never overlap for any larger step."""
    theta_a, rho_a, wa, ha = a
    wb, hb = b_size
    c, s = math.cos(theta_a), math.sin(theta_a)
    dr = rho_b - rho_a
    tx = (wa + wb) / 2 + _GAP
    ty = (ha + hb) / 2 + _GAP

    def branch(alpha: float, beta: float, t: float) -> float:
        if beta > 1e-12:
            return max(0.0, (t - alpha) / beta)
        if beta < -1e-12:
            return max(0.0, (-t - alpha) / beta)
        return 0.0 if abs(alpha) >= t else math.inf

    # Linearised: b = rho_b * (cos, sin)(theta_a) + rho_b * step * (-sin, cos)(theta_a).
    step = min(branch(dr * c, -rho_b * s, tx), branch(dr * s, rho_b * c, ty))
    # The arc bends away from the tangent: check the real position and widen if needed.
    ax, ay = rho_a * c, rho_a * s
    for _ in range(8):
        bx, by = rho_b * math.cos(theta_a + step), rho_b * math.sin(theta_a + step)
        if abs(bx - ax) >= tx - 0.01 or abs(by - ay) >= ty - 0.01:
            break
        step = step * 1.15 + 0.002
    return step


def _cell_ranges(
    cell: _Cell, a0: float, a1: float, r_in: float, r_out: float
) -> list[tuple[float, float] | None]:
    """Per member: the centre radii that keep its box inside the annulus at every angle of the
    sector (None when no single radius does; then the radius follows the angle)."""
    out: list[tuple[float, float] | None] = []
    angles = [a0 + (a1 - a0) * k / 6 for k in range(7)]
    for _lid, _lines, (w, h), _mr in cell.items:
        lo, hi = -math.inf, math.inf
        for phi in angles:
            plo, phi_hi = _radius_range(w, h, phi, r_in, r_out)
            lo, hi = max(lo, plo), min(hi, phi_hi)
        out.append((lo, hi) if lo <= hi else None)
    return out


def _row_radius(
    rng: tuple[float, float] | None,
    size: tuple[float, float],
    theta: float,
    r_in: float,
    r_out: float,
    row: int,
    rows: int,
) -> float:
    lo, hi = rng if rng is not None else _radius_range(*size, theta, r_in, r_out)
    return lo + (hi - lo) * row / (rows - 1) if rows > 1 else (lo + hi) / 2


def _cell_place(
    cell: _Cell,
    a0: float,
    a1: float,
    r_in: float,
    r_out: float,
    pads: tuple[float, float],
    ranges: list[tuple[float, float] | None],
) -> tuple[list[float], list[float], float]:
    """Place the cell's members between a0 and a1, walking clockwise.

    Returns (angles, radii, angle needed). Members zig-zag over ``cell.rows`` rows; each one is
    put at the smallest angle where its box clears the boxes of the previous few members, then
    all gaps are widened evenly to use the whole sector.
    """
    items = cell.items
    n = len(items)
    rows = cell.rows
    guess = [a0 + (i + 0.5) * (a1 - a0) / n for i in range(n)]
    need = 0.0
    for _ in range(2):
        radii = [
            _row_radius(ranges[i], it[2], guess[i], r_in, r_out, i % rows, rows)
            for i, it in enumerate(items)
        ]
        pos: list[float] = []
        for i, (_lid, _lines, (w, h), _mr) in enumerate(items):
            rho = radii[i]
            if i == 0:
                theta = a0 + (pads[0] + (_tangent_need(w, h, guess[0]) + _GAP) / 2) / rho
            else:
                # The gap depends on the direction: measure it where the pair will end up.
                theta = -math.inf
                for j in range(max(0, i - rows - 1), i):
                    wj, hj = items[j][2]
                    gap = _pair_gap((guess[j], radii[j], wj, hj), (w, h), rho)
                    theta = max(theta, pos[j] + gap)
            pos.append(theta)
        w, h = items[-1][2]
        end = pos[-1] + (pads[1] + (_tangent_need(w, h, guess[-1]) + _GAP) / 2) / radii[-1]
        need = end - a0
        factor = (a1 - a0) / need if need > 0 else 1.0
        guess = [a0 + (p - a0) * factor for p in pos]
    radii = [
        _row_radius(ranges[i], it[2], guess[i], r_in, r_out, i % rows, rows)
        for i, it in enumerate(items)
    ]
    # Final pass at the real angles: push a member on when it still touches an earlier one.
    for i in range(1, n):
        w, h = items[i][2]
        for j in range(max(0, i - rows - 1), i):
            wj, hj = items[j][2]
            gap = _pair_gap((guess[j], radii[j], wj, hj), (w, h), radii[i])
            if guess[i] < guess[j] + gap:
                guess[i] = guess[j] + gap
                radii[i] = _row_radius(ranges[i], (w, h), guess[i], r_in, r_out, i % rows, rows)
    return guess, radii, need


def _sectors(groups: list[str], spans: dict[str, float]) -> list[tuple[str, float, float]]:
    out = []
    angle = _START
    for g in groups:
        out.append((g, angle, angle + spans[g]))
        angle += spans[g]
    return out


def _attempt(
    cells: dict[tuple[str, int], _Cell],
    counts: dict[str, int],
    ring_sizes: dict[int, tuple[float, float]],
    hole: float,
) -> tuple:
    inner: list[float] = []
    radii: list[float] = []
    r = hole
    for ring in RINGEN:
        inner.append(r)
        r += max(_band_width(*ring_sizes[ring], r), 70.0)
        radii.append(r)
    ring_label_half = {ring: text_width(RINGEN[ring], _SMALL_SIZE) / 2 + _GAP for ring in RINGEN}
    groups = list(GROEPEN)
    label_sizes = {g: _sector_label_size(_sector_label_text(g, counts[g])) for g in groups}
    r_label = radii[2] + 30.0

    def pads(g: str, ring: int) -> tuple[float, float]:
        # The ring names sit on the boundary at 12 o'clock: keep members clear of them.
        return (
            ring_label_half[ring] + _GAP if g == groups[0] else _GAP / 2,
            ring_label_half[ring] + _GAP if g == groups[-1] else _GAP / 2,
        )

    spans = {g: 2 * math.pi / len(groups) for g in groups}
    total = 0.0
    for _ in range(3):
        need = {}
        for g, a0, a1 in _sectors(groups, spans):
            w, h = label_sizes[g]
            best = (_tangent_need(w, h, (a0 + a1) / 2) + 2 * _GAP) / r_label
            for ring in RINGEN:
                cell = cells.get((g, ring))
                if cell is None:
                    continue
                r_in, r_out = inner[ring - 1], radii[ring - 1]
                best_need, best_rows = math.inf, 1
                ranges = _cell_ranges(cell, a0, a1, r_in, r_out)
                for rows in range(1, min(3, len(cell.items)) + 1):
                    cell.rows = rows
                    _t, _r, cell_need = _cell_place(
                        cell, a0, a1, r_in, r_out, pads(g, ring), ranges
                    )
                    if cell_need < best_need - 1e-9:
                        best_need, best_rows = cell_need, rows
                cell.rows = best_rows
                best = max(best, best_need)
            need[g] = best
        total = sum(need.values())
        spans = {g: 2 * math.pi * need[g] / total for g in groups}

    sectors = _sectors(groups, spans)
    placed: list[Plaatsing] = []
    for g, a0, a1 in sectors:
        for ring in RINGEN:
            cell = cells.get((g, ring))
            if cell is None:
                continue
            r_in, r_out = inner[ring - 1], radii[ring - 1]
            ranges = _cell_ranges(cell, a0, a1, r_in, r_out)
            thetas, rhos, _need = _cell_place(cell, a0, a1, r_in, r_out, pads(g, ring), ranges)
            for (lid, lines, (w, h), mr), theta, rho in zip(cell.items, thetas, rhos, strict=True):
                bx, by = rho * math.cos(theta), rho * math.sin(theta)
                box = (bx - w / 2, by - h / 2, bx + w / 2, by + h / 2)
                placed.append(Plaatsing(lid, bx, box[1] + mr + 1, box, lines, mr))

    sector_labels = []
    for g, a0, a1 in sectors:
        mid = (a0 + a1) / 2
        w, h = label_sizes[g]
        rho = radii[2] + 2 * _GAP + _radial_extent(w, h, mid)
        bx, by = rho * math.cos(mid), rho * math.sin(mid)
        box = (bx - w / 2, by - h / 2, bx + w / 2, by + h / 2)
        text = _sector_label_text(g, counts[g])
        sector_labels.append(SectorLabel(g, text, box[0], by, "start", box))

    ring_labels = []
    for ring in RINGEN:
        text = RINGEN[ring]
        y = -radii[ring - 1] + 4.0
        half = ring_label_half[ring] - _GAP
        ring_labels.append((text, 0.0, y, (-half, y - 10, half, y + 3)))

    return (
        tuple(radii),
        tuple(sectors),
        tuple(placed),
        tuple(sector_labels),
        tuple(ring_labels),
        total / (2 * math.pi),
    )


def layout(resident: Bewoner | str, members: Iterable[Netwerklid]) -> Layout:
    """Compute a deterministic layout.

    Members are sorted by (group, ring, name, id). Every ring is an annulus wide enough for the
    largest label in it, and every label box stays inside its own annulus, so labels of different
    rings never meet. Each group gets a sector whose angle follows what its fullest ring needs;
    within a sector and ring, members are spaced by the room their labels need at that angle,
    zig-zagging over up to four rows where that helps. When the circle is too small, the empty
    middle grows step by step until no two boxes (marker plus label) overlap.
    """
    naam = _resident_name(resident)
    leden = _sorted_members(members)
    cells: dict[tuple[str, int], _Cell] = {}
    counts = {g: 0 for g in GROEPEN}
    ring_sizes = {ring: (60.0, 30.0) for ring in RINGEN}
    for lid in leden:
        lines = _label_lines(lid)
        mr = _marker_r(lid)
        size = _box_size(lines, mr)
        key = (lid.groep, lid.ring)
        cells.setdefault(key, _Cell(lid.groep, lid.ring, [])).items.append((lid, lines, size, mr))
        counts[lid.groep] += 1
        w, h = ring_sizes[lid.ring]
        ring_sizes[lid.ring] = (max(w, size[0]), max(h, size[1]))

    name_w = text_width(shorten(naam, 24), 13.0)
    centre_r = max(_CENTRE_R, name_w / 2 + 8.0)
    hole = centre_r + 12.0
    overlaps = 0
    for _ in range(200):
        radii, sectors, placed, sector_labels, ring_labels, crowding = _attempt(
            cells, counts, ring_sizes, hole
        )
        if crowding > 1.0:
            # Needed angles shrink roughly with the radius: jump to about the right size.
            mid = (radii[0] - hole) / 2
            hole = max(hole + 12.0, (hole + mid) * crowding * 1.02 - mid)
            continue
        boxes = [p.box for p in placed] + [sl.box for sl in sector_labels]
        boxes += [rl[3] for rl in ring_labels]
        boxes.append((-centre_r, -centre_r, centre_r, centre_r))
        overlaps = _count_overlaps(boxes)
        if overlaps == 0:
            break
        hole += max(12.0, 0.06 * hole)

    boxes = [p.box for p in placed] + [sl.box for sl in sector_labels]
    r3 = radii[2]
    xs = [b[0] for b in boxes] + [b[2] for b in boxes] + [-r3, r3]
    ys = [b[1] for b in boxes] + [b[3] for b in boxes] + [-r3, r3]
    bounds = (min(xs), min(ys), max(xs), max(ys))
    return Layout(
        resident=naam,
        hole=hole,
        centre_r=centre_r,
        radii=radii,
        sectors=sectors,
        placed=placed,
        sector_labels=sector_labels,
        ring_labels=ring_labels,
        bounds=bounds,
        overlaps=overlaps,
    )


# --------------------------------------------------------------------------------------------
# SVG
# --------------------------------------------------------------------------------------------

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def esc(text: object) -> str:
    """XML-escape text for element content and double-quoted attributes."""
    s = _INVALID_XML.sub("", str(text))
    return (
        s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def _n(v: float) -> str:
    s = f"{v:.1f}"
    if s.endswith(".0"):
        s = s[:-2]
    return "0" if s == "-0" else s


# Okabe-Ito palette (colour-blind safe); shapes carry the same meaning without colour.
_KLEUR = {
    "huishouden": "#E69F00",
    "familie": "#56B4E9",
    "vrienden": "#009E73",
    "buren": "#F0E442",
    "kennissen": "#0072B2",
    "vrijwilligers": "#CC79A7",
    "professionals": "#D55E00",
}

_VORM_NAAM = {
    "huishouden": "rondje",
    "familie": "vierkant",
    "vrienden": "driehoek",
    "buren": "ruit",
    "kennissen": "zeshoek",
    "vrijwilligers": "omgekeerde driehoek",
    "professionals": "kruis",
}


def _poly(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _shape(groep: str, r: float, extra: str = "") -> str:
    """Marker shape centred on (0, 0) that fits in a circle of radius r."""
    fill = _KLEUR[groep]
    attrs = f'fill="{fill}" stroke="#000" stroke-width="1.3"{extra}'
    if groep == "huishouden":
        return f'<circle r="{_n(r * 0.92)}" {attrs}/>'
    if groep == "familie":
        a = r * 0.72
        return f'<rect x="{_n(-a)}" y="{_n(-a)}" width="{_n(2 * a)}" height="{_n(2 * a)}" {attrs}/>'
    if groep in ("vrienden", "vrijwilligers"):
        sign = -1 if groep == "vrienden" else 1
        pts = [
            (
                r * math.cos(math.radians(sign * 90 + k * 120)),
                r * math.sin(math.radians(sign * 90 + k * 120)),
            )
            for k in range(3)
        ]
        return f'<polygon points="{_poly(pts)}" {attrs}/>'
    if groep == "buren":
        return f'<polygon points="{_poly([(0, -r), (r, 0), (0, r), (-r, 0)])}" {attrs}/>'
    if groep == "kennissen":
        pts = [
            (r * math.cos(math.radians(60 * k)), r * math.sin(math.radians(60 * k)))
            for k in range(6)
        ]
        return f'<polygon points="{_poly(pts)}" {attrs}/>'
    a, b = r * 0.85, r * 0.32
    pts = [
        (-b, -a),
        (b, -a),
        (b, -b),
        (a, -b),
        (a, b),
        (b, b),
        (b, a),
        (-b, a),
        (-b, b),
        (-a, b),
        (-a, -b),
        (-b, -b),
    ]
    return f'<polygon points="{_poly(pts)}" {attrs}/>'


_DOTTED = ' stroke-dasharray="2.5 2"'  # marker outline of a service from the sociale kaart

_CONTACT_WIDTH = {"dagelijks": 3.2, "wekelijks": 2.2, "maandelijks": 1.4, "minder": 0.8, None: 1.2}


def _line(p: Plaatsing, centre_r: float, prefix: str) -> str:
    lid = p.lid
    dist = math.hypot(p.x, p.y)
    ux, uy = p.x / dist, p.y / dist
    ax, ay = ux * (centre_r + 2), uy * (centre_r + 2)
    bx, by = ux * (dist - p.marker_r - 2), uy * (dist - p.marker_r - 2)
    width = _CONTACT_WIDTH[lid.contact]
    geeft, krijgt = bool(lid.steun_aan_bewoner), bool(lid.steun_van_bewoner)
    if geeft and krijgt:
        style = f'stroke="#222" stroke-width="{_n(width)}"'
    elif geeft or krijgt:
        style = (
            f'stroke="#222" stroke-width="{_n(width)}" stroke-dasharray="7 4" '
            f'marker-end="url(#{prefix}-pijl)"'
        )
        if geeft:  # support flows from the member to the resident
            ax, ay, bx, by = bx, by, ax, ay
    else:
        style = f'stroke="#888" stroke-width="{_n(min(width, 1.0))}"'
    return f'<line x1="{_n(ax)}" y1="{_n(ay)}" x2="{_n(bx)}" y2="{_n(by)}" {style}/>'


_HALO = 'stroke="#fff" stroke-width="3" stroke-linejoin="round"'


def _halo(tekst: str, druk: bool) -> str:
    """A <text> element with a white outline so it stays readable over lines.

    On screen the outline is drawn under the letters with ``paint-order="stroke"`` on the
    group. For print (WeasyPrint has no paint-order) the element is written twice: first a
    copy with a white stroke, hidden from assistive technology, then the text itself.
    """
    if not druk:
        return tekst
    return tekst.replace("<text", f'<text {_HALO} aria-hidden="true"', 1) + tekst


def _member_svg(p: Plaatsing, resident: str, druk: bool = False) -> str:
    lid = p.lid
    out = [
        f'<g class="lid groep-{lid.groep} laag-{lid.laag}" data-id="{esc(lid.id)}" '
        f'transform="translate({_n(p.x)} {_n(p.y)})">',
        f"<title>{esc(_member_sentence(lid, resident))}</title>",
    ]
    extra = _DOTTED if lid.laag == "dienst" else ""
    if lid.laag == "vrijwilliger":
        out.append(f'<circle r="{_n(p.marker_r - 1)}" fill="#fff" stroke="#000" stroke-width="1"/>')
    out.append(_shape(lid.groep, MARKER_R, extra))
    y = MARKER_R + _LABEL_GAP + p.marker_r - MARKER_R
    for i, (text, size) in enumerate(p.lines):
        y += _LINE_H_NAME if size == _NAME_SIZE else _LINE_H_SMALL
        weight = ' font-weight="bold"' if i == 0 else ""
        out.append(
            _halo(f'<text y="{_n(y - 3)}" font-size="{_n(size)}"{weight}>{esc(text)}</text>', druk)
        )
    out.append("</g>")
    return "".join(out)


def _wrap(text: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and text_width(trial, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _legend(resident: str, x0: float, y0: float, width: float, prefix: str) -> tuple[str, float]:
    """Legend below the map. Returns (svg, height)."""
    out = [f'<g class="legenda" font-size="{_n(_SMALL_SIZE + 0.5)}">']
    size = _SMALL_SIZE + 0.5
    out.append(
        f'<text x="{_n(x0)}" y="{_n(y0 + 14)}" font-size="14" font-weight="bold">Uitleg</text>'
    )
    y = y0 + 24
    col_w = (width - 20) / 2
    # Column 1: groups with their shapes.
    yy = y
    for g, label in GROEPEN.items():
        out.append(f'<g transform="translate({_n(x0 + 10)} {_n(yy + 8)})">{_shape(g, 7.5)}</g>')
        out.append(
            f'<text x="{_n(x0 + 24)}" y="{_n(yy + 12)}">{esc(label)} ({_VORM_NAAM[g]})</text>'
        )
        yy += 18
    yy += 4
    out.append(
        f'<g transform="translate({_n(x0 + 10)} {_n(yy + 8)})">'
        f'<circle r="{_n(MARKER_R + 2.5)}" fill="#fff" stroke="#000" stroke-width="1"/>'
        f"{_shape('vrijwilligers', 7.5)}</g>"
    )
    out.append(
        f'<text x="{_n(x0 + 26)}" y="{_n(yy + 12)}">dubbele rand: vrijwilliger via koppeling</text>'
    )
    yy += 22
    out.append(
        f'<g transform="translate({_n(x0 + 10)} {_n(yy + 8)})">'
        f"{_shape('professionals', 7.5, _DOTTED)}</g>"
    )
    out.append(
        f'<text x="{_n(x0 + 26)}" y="{_n(yy + 12)}">stippelrand: dienst van de sociale kaart</text>'
    )
    yy += 18
    h1 = yy - y

    # Column 2: lines, letters, rings.
    x2 = x0 + col_w + 20
    yy = y
    rows = [
        ("solid", "doorgetrokken lijn: steun over en weer"),
        (
            "dashed",
            "streepjeslijn met pijl: steun één kant op; de pijl wijst naar wie de steun krijgt",
        ),
        ("thin", "dunne grijze lijn: geen steun genoteerd"),
        (
            "width",
            "hoe dikker de lijn, hoe vaker contact (dagelijks, wekelijks, maandelijks, minder)",
        ),
    ]
    text_w = col_w - 50
    for kind, text in rows:
        if kind == "solid":
            line = '<line x1="0" y1="0" x2="36" y2="0" stroke="#222" stroke-width="2.2"/>'
        elif kind == "dashed":
            line = (
                f'<line x1="0" y1="0" x2="34" y2="0" stroke="#222" stroke-width="2.2" '
                f'stroke-dasharray="7 4" marker-end="url(#{prefix}-pijl)"/>'
            )
        elif kind == "thin":
            line = '<line x1="0" y1="0" x2="36" y2="0" stroke="#888" stroke-width="1"/>'
        else:
            line = (
                '<line x1="0" y1="-4" x2="36" y2="-4" stroke="#222" stroke-width="3.2"/>'
                '<line x1="0" y1="4" x2="36" y2="4" stroke="#222" stroke-width="0.8"/>'
            )
        out.append(f'<g transform="translate({_n(x2)} {_n(yy + 8)})">{line}</g>')
        parts = _wrap(text, size, text_w)
        for i, part in enumerate(parts):
            out.append(f'<text x="{_n(x2 + 46)}" y="{_n(yy + 12 + i * 14)}">{esc(part)}</text>')
        yy += 14 * len(parts) + 6
    yy += 4
    letters = [
        "Letters bij een naam: P = praktische steun, G = gezelschap, "
        "A = advies en informatie, E = emotionele steun.",
        f"geeft = wat deze persoon aan {resident} geeft; krijgt = wat deze persoon van "
        f"{resident} krijgt.",
        "Ringen: dichtbij (binnen), midden, verder (buiten).",
    ]
    for text in letters:
        for part in _wrap(text, size, col_w):
            out.append(f'<text x="{_n(x2)}" y="{_n(yy + 12)}">{esc(part)}</text>')
            yy += 14
        yy += 4
    h2 = yy - y
    out.append("</g>")
    return "".join(out), max(h1, h2) + 30


def render_svg(
    resident: Bewoner | str,
    members: Iterable[Netwerklid],
    *,
    title: str | None = None,
    id_prefix: str = "ecogram",
    druk: bool = False,
) -> str:
    """Render the network map as a standalone, deterministic SVG string.

    ``id_prefix`` keeps element ids unique when several maps are on one page. ``druk=True``
    gives the print variant for the PDF: the same drawing without ``paint-order`` (which
    WeasyPrint does not support); the white outline around names is a copy of the text
    underneath instead.
    """
    leden = _sorted_members(members)
    lay = layout(resident, leden)
    naam = lay.resident
    titel = title if title is not None else f"Netwerkkaart van {naam}"
    prefix = re.sub(r"[^A-Za-z0-9_-]", "", id_prefix) or "ecogram"
    if not prefix[0].isalpha():
        prefix = "e" + prefix

    margin = 24.0
    x_min, y_min, x_max, y_max = lay.bounds
    diagram_w = x_max - x_min
    width = max(diagram_w + 2 * margin, 760.0)
    header = 44.0
    cx = margin + (width - 2 * margin - diagram_w) / 2 - x_min
    cy = header + margin - y_min
    legend_y = cy + y_max + 24
    legend_svg, legend_h = _legend(naam, margin, legend_y, width - 2 * margin, prefix)
    height = legend_y + legend_h

    desc = _summary(naam, leden)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="{prefix}-titel {prefix}-uitleg" '
        f'width="{_n(width)}" height="{_n(height)}" viewBox="0 0 {_n(width)} {_n(height)}" '
        "font-family=\"Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif\" "
        'lang="nl">',
        f'<title id="{prefix}-titel">{esc(titel)}</title>',
        f'<desc id="{prefix}-uitleg">{esc(desc)}</desc>',
        "<defs>",
        f'<marker id="{prefix}-pijl" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" '
        'markerHeight="6" orient="auto-start-reverse" markerUnits="strokeWidth">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#222"/></marker>',
        "</defs>",
        f'<rect width="{_n(width)}" height="{_n(height)}" fill="#fff"/>',
        f'<text x="{_n(margin)}" y="30" font-size="20" font-weight="bold">{esc(titel)}</text>',
        f'<g class="kaart" transform="translate({_n(cx)} {_n(cy)})">',
    ]
    # Rings and sectors.
    out.append('<g class="ringen" fill="none" stroke="#9a9a9a">')
    for r in lay.radii:
        out.append(f'<circle r="{_n(r)}" stroke-width="1.2"/>')
    for _g, a0, _a1 in lay.sectors:
        c, s = math.cos(a0), math.sin(a0)
        out.append(
            f'<line x1="{_n(c * lay.centre_r)}" y1="{_n(s * lay.centre_r)}" '
            f'x2="{_n(c * (lay.radii[2] + 20))}" y2="{_n(s * (lay.radii[2] + 20))}" '
            'stroke-width="1" stroke-dasharray="3 3"/>'
        )
    out.append("</g>")
    halo = "" if druk else f'paint-order="stroke" {_HALO}'
    out.append(
        f'<g class="ringnamen" font-size="{_n(_SMALL_SIZE)}" fill="#444" '
        f'font-style="italic" text-anchor="middle" {halo}>'
    )
    for text, x, y, _box in lay.ring_labels:
        out.append(_halo(f'<text x="{_n(x)}" y="{_n(y)}">{esc(text)}</text>', druk))
    out.append("</g>")
    # Support lines.
    out.append('<g class="lijnen" stroke-linecap="round">')
    for p in lay.placed:
        out.append(_line(p, lay.centre_r, prefix))
    out.append("</g>")
    # Members.
    out.append(f'<g class="leden" text-anchor="middle" {halo}>')
    for p in lay.placed:
        out.append(_member_svg(p, naam, druk))
    out.append("</g>")
    # Sector labels with the group shape as icon.
    out.append(
        f'<g class="groepen" font-size="{_n(_SECTOR_LABEL_SIZE)}" font-weight="bold" {halo}>'
    )
    for sl in lay.sector_labels:
        x0, y0, _x1, y1 = sl.box
        cy = (y0 + y1) / 2
        out.append(
            f'<g transform="translate({_n(x0 + MARKER_R + 2)} {_n(cy)})">'
            f"{_shape(sl.groep, 7.5)}</g>"
        )
        out.append(
            _halo(
                f'<text x="{_n(x0 + 2 * MARKER_R + 8)}" y="{_n(cy + 4.5)}">{esc(sl.text)}</text>',
                druk,
            )
        )
    out.append("</g>")
    # Resident.
    out.append(
        f'<g class="bewoner"><circle r="{_n(lay.centre_r)}" fill="#fff" stroke="#000" '
        'stroke-width="2.5"/>'
        f'<text y="5" text-anchor="middle" font-size="13" font-weight="bold">'
        f"{esc(shorten(naam, 24))}</text></g>"
    )
    out.append("</g>")
    out.append(legend_svg)
    out.append("</svg>")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# Text alternative and table
# --------------------------------------------------------------------------------------------


def _member_sentence(lid: Netwerklid, resident: str) -> str:
    parts = [f"{lid.naam} ({_GROEP_KORT[lid.groep]}, {RINGEN[lid.ring]})"]
    if lid.steun_aan_bewoner:
        parts.append(f"geeft {support_words(lid.steun_aan_bewoner)}")
    if lid.steun_van_bewoner:
        parts.append(f"krijgt {support_words(lid.steun_van_bewoner)} van {resident}")
    if not lid.steun_aan_bewoner and not lid.steun_van_bewoner:
        parts.append("geen steun genoteerd")
    if lid.contact:
        parts.append(CONTACT[lid.contact])
    if lid.mantelzorger:
        mz = "mantelzorger"
        if lid.uren_per_week:
            mz += f", {format_hours(lid.uren_per_week)} uur per week"
        parts.append(mz)
    if lid.laag != "persoonlijk":
        parts.append(LAGEN[lid.laag])
    return "; ".join(parts)


def _people(n: int) -> str:
    return "1 persoon" if n == 1 else f"{n} personen"


def _summary(resident: str, leden: list[Netwerklid]) -> str:
    """Short Dutch summary for the SVG <desc>."""
    if not leden:
        return f"Netwerkkaart van {resident}. Er staan nog geen mensen in het netwerk."
    per_groep = [
        f"{sum(1 for lid in leden if lid.groep == g)} {_GROEP_KORT[g]}"
        for g in GROEPEN
        if any(lid.groep == g for lid in leden)
    ]
    per_ring = [
        f"{sum(1 for lid in leden if lid.ring == r)} {RINGEN[r]}"
        for r in RINGEN
        if any(lid.ring == r for lid in leden)
    ]
    zinnen = [
        f"Netwerkkaart van {resident} met {_people(len(leden))}.",
        f"Per groep: {nl_list(per_groep)}.",
        f"Per ring: {nl_list(per_ring)}.",
    ]
    for letter, woord in STEUN.items():
        gevers = [lid.naam for lid in leden if letter in lid.steun_aan_bewoner]
        if gevers:
            zinnen.append(f"{woord.capitalize()} van {_people(len(gevers))}.")
        else:
            zinnen.append(f"Niemand geeft {woord}.")
    zinnen.append("Een tabel en een tekst met alle personen staan onder de kaart.")
    return " ".join(zinnen)


def text_alternative(resident: Bewoner | str, members: Iterable[Netwerklid]) -> str:
    """Full Dutch plain-text description of the map, ring by ring."""
    naam = _resident_name(resident)
    leden = _sorted_members(members)
    regels = [
        _summary(naam, leden).replace(
            " Een tabel en een tekst met alle personen staan onder de kaart.", ""
        )
    ]
    for ring, ringnaam in RINGEN.items():
        in_ring = [lid for lid in leden if lid.ring == ring]
        if not in_ring:
            continue
        regels.append("")
        regels.append(f"{ringnaam.capitalize()} ({_people(len(in_ring))}):")
        for lid in in_ring:
            regels.append(f"- {_member_sentence(lid, naam)}.")
    leeg = [_GROEP_KORT[g] for g in GROEPEN if not any(lid.groep == g for lid in leden)]
    if leden and leeg:
        regels.append("")
        regels.append(f"Niemand in de groep: {nl_list(leeg)}.")
    return "\n".join(regels)


def table_columns(resident: Bewoner | str) -> list[tuple[str, str]]:
    """(key, Dutch header) pairs for the rows of ``table_rows``."""
    naam = _resident_name(resident)
    return [
        ("naam", "Naam"),
        ("groep", "Groep"),
        ("ring", "Ring"),
        ("contact", "Contact"),
        ("geeft", f"Geeft aan {naam}"),
        ("krijgt", f"Krijgt van {naam}"),
        ("mantelzorg", "Mantelzorg"),
        ("bron", "Bron"),
    ]


def table_rows(resident: Bewoner | str, members: Iterable[Netwerklid]) -> list[dict[str, str]]:
    """Rows (plain strings, not escaped: let the template escape) in the map's order."""
    rows = []
    for lid in _sorted_members(members):
        mz = ""
        if lid.mantelzorger:
            mz = "ja"
            if lid.uren_per_week:
                mz += f", {format_hours(lid.uren_per_week)} uur per week"
        rows.append(
            {
                "id": str(lid.id),
                "naam": lid.naam,
                "groep": GROEPEN[lid.groep],
                "ring": RINGEN[lid.ring],
                "contact": CONTACT[lid.contact].removesuffix(" contact") if lid.contact else "",
                "geeft": support_words(lid.steun_aan_bewoner) or "niets genoteerd",
                "krijgt": support_words(lid.steun_van_bewoner) or "niets genoteerd",
                "mantelzorg": mz or "nee",
                "bron": LAGEN[lid.laag],
            }
        )
    return rows
