"""SQLite only: an FTS5 full-text index on the name and description of a service.

On PostgreSQL nothing happens (migration 0003 put a GIN index on the 'dutch' tsvector).

`kaart_dienst_fts` is a standalone FTS5 table (tokenizer unicode61 with diacritics removed, so
"cafe" finds "café"). Its rowid comes from `kaart_dienst_zoekrij`, an ordinary table that maps
a stable integer to the service's UUID: kaart_dienst has a UUID primary key, and SQLite may
renumber the hidden rowid of such a table on VACUUM, so the index cannot point at that. Triggers
keep both tables in step with every insert, update and delete of kaart_dienst — also with
bulk_create, QuerySet.update and the bulk import — so no write path has to remember it.
"""

from django.db import migrations

MAKEN = [
    "CREATE TABLE kaart_dienst_zoekrij ("
    " rij INTEGER PRIMARY KEY,"
    " dienst_id char(32) NOT NULL UNIQUE)",
    "CREATE VIRTUAL TABLE kaart_dienst_fts USING fts5("
    " naam, beschrijving, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE TRIGGER kaart_dienst_fts_ins AFTER INSERT ON kaart_dienst BEGIN"
    " INSERT INTO kaart_dienst_zoekrij (dienst_id) VALUES (new.id);"
    " INSERT INTO kaart_dienst_fts (rowid, naam, beschrijving) VALUES"
    " ((SELECT rij FROM kaart_dienst_zoekrij WHERE dienst_id = new.id),"
    " new.naam, new.beschrijving);"
    " END",
    "CREATE TRIGGER kaart_dienst_fts_upd AFTER UPDATE OF naam, beschrijving ON kaart_dienst"
    " WHEN old.naam IS NOT new.naam OR old.beschrijving IS NOT new.beschrijving BEGIN"
    " UPDATE kaart_dienst_fts SET naam = new.naam, beschrijving = new.beschrijving"
    " WHERE rowid = (SELECT rij FROM kaart_dienst_zoekrij WHERE dienst_id = new.id);"
    " END",
    "CREATE TRIGGER kaart_dienst_fts_del AFTER DELETE ON kaart_dienst BEGIN"
    " DELETE FROM kaart_dienst_fts"
    " WHERE rowid = (SELECT rij FROM kaart_dienst_zoekrij WHERE dienst_id = old.id);"
    " DELETE FROM kaart_dienst_zoekrij WHERE dienst_id = old.id;"
    " END",
    "INSERT INTO kaart_dienst_zoekrij (dienst_id) SELECT id FROM kaart_dienst",
    "INSERT INTO kaart_dienst_fts (rowid, naam, beschrijving)"
    " SELECT z.rij, d.naam, d.beschrijving"
    " FROM kaart_dienst d JOIN kaart_dienst_zoekrij z ON z.dienst_id = d.id",
]
WEG = [
    "DROP TRIGGER IF EXISTS kaart_dienst_fts_ins",
    "DROP TRIGGER IF EXISTS kaart_dienst_fts_upd",
    "DROP TRIGGER IF EXISTS kaart_dienst_fts_del",
    "DROP TABLE IF EXISTS kaart_dienst_fts",
    "DROP TABLE IF EXISTS kaart_dienst_zoekrij",
]


def maken(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as c:
        c.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
        heeft_fts5 = c.fetchone()[0]
    if not heeft_fts5:
        try:
            with schema_editor.connection.cursor() as c:
                c.execute("CREATE VIRTUAL TABLE temp._fts5_test USING fts5(x)")
                c.execute("DROP TABLE temp._fts5_test")
        except Exception as e:  # noqa: BLE001
            raise RuntimeError(
                "De SQLite van deze Python heeft geen FTS5 (volledige-tekstzoeken). Gebruik een "
                "Python met een gewone SQLite-build, of PostgreSQL (DATABASE_URL)."
            ) from e
    for sql in MAKEN:
        schema_editor.execute(sql)


def weg(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for sql in WEG:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("kaart", "0004_dienst_gebied")]

    operations = [migrations.RunPython(maken, weg)]
