"""Benchmark: the cost of privacy in the person list — API with access rules and audit rows vs.
the bare query + serialisation of the same page, measured in the same run.

Run: .venv/bin/python bench/personen_api.py [--personen 5000] [--runs 200]
     DATABASE_URL=postgres://postgres@127.0.0.1:5432/sb_bench .venv/bin/python bench/personen_api.py

A throw-away test database is created and dropped. Prints p50/p95 in ms for:
- api: GET /api/v1/personen?pageSize=50 as a professional (rules, 50 audit rows, JSON);
- reference: the same 50 rows queried and serialised without access rules or audit;
- audit only: writing 50 audit rows (vastleggen_lijst) in a transaction.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialebasis.settings")
os.environ.setdefault("SB_ENVIRONMENT", "test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def p(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--personen", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    setup_test_environment()
    oude_naam = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        from rest_framework.test import APIClient

        from socialebasis.accounts.models import Rol, Team, User
        from socialebasis.audit import services as audit
        from socialebasis.gebieden.models import Gebied
        from socialebasis.personen.api import PersoonSerializer
        from socialebasis.personen.models import Persoon

        gm = Gebied.objects.create(code="GM0344", naam="Utrecht", niveau="gemeente")
        team = Team.objects.create(naam="Buurtteam", gemeente=gm)
        prof = User.objects.create_user(
            "p@example.org", "x", naam="P", rol=Rol.PROFESSIONAL, gemeente=gm
        )
        prof.teams.add(team)
        Persoon.objects.bulk_create(
            [
                Persoon(gemeente=gm, voornaam=f"V{i}", achternaam="A", team=team)
                for i in range(args.personen)
            ],
            batch_size=1000,
        )
        client = APIClient()
        client.force_authenticate(prof)
        api, ref, log = [], [], []
        for _ in range(args.runs):
            t = time.perf_counter()
            r = client.get("/api/v1/personen", {"pageSize": 50})
            api.append(time.perf_counter() - t)
            assert r.status_code == 200 and len(r.json()["results"]) == 50

            t = time.perf_counter()
            rows = list(
                Persoon.objects.select_related("gemeente", "buurt", "team").order_by(
                    "achternaam", "voornaam", "id"
                )[:50]
            )
            PersoonSerializer(rows, many=True).data  # noqa: B018
            ref.append(time.perf_counter() - t)

            t = time.perf_counter()
            with transaction.atomic():
                audit.vastleggen_lijst(
                    handeling="bench", activiteit="ondersteuning-inwoner", actor=prof, objecten=rows
                )
            log.append(time.perf_counter() - t)
        print(f"database: {connection.vendor}, {args.personen} personen, {args.runs} runs")
        print(f"api        p50 {p(api, 0.5):7.2f} ms   p95 {p(api, 0.95):7.2f} ms")
        print(f"reference  p50 {p(ref, 0.5):7.2f} ms   p95 {p(ref, 0.95):7.2f} ms")
        print(f"audit only p50 {p(log, 0.5):7.2f} ms   p95 {p(log, 0.95):7.2f} ms")
        print(f"ratio api/reference (p50): {statistics.median(api) / statistics.median(ref):.1f}x")
    finally:
        connection.creation.destroy_test_db(oude_naam, verbosity=0)


if __name__ == "__main__":
    main()
