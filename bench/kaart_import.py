"""Benchmark: HSDS import of 100,000 nationally distributed services on PostgreSQL.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/sb_kaart_bench \
     .venv/bin/python bench/kaart_import.py [--diensten 100000]

A throw-away test database is created and dropped. The bench writes HSDS 3.0 files (one
organizations.json, one services.json with full services: organisation id, a phone, a weekly
schedule — every tenth with a holiday exception — a service_at_location with its location,
address and buurt, and one or two categories) for services spread over 300 synthetic gemeenten
× 10 buurten, then measures in the same run:

1. `hsds import` end to end (read, check every record, plan, write in one transaction);
   target ≤ 60 s for 100,000 services;
2. the same import again (idempotent: nothing changes, nothing is written);
3. the reference: the same rows written with plain COPY into empty tables (no reading, no
   checks, no planning) — the floor for any import of these rows.
"""

import argparse
import json
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialebasis.settings")
os.environ.setdefault("SB_ENVIRONMENT", "test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kaart_zoeken import WOORDEN  # noqa: E402

TABELLEN = [
    "kaart_uitzondering",
    "kaart_dienst_termen",
    "kaart_dienstoplocatie",
    "kaart_rooster",
    "kaart_telefoon",
    "kaart_contact",
    "kaart_adres",
    "kaart_dienst",
    "kaart_locatie",
    "kaart_organisatie",
]


def gebieden(rnd):
    from socialebasis.gebieden.models import Gebied

    gemeenten = [
        Gebied(code=f"GM{g:04d}", naam=f"Gemeente {g}", niveau="gemeente") for g in range(300)
    ]
    Gebied.objects.bulk_create(gemeenten)
    wijken = [
        Gebied(
            code=f"WK{gm.code[2:]}01",
            naam=f"Wijk {gm.code}",
            niveau="wijk",
            gemeente=gm,
            ouder=gm,
            punt_lat=rnd.uniform(50.8, 53.4),
            punt_lon=rnd.uniform(3.5, 7.1),
        )
        for gm in gemeenten
    ]
    Gebied.objects.bulk_create(wijken)
    buurten = [
        Gebied(
            code=f"BU{wk.code[2:]}{b:02d}",
            naam=f"Buurt {wk.code}-{b}",
            niveau="buurt",
            gemeente=wk.gemeente,
            ouder=wk,
            punt_lat=wk.punt_lat + rnd.uniform(-0.02, 0.02),
            punt_lon=wk.punt_lon + rnd.uniform(-0.03, 0.03),
        )
        for wk in wijken
        for b in range(10)
    ]
    Gebied.objects.bulk_create(buurten)
    return buurten


def bestanden(map_: Path, n: int, buurten, rnd) -> None:
    from socialebasis.kaart.taxonomie import term_id

    def uid():
        return str(uuid.UUID(int=rnd.getrandbits(128), version=4))

    orgs = [
        {"id": uid(), "name": f"Welzijn {i}", "description": f"Welzijnsorganisatie {i}."}
        for i in range(max(1, n // 20))
    ]
    (map_ / "organizations.json").write_text(json.dumps(orgs), encoding="utf-8")
    codes = sorted({c for _, _, c in WOORDEN})
    with (map_ / "services.json").open("w", encoding="utf-8") as f:
        f.write("[")
        for i in range(n):
            b = buurten[i % len(buurten)]
            naam, tekst, code = WOORDEN[rnd.randrange(len(WOORDEN))]
            termen = {code, rnd.choice(codes)}
            rooster = {
                "id": uid(),
                "freq": "WEEKLY",
                "interval": 1,
                "byday": rnd.choice(["MO", "TU", "WE", "TH", "FR"]),
                "opens_at": "10:00:00",
                "closes_at": "12:00:00",
            }
            if i % 10 == 0:
                rooster["exceptions"] = [
                    {"date": "2026-12-29", "cancelled": True, "reason": "Kerst"}
                ]
            lid = uid()
            s = {
                "id": uid(),
                "organization_id": orgs[i % len(orgs)]["id"],
                "name": f"{naam} {b.naam}",
                "description": tekst,
                "status": "active",
                "target_groups": ["volwassenen", "ouderen"],
                "cost_category": "gratis",
                "phones": [{"id": uid(), "number": f"030 {i:07d}"}],
                "schedules": [rooster],
                "service_at_locations": [
                    {
                        "id": uid(),
                        "location": {
                            "id": lid,
                            "location_type": "physical",
                            "name": f"Buurthuis {i}",
                            "latitude": b.punt_lat + rnd.uniform(-0.003, 0.003),
                            "longitude": b.punt_lon + rnd.uniform(-0.004, 0.004),
                            "area": {"code": b.code},
                            "addresses": [
                                {
                                    "id": uid(),
                                    "address_1": f"Dorpsstraat {i % 300 + 1}",
                                    "city": f"Plaats {b.gemeente_id}",
                                    "state_province": "",
                                    "postal_code": f"{1000 + i % 8999} AB",
                                    "country": "NL",
                                    "address_type": "physical",
                                }
                            ],
                        },
                    }
                ],
                "attributes": [
                    {
                        "id": uid(),
                        "link_id": lid,
                        "link_type": "service",
                        "link_entity": "service",
                        "taxonomy_term_id": str(term_id(c)),
                    }
                    for c in sorted(termen)
                ],
            }
            f.write(("," if i else "") + json.dumps(s, ensure_ascii=False))
        f.write("]")


def leegmaken():
    with connection.cursor() as c:
        c.execute(f"TRUNCATE {', '.join(TABELLEN)} CASCADE")


def tellen() -> dict:
    with connection.cursor() as c:
        uit = {}
        for t in TABELLEN:
            c.execute(f"SELECT count(*) FROM {t}")
            uit[t] = c.fetchone()[0]
    return uit


def referentie(map_: Path) -> float:
    """The same rows, planned beforehand (not timed), written with plain COPY."""
    from socialebasis.kaart import hsds_bulk
    from socialebasis.kaart.hsds_import import Resultaat, lees

    records = lees(map_)
    plan = hsds_bulk.Plan()
    plan.laden(records)
    res = Resultaat()
    for soort in ("organization", "service"):
        for rec in records:
            if rec.soort == soort:
                plan.record(rec)
    weg = plan._weg_te_halen()
    plan._punten(weg)
    uitz = [u for lijst in plan.uitzonderingen.values() for u in lijst]
    koppels = [{"dienst_id": d, "term_id": t} for d, ts in plan.termen.items() for t in ts]
    del res
    t = time.perf_counter()
    with transaction.atomic():
        for model in hsds_bulk.VOLGORDE_SCHRIJVEN:
            hsds_bulk._invoegen(model, list(plan.rijen[model].values()))
        hsds_bulk._invoegen(hsds_bulk.Uitzondering, uitz, met_pk=False)
        from socialebasis.kaart.models import Dienst

        hsds_bulk._invoegen(Dienst.termen.through, koppels, met_pk=False)
    return time.perf_counter() - t  # with the commit (deferred foreign-key checks)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--diensten", type=int, default=100_000)
    parser.add_argument("--alleen-import", action="store_true", help="zonder herhaling en COPY")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Draai dit met DATABASE_URL=postgres://… (PostgreSQL).")
    from socialebasis.kaart.hsds_import import importeren

    rnd = random.Random(2026)
    setup_test_environment()
    oude_naam = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        buurten = gebieden(rnd)
        with tempfile.TemporaryDirectory() as tmp:
            map_ = Path(tmp)
            t = time.perf_counter()
            bestanden(map_, args.diensten, buurten, rnd)
            grootte = sum(p.stat().st_size for p in map_.iterdir()) / 1e6
            print(
                f"bestanden: {args.diensten} diensten, {grootte:.0f} MB in "
                f"{time.perf_counter() - t:.1f} s"
            )
            t = time.perf_counter()
            res = importeren(map_)
            duur = time.perf_counter() - t
            assert res.aantallen["service"] == args.diensten, res.aantallen
            rijen = tellen()
            print(f"import: {duur:.1f} s (doel ≤ 60 s voor 100.000) — rijen: {rijen}")
            print("  fasen: " + ", ".join(f"{k} {v:.1f} s" for k, v in res.duur.items()))
            if args.alleen_import:
                return
            with connection.cursor() as c:
                c.execute("ANALYZE")
            t = time.perf_counter()
            res = importeren(map_)
            print(f"zelfde import nog eens (niets verandert): {time.perf_counter() - t:.1f} s")
            print("  fasen: " + ", ".join(f"{k} {v:.1f} s" for k, v in res.duur.items()))
            print(f"  geschreven (nieuw, gewijzigd): {res.geschreven or 'niets'}")
            assert tellen() == rijen
            leegmaken()
            ref = referentie(map_)
            assert tellen() == rijen, (tellen(), rijen)
            print(f"referentie: dezelfde rijen met kale COPY: {ref:.1f} s")
            print(f"verhouding import / COPY: {duur / ref:.1f}×")
    finally:
        connection.creation.destroy_test_db(oude_naam, verbosity=0)


if __name__ == "__main__":
    main()
