"""Migration 0002 keeps the consent of volunteers who signed up before it: their
`toestemming_op` becomes a personen.Toestemming (bron 'aanmeldformulier'), and back."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

VOOR = [("koppelen", "0001_initial"), ("personen", "0002_toestemming_bron")]
NA = [("koppelen", "0002_afgewezen_voorstellen_en_aanmeldpogingen")]


def _migreer(doel):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(doel)
    return executor.loader.project_state(doel).apps


@pytest.mark.django_db(transaction=True)
def test_toestemming_op_wordt_een_toestemming_en_terug():
    apps = _migreer(VOOR)
    Gebied = apps.get_model("gebieden", "Gebied")
    Persoon = apps.get_model("personen", "Persoon")
    Vrijwilliger = apps.get_model("koppelen", "Vrijwilliger")
    gemeente = Gebied.objects.create(code="GM0344", naam="Utrecht", niveau="gemeente")
    moment = datetime.datetime(2026, 3, 4, 10, 0, tzinfo=datetime.UTC)
    met = Persoon.objects.create(gemeente=gemeente, voornaam="Sanne")
    zonder = Persoon.objects.create(gemeente=gemeente, voornaam="Piet")
    Vrijwilliger.objects.create(persoon=met, gemeente=gemeente, toestemming_op=moment)
    Vrijwilliger.objects.create(persoon=zonder, gemeente=gemeente)

    apps = _migreer(NA)
    Toestemming = apps.get_model("personen", "Toestemming")
    [t] = Toestemming.objects.all()
    assert (t.persoon_id, t.doel, t.bron, t.vastgelegd_door_id) == (
        met.pk,
        "koppelen",
        "aanmeldformulier",
        None,
    )
    assert t.gegeven_op == datetime.date(2026, 3, 4) and t.ingetrokken_op is None

    apps = _migreer(VOOR)
    Vrijwilliger = apps.get_model("koppelen", "Vrijwilliger")
    assert Vrijwilliger.objects.get(persoon_id=met.pk).toestemming_op.date() == moment.date()
    assert Vrijwilliger.objects.get(persoon_id=zonder.pk).toestemming_op is None
    assert not apps.get_model("personen", "Toestemming").objects.exists()
    _migreer(_laatste())


def _laatste():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
