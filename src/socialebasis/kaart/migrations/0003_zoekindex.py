"""PostgreSQL only: a GIN index on the full-text expression used by services.zoekvector().

On SQLite there is no index (the search falls back to substring matching, see services.py).
"""

from django.db import migrations

NAAM = "kaart_dienst_zoek_gin"


def _index():
    from django.contrib.postgres.indexes import GinIndex

    from socialebasis.kaart.services import zoekvector

    return GinIndex(zoekvector(), name=NAAM)


def maken(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.add_index(apps.get_model("kaart", "Dienst"), _index())


def weg(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.remove_index(apps.get_model("kaart", "Dienst"), _index())


class Migration(migrations.Migration):
    dependencies = [("kaart", "0002_taxonomie")]

    operations = [migrations.RunPython(maken, weg)]
