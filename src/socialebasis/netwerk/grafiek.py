"""Server-side SVG line chart of questionnaire totals over time (pure, no Django).

The chart never stands alone: the page shows the same numbers in a table. Meaning is not carried
by colour: points are marked and labelled with their value.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from socialebasis.netwerk.ecogram import esc

MAANDEN = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip


def datum_nl(d: datetime.date) -> str:
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def _kort(d: datetime.date) -> str:
    return f"{d.day}-{d.month}-{d.year % 100:02d}"


def _n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def lijngrafiek(
    punten: Sequence[tuple[datetime.date, int | None]],
    *,
    max_y: int,
    titel: str,
    id_prefix: str = "grafiek",
    grens: tuple[float, str] | None = None,
) -> str:
    """Line chart of (date, total) in date order. ``grens`` draws a labelled dashed line
    (value, text), e.g. (3, "vanaf 3: eenzaam")."""
    prefix = re.sub(r"[^A-Za-z0-9_-]", "", id_prefix) or "grafiek"
    punten = sorted(punten, key=lambda p: p[0])
    breed, hoog = 640.0, 300.0
    links, rechts, boven, onder = 48.0, 24.0, 40.0, 70.0
    w, h = breed - links - rechts, hoog - boven - onder
    geldig = [(d, v) for d, v in punten if v is not None]

    def y(v: float) -> float:
        return boven + h - (v / max_y) * h if max_y else boven + h

    if len(punten) > 1:
        d0, d1 = punten[0][0].toordinal(), punten[-1][0].toordinal()
        span = max(d1 - d0, 1)

        def x(d: datetime.date) -> float:
            return links + 12 + (d.toordinal() - d0) / span * (w - 24)
    else:

        def x(d: datetime.date) -> float:
            return links + w / 2

    if geldig:
        beschrijving = "Scores: " + "; ".join(f"{v} op {datum_nl(d)}" for d, v in geldig) + "."
    else:
        beschrijving = "Er is nog geen score om te tonen."
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {_n(breed)} {_n(hoog)}" '
        f'width="{_n(breed)}" height="{_n(hoog)}" aria-labelledby="{prefix}-titel {prefix}-uitleg" '
        "font-family=\"Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif\" "
        'font-size="12" lang="nl">',
        f'<title id="{prefix}-titel">{esc(titel)}</title>',
        f'<desc id="{prefix}-uitleg">{esc(beschrijving)}</desc>',
        f'<rect width="{_n(breed)}" height="{_n(hoog)}" fill="#fff"/>',
        f'<text x="{_n(links)}" y="22" font-size="15" font-weight="bold">{esc(titel)}</text>',
    ]
    stap = 1 if max_y <= 12 else 5 if max_y <= 40 else 10
    for v in range(0, max_y + 1, stap):
        out.append(
            f'<line x1="{_n(links)}" x2="{_n(links + w)}" y1="{_n(y(v))}" y2="{_n(y(v))}" '
            'stroke="#ddd" stroke-width="1"/>'
        )
        out.append(f'<text x="{_n(links - 8)}" y="{_n(y(v) + 4)}" text-anchor="end">{v}</text>')
    out.append(
        f'<line x1="{_n(links)}" x2="{_n(links)}" y1="{_n(boven)}" y2="{_n(boven + h)}" '
        'stroke="#222" stroke-width="1.5"/>'
        f'<line x1="{_n(links)}" x2="{_n(links + w)}" y1="{_n(boven + h)}" '
        f'y2="{_n(boven + h)}" stroke="#222" stroke-width="1.5"/>'
    )
    if grens is not None:
        waarde, tekst = grens
        out.append(
            f'<line x1="{_n(links)}" x2="{_n(links + w)}" y1="{_n(y(waarde))}" '
            f'y2="{_n(y(waarde))}" stroke="#555" stroke-width="1.5" stroke-dasharray="6 4"/>'
        )
        # Legend below the axis, so it never covers a data point.
        ly = hoog - 10
        out.append(
            f'<line x1="{_n(links)}" x2="{_n(links + 28)}" y1="{_n(ly - 4)}" y2="{_n(ly - 4)}" '
            'stroke="#555" stroke-width="1.5" stroke-dasharray="6 4"/>'
            f'<text x="{_n(links + 34)}" y="{_n(ly)}" fill="#333">{esc(tekst)}</text>'
        )
    if len(geldig) > 1:
        pad = " ".join(f"{_n(x(d))},{_n(y(v))}" for d, v in geldig)
        out.append(f'<polyline points="{pad}" fill="none" stroke="#1a4f8b" stroke-width="2.5"/>')
    # Date labels: at most 8, always the first and the last.
    n = len(punten)
    toon = set(range(0, n, max(1, -(-n // 8)))) | {n - 1} if n else set()
    for i, (d, v) in enumerate(punten):
        if i in toon:
            out.append(
                f'<text x="{_n(x(d))}" y="{_n(boven + h + 20)}" text-anchor="middle">'
                f"{esc(_kort(d))}</text>"
            )
        if v is None:
            continue
        out.append(
            f"<g><title>{esc(f'{v} op {datum_nl(d)}')}</title>"
            f'<circle cx="{_n(x(d))}" cy="{_n(y(v))}" r="5" fill="#1a4f8b" stroke="#fff" '
            'stroke-width="1.5"/>'
            f'<text x="{_n(x(d))}" y="{_n(y(v) - 10)}" text-anchor="middle" '
            f'font-weight="bold">{v}</text></g>'
        )
    out.append(
        f'<text x="{_n(links + w)}" y="{_n(boven + h + 38)}" text-anchor="end" fill="#333">'
        "datum van invullen</text>"
    )
    out.append("</svg>")
    return "\n".join(out)
