"""Settings come from the environment; production refuses unsafe defaults."""

import os
import subprocess
import sys

import pytest


def _django(args, **env):
    omgeving = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SB_", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"))
    }
    omgeving.update(env)
    return subprocess.run(
        [sys.executable, "-m", "socialebasis", *args],
        capture_output=True,
        text=True,
        env=omgeving,
        timeout=120,
    )


def test_productie_weigert_standaard_geheime_sleutel():
    r = _django(["check"], SB_ENVIRONMENT="production", SB_ALLOWED_HOSTS="sb.example.nl")
    assert r.returncode != 0
    assert "SB_SECRET_KEY ontbreekt" in r.stderr


def test_productie_weigert_lege_allowed_hosts():
    r = _django(["check"], SB_ENVIRONMENT="production", SB_SECRET_KEY="x" * 64)
    assert r.returncode != 0
    assert "SB_ALLOWED_HOSTS is leeg" in r.stderr


def test_onbekende_omgeving_geeft_duidelijke_fout():
    r = _django(["check"], SB_ENVIRONMENT="prod")
    assert r.returncode != 0 and "SB_ENVIRONMENT='prod' is onbekend" in r.stderr


def test_check_deploy_slaagt_met_productie_instellingen(tmp_path):
    r = _django(
        ["check", "--deploy", "--fail-level", "WARNING"],
        SB_ENVIRONMENT="production",
        SB_SECRET_KEY="k" * 20 + "S3cr3t-voor-de-test-" + "z" * 30,
        SB_ALLOWED_HOSTS="sociale-basis.gemeente.nl",
        SB_STATIC_ROOT=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
    )
    assert r.returncode == 0, r.stderr + r.stdout


@pytest.mark.parametrize("waarde", ["misschien", "2"])
def test_ongeldige_ja_nee_waarde(waarde):
    r = _django(["check"], SB_DEBUG=waarde)
    assert r.returncode != 0 and "SB_DEBUG" in r.stderr
