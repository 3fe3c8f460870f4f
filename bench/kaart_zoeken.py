"""Benchmark: sociale kaart at national scale (100,000 services) on PostgreSQL.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/sb_kaart_bench \
     .venv/bin/python bench/kaart_zoeken.py [--diensten 100000] [--runs 200]

A throw-away test database is created and dropped. Measures, in the same run:
1. search through the HTTP API (GET /api/hsds/services?search=…&area=…&near=…, first page,
   Django test client) vs. the raw SQL of the same search (full-text + thesaurus + area filter +
   distance sort + LIMIT) — p50/p95 in ms; targets p95 ≤ 50 ms and ≤ 2× raw;
1b. the nationwide search (no area: GET /api/hsds/services?search=…&per_page=50, ~10,000 hits
   per word, first page + total_items) vs. its raw SQL (page + COUNT on the columns of
   migration 0007), the same raw SQL in the old form (text expression + thesaurus EXISTS, a few
   runs only) and the public search page /sociale-kaart?q=… without area (a few runs);
   --vacuum: VACUUM ANALYZE after filling (the steady state) instead of ANALYZE;
2. HSDS import of the same number of services from one JSON file (target ≤ 60 s);
3. the ndjson export: peak Python memory (tracemalloc) while streaming all services, for
   N and N/10 services — constant memory means the two peaks are about equal.
"""

