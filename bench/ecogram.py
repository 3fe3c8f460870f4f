"""Benchmark: render a 60-person netwerkkaart (ecogram) many times.

Run: .venv/bin/python bench/ecogram.py [--runs 200] [--people 60]

Prints median and p95 milliseconds per render, next to two references measured in the same run
on the same data: serialising it to JSON, and a naive SVG string build (one circle and one text
per member, no layout). Target: median < 100 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from socialebasis.netwerk.ecogram import (  # noqa: E402
    CONTACT,
    GROEPEN,
    Netwerklid,
    esc,
    layout,
    render_svg,
)

NAMEN = [
    "Ans", "Bert", "Cor", "Dina", "Els", "Fatima", "Gert", "Hanneke", "Ibrahim", "Joke", "Kees",
    "Lotte", "Mohamed", "Nel", "Oscar", "Petra", "Rachid", "Sanne", "Tineke", "Wim", "Yvonne",
    "Zeynep", "Buurman Piet", "Mevrouw Van der Berg-Jansen", "Wijkverpleging Zuid",
    "Huisarts De Vries", "Maatje Karim", "Thuiszorg <Zorg & Co>",
]  # fmt: skip


def netwerk(n: int, seed: int = 1) -> list[Netwerklid]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        g = rnd.choices(list(GROEPEN), weights=[2, 5, 5, 3, 4, 2, 3])[0]
        out.append(
            Netwerklid(
                id=i,
                naam=rnd.choice(NAMEN) + ("" if rnd.random() < 0.6 else f" {i}"),
                groep=g,
                ring=rnd.choice([1, 2, 2, 3, 3]),
                contact=rnd.choice([*CONTACT, None]),
                steun_aan_bewoner="".join(c for c in "PGAE" if rnd.random() < 0.3),
                steun_van_bewoner="".join(c for c in "PGAE" if rnd.random() < 0.15),
                mantelzorger=rnd.random() < 0.1,
                uren_per_week=rnd.choice([None, 4, 12.5]),
                laag={"vrijwilligers": "vrijwilliger", "professionals": "dienst"}.get(
                    g, "persoonlijk"
                ),
            )
        )
    return out


def to_json(members: list[Netwerklid]) -> str:
    return json.dumps(
        [
            {
                "id": m.id,
                "naam": m.naam,
                "groep": m.groep,
                "ring": m.ring,
                "contact": m.contact,
                "geeft": sorted(m.steun_aan_bewoner),
                "krijgt": sorted(m.steun_van_bewoner),
                "mantelzorger": m.mantelzorger,
                "uren": m.uren_per_week,
                "laag": m.laag,
            }
            for m in members
        ]
    )


def naive_svg(members: list[Netwerklid]) -> str:
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1000">']
    for i, m in enumerate(members):
        x, y = 20 + (i % 10) * 95, 20 + (i // 10) * 60
        parts.append(f'<circle cx="{x}" cy="{y}" r="9"/><text x="{x}" y="{y + 20}">')
        parts.append(esc(m.naam) + "</text>")
    parts.append("</svg>")
    return "".join(parts)


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def stats(ms: list[float]) -> tuple[float, float]:
    ms = sorted(ms)
    return statistics.median(ms), ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--people", type=int, default=60)
    args = parser.parse_args()
    members = netwerk(args.people)
    lay = layout("Mevrouw Jansen", members)
    svg = render_svg("Mevrouw Jansen", members)
    for fn in (lambda: render_svg("Mevrouw Jansen", members), lambda: to_json(members)):
        timed(fn, 5)  # warm up
    rows = [
        ("render_svg", timed(lambda: render_svg("Mevrouw Jansen", members), args.runs)),
        ("layout only", timed(lambda: layout("Mevrouw Jansen", members), args.runs)),
        ("json.dumps (reference)", timed(lambda: to_json(members), args.runs)),
        ("naive svg (reference)", timed(lambda: naive_svg(members), args.runs)),
    ]
    print(f"{args.people} people, {args.runs} runs, python {sys.version.split()[0]}")
    print(
        f"svg size {len(svg) / 1024:.0f} KiB, ring 1 starts at r={lay.hole:.0f}, "
        f"outer ring r={lay.radii[2]:.0f}, box overlaps {lay.overlaps}"
    )
    print(f"{'':26}{'median ms':>10}{'p95 ms':>10}")
    for name, ms in rows:
        med, p95 = stats(ms)
        print(f"{name:26}{med:10.2f}{p95:10.2f}")
    med = stats(rows[0][1])[0]
    print(
        f"render / json: {med / stats(rows[2][1])[0]:.0f}x; "
        f"target < 100 ms median: {'OK' if med < 100 else 'NOT MET'}"
    )


if __name__ == "__main__":
    main()