import argparse
import json
import math
import os
import random
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialebasis.settings")
os.environ.setdefault("SB_ENVIRONMENT", "test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

WOORDEN = [
    ("Koffie-inloop", "Samen koffie drinken en een praatje maken met buren.", "ontmoeting"),
    ("Samen eten", "Elke week een verse maaltijd met anderen uit de buurt.", "eten"),
    ("Taalcafé", "Nederlands oefenen in een kleine groep met een vrijwilliger.", "leren-taal"),
    ("Wandelgroep", "Rustig wandelen door de wijk, daarna koffie.", "bewegen"),
    ("Opvoedspreekuur", "Vragen over opvoeden en opgroeien van kinderen.", "opvoeden"),
    ("Formulierenhulp", "Hulp bij brieven, rekeningen en schulden.", "geldzaken"),
    ("Klussendienst", "Vrijwilligers helpen bij kleine klussen in huis.", "klussen"),
    ("Mantelzorgcafé", "Even tijd voor uzelf als mantelzorger.", "mantelzorg"),
    ("Buurtbus", "Vervoer naar de huisarts of de markt.", "vervoer"),
    ("Stoelyoga", "Rustige oefeningen op een stoel voor ouderen.", "gezondheid"),
]


VACUUM = False


def p(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] * 1000


def vullen(n: int, rnd: random.Random):
    """n services in 300 gemeenten × 10 buurten, bulk insert."""
    from socialebasis.gebieden.models import Gebied
    from socialebasis.kaart.models import Dienst, DienstOpLocatie, Locatie, Organisatie
    from socialebasis.kaart.taxonomie import term_id

    gebieden = []
    buurten = []
    for g in range(300):
        gm = Gebied(code=f"GM{g:04d}", naam=f"Gemeente {g}", niveau="gemeente")
        gebieden.append(gm)
    Gebied.objects.bulk_create(gebieden)
    wijken = []
    for gm in gebieden:
        wijken.append(
            Gebied(
                code=f"WK{gm.code[2:]}01",
                naam=f"Wijk {gm.code}",
                niveau="wijk",
                gemeente=gm,
                ouder=gm,
                punt_lat=rnd.uniform(50.8, 53.4),
                punt_lon=rnd.uniform(3.5, 7.1),
            )
        )
    Gebied.objects.bulk_create(wijken)
    for wk in wijken:
        for b in range(10):
            buurten.append(
                Gebied(
                    code=f"BU{wk.code[2:]}{b:02d}",
                    naam=f"Buurt {wk.code}-{b}",
                    niveau="buurt",
                    gemeente=wk.gemeente,
                    ouder=wk,
                    punt_lat=wk.punt_lat + rnd.uniform(-0.02, 0.02),
                    punt_lon=wk.punt_lon + rnd.uniform(-0.03, 0.03),
                )
            )
    Gebied.objects.bulk_create(buurten)
    orgs = [Organisatie(naam=f"Organisatie {i}") for i in range(n // 20)]
    Organisatie.objects.bulk_create(orgs, batch_size=2000)
    locs, diensten, links, koppels = [], [], [], []
    Koppel = Dienst.termen.through
    for i in range(n):
        b = buurten[i % len(buurten)]
        naam, tekst, code = WOORDEN[rnd.randrange(len(WOORDEN))]
        lat = b.punt_lat + rnd.uniform(-0.003, 0.003)
        lon = b.punt_lon + rnd.uniform(-0.004, 0.004)
        loc = Locatie(
            id=uuid.UUID(int=rnd.getrandbits(128)),
            naam=f"Locatie {i}",
            buurt=b,
            wijk_id=b.ouder_id,
            lat=lat,
            lon=lon,
        )
        d = Dienst(
            id=uuid.UUID(int=rnd.getrandbits(128)),
            organisatie=orgs[i % len(orgs)],
            naam=f"{naam} {b.naam}",
            beschrijving=tekst,
            gemeente_id=b.gemeente_id,
            publicatie="gepubliceerd",
            punt_lat=lat,
            punt_lon=lon,
        )
        locs.append(loc)
        diensten.append(d)
        links.append(DienstOpLocatie(dienst=d, locatie=loc))
        koppels.append(Koppel(dienst_id=d.id, term_id=term_id(code)))
    Locatie.objects.bulk_create(locs, batch_size=5000)
    Dienst.objects.bulk_create(diensten, batch_size=5000)
    DienstOpLocatie.objects.bulk_create(links, batch_size=5000)
    Koppel.objects.bulk_create(koppels, batch_size=5000)
    with connection.cursor() as c:
        # --vacuum: the steady state autovacuum reaches soon after a bulk write (the category
        # links above made the triggers of migration 0007 rewrite every service once)
        c.execute("VACUUM ANALYZE" if VACUUM else "ANALYZE")
    return buurten


RAW = """
SELECT d.id, d.naam, d.beschrijving, d.status, d.gewijzigd_op
FROM kaart_dienst d
WHERE d.publicatie = 'gepubliceerd' AND d.status = 'active'
  AND (setweight(to_tsvector('dutch'::regconfig, COALESCE(d.naam, '')), 'A')
       || setweight(to_tsvector('dutch'::regconfig, COALESCE(d.beschrijving, '')), 'B'))
      @@ to_tsquery('dutch'::regconfig, %(q)s)
  AND d.wijk_id = %(wijk)s
ORDER BY (d.punt_lat - %(lat)s) ^ 2 + ((d.punt_lon - %(lon)s) * %(cos)s) ^ 2, d.naam, d.id
LIMIT 50
"""


LANDELIJK_WAAR = """
FROM kaart_dienst d
WHERE d.publicatie = 'gepubliceerd' AND d.status = 'active'
  AND (d.zoekvector @@ to_tsquery('dutch'::regconfig, %(q)s) OR d.term_ids && %(termen)s::uuid[])
"""
LANDELIJK = (
    "SELECT d.id, d.naam, d.beschrijving, d.status, d.gewijzigd_op"
    + LANDELIJK_WAAR
    + "ORDER BY ts_rank(d.zoekvector, to_tsquery('dutch'::regconfig, %(q)s)) DESC, d.naam, d.id"
    " LIMIT 50"
)
LANDELIJK_TELLEN = "SELECT COUNT(*)" + LANDELIJK_WAAR
# the form before migration 0007: the text expression and the thesaurus as EXISTS
VECTOR = (
    "(setweight(to_tsvector('dutch'::regconfig, COALESCE(d.naam, '')), 'A') || "
    "setweight(to_tsvector('dutch'::regconfig, COALESCE(d.beschrijving, '')), 'B'))"
)
OUD_WAAR = f"""
FROM kaart_dienst d
WHERE d.publicatie = 'gepubliceerd' AND d.status = 'active'
  AND ({VECTOR} @@ to_tsquery('dutch'::regconfig, %(q)s)
       OR EXISTS (SELECT 1 FROM kaart_dienst_termen t
                  WHERE t.dienst_id = d.id AND t.term_id = ANY(%(termen)s::uuid[])))
"""
OUD = (
    "SELECT d.id, d.naam, d.beschrijving, d.status, d.gewijzigd_op"
    + OUD_WAAR
    + f"ORDER BY ts_rank({VECTOR}, to_tsquery('dutch'::regconfig, %(q)s)) DESC, d.naam, d.id"
    " LIMIT 50"
)
OUD_TELLEN = "SELECT COUNT(*)" + OUD_WAAR
WOORDEN_ZOEKEN = ["koffie", "maaltijd", "wandelen", "schulden", "yoga"]


def landelijk(runs: int, rnd, *, oud_runs: int = 0, pagina_runs: int = 0):
    """Nationwide search (no area) via the API and raw SQL; optionally the old SQL form and the
    HTML search page, each for fewer runs (they are slow)."""
    from django.test import Client

    from socialebasis.kaart.services import thesaurus_termen, tsquery

    client = Client()
    api, raw, oud, pagina, treffers = [], [], [], [], {}

    def sql(vraag, tellen, woord):
        params = {"q": tsquery(woord), "termen": list(thesaurus_termen(woord))}
        with connection.cursor() as c:
            c.execute(vraag, params)
            rows = c.fetchall()
            c.execute(tellen, params)
            totaal = c.fetchone()[0]
        json.dumps([[str(x) for x in row] for row in rows])
        return totaal

    for i in range(runs):
        woord = rnd.choice(WOORDEN_ZOEKEN)
        t = time.perf_counter()
        r = client.get("/api/hsds/services", {"search": woord, "per_page": 50})
        api.append(time.perf_counter() - t)
        assert r.status_code == 200, r.content[:300]
        t = time.perf_counter()
        totaal = sql(LANDELIJK, LANDELIJK_TELLEN, woord)
        raw.append(time.perf_counter() - t)
        assert r.json()["total_items"] == totaal, (woord, r.json()["total_items"], totaal)
        treffers[woord] = totaal
        if i < oud_runs:
            t = time.perf_counter()
            assert sql(OUD, OUD_TELLEN, woord) == totaal
            oud.append(time.perf_counter() - t)
        if i < pagina_runs:
            t = time.perf_counter()
            r = client.get("/sociale-kaart", {"q": woord})
            pagina.append(time.perf_counter() - t)
            assert r.status_code == 200
    return api, raw, oud, pagina, treffers


def zoeken(args, buurten, rnd):
    from django.test import Client

    from socialebasis.kaart.services import tsquery

    client = Client()
    api, raw, vloer = [], [], []
    for _ in range(args.runs):
        b = rnd.choice(buurten)
        woord = rnd.choice(WOORDEN_ZOEKEN)
        t = time.perf_counter()
        r = client.get(
            "/api/hsds/services",
            {"search": woord, "area": b.ouder.code, "near": b.code, "per_page": 50},
        )
        api.append(time.perf_counter() - t)
        assert r.status_code == 200, r.content[:300]
        t = time.perf_counter()
        with connection.cursor() as c:
            c.execute(
                RAW,
                {
                    "q": tsquery(woord),
                    "wijk": b.ouder_id,
                    "lat": b.punt_lat,
                    "lon": b.punt_lon,
                    "cos": math.cos(math.radians(b.punt_lat)),
                },
            )
            rows = c.fetchall()
        json.dumps([[str(x) for x in row] for row in rows])
        raw.append(time.perf_counter() - t)
        # the floor: Django's request/response cycle with a view that reads nothing
        t = time.perf_counter()
        r = client.get("/api/hsds/")
        vloer.append(time.perf_counter() - t)
        assert r.status_code == 200
    return api, raw, vloer


def ndjson_piek(limiet: int | None) -> tuple[float, int]:
    from django.test import Client

    from socialebasis.kaart.models import Dienst

    if limiet is not None:
        ids = list(Dienst.objects.order_by("id").values_list("id", flat=True)[limiet:])
        Dienst.objects.filter(id__in=ids).update(publicatie="concept")
    client = Client()
    tracemalloc.start()
    t = time.perf_counter()
    r = client.get("/api/hsds/services", {"format": "ndjson"})
    regels = 0
    for stuk in r.streaming_content:
        regels += stuk.count(b"\n")
    duur = time.perf_counter() - t
    _, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    Dienst.objects.update(publicatie="gepubliceerd")
    return piek / 1e6, regels, duur


def importeren_tijd(n: int, rnd: random.Random) -> float:
    from socialebasis.kaart.hsds_import import importeren

    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp) / "services.json"
        with pad.open("w") as f:
            f.write("[")
            for i in range(n):
                naam, tekst, _ = WOORDEN[i % len(WOORDEN)]
                obj = {
                    "id": str(uuid.UUID(int=rnd.getrandbits(128))),
                    "name": f"{naam} import {i}",
                    "description": tekst,
                    "status": "active",
                    "schedules": [
                        {
                            "id": str(uuid.UUID(int=rnd.getrandbits(128))),
                            "freq": "WEEKLY",
                            "byday": "TU",
                            "opens_at": "10:00:00",
                            "closes_at": "12:00:00",
                        }
                    ],
                }
                f.write(("," if i else "") + json.dumps(obj))
            f.write("]")
        t = time.perf_counter()
        res = importeren(pad)
        duur = time.perf_counter() - t
        assert res.aantallen["service"] == n
    return duur


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--diensten", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--import-diensten", type=int, default=None)
    parser.add_argument("--geen-ndjson", action="store_true")
    parser.add_argument("--oud-runs", type=int, default=10, help="runs of the old SQL form")
    parser.add_argument("--pagina-runs", type=int, default=10, help="runs of the HTML page")
    parser.add_argument(
        "--ndjson", default=None, help="two sizes to stream, e.g. 2000,20000 (default N/10,N)"
    )
    parser.add_argument("--vacuum", action="store_true", help="VACUUM ANALYZE after filling")
    args = parser.parse_args()
    global VACUUM
    VACUUM = args.vacuum
    if connection.vendor != "postgresql":
        sys.exit("Draai dit met DATABASE_URL=postgres://… (PostgreSQL).")
    rnd = random.Random(2026)
    setup_test_environment()
    oude_naam = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        t = time.perf_counter()
        buurten = vullen(args.diensten, rnd)
        print(f"vullen: {args.diensten} diensten in {time.perf_counter() - t:.1f} s")
        zoeken(argparse.Namespace(runs=20), buurten, rnd)  # warm up (caches, plans)
        api, raw, vloer = zoeken(args, buurten, rnd)
        print(f"zoeken API  p50 {p(api, 0.5):.1f} ms  p95 {p(api, 0.95):.1f} ms")
        print(f"zoeken raw  p50 {p(raw, 0.5):.1f} ms  p95 {p(raw, 0.95):.1f} ms")
        print(
            f"lege view   p50 {p(vloer, 0.5):.1f} ms  p95 {p(vloer, 0.95):.1f} ms (GET /api/hsds/)"
        )
        print(f"verhouding p95 {p(api, 0.95) / p(raw, 0.95):.2f}×")
        netto = (p(api, 0.95) - p(vloer, 0.95)) / p(raw, 0.95)
        print(f"verhouding p95 (API − lege view) / raw {netto:.2f}×")
        landelijk(20, rnd)  # warm up
        api, raw, oud, pagina, treffers = landelijk(
            args.runs, rnd, oud_runs=args.oud_runs, pagina_runs=args.pagina_runs
        )
        print(f"landelijk treffers per woord: {treffers}")
        print(f"landelijk API  p50 {p(api, 0.5):.1f} ms  p95 {p(api, 0.95):.1f} ms")
        print(
            f"landelijk raw  p50 {p(raw, 0.5):.1f} ms  p95 {p(raw, 0.95):.1f} ms (pagina + COUNT)"
        )
        print(f"landelijk verhouding p95 {p(api, 0.95) / p(raw, 0.95):.2f}×")
        if oud:
            print(
                f"landelijk raw, oude vorm ({len(oud)}×) p50 {p(oud, 0.5):.1f} ms"
                f"  p95 {p(oud, 0.95):.1f} ms"
            )
        if pagina:
            print(
                f"landelijk zoekpagina /sociale-kaart?q= ({len(pagina)}×)"
                f" p50 {p(pagina, 0.5):.1f} ms  p95 {p(pagina, 0.95):.1f} ms"
            )
        if args.geen_ndjson:
            return
        if args.ndjson:
            a, b = (int(x) for x in args.ndjson.split(","))
        else:
            a, b = args.diensten // 10, None
        klein = ndjson_piek(a)
        groot = ndjson_piek(b)
        print(f"ndjson {klein[1]} regels: piek {klein[0]:.1f} MB in {klein[2]:.1f} s")
        print(f"ndjson {groot[1]} regels: piek {groot[0]:.1f} MB in {groot[2]:.1f} s")
        n_imp = args.import_diensten or args.diensten
        duur = importeren_tijd(n_imp, rnd)
        print(f"import: {n_imp} diensten in {duur:.1f} s")
    finally:
        connection.creation.destroy_test_db(oude_naam, verbosity=0)


if __name__ == "__main__":
    main()
