"""PostgreSQL only: two search columns on kaart_dienst, so that a search without an area filter
(nationwide) is one BitmapOr over two GIN indexes instead of a full table scan.

- `zoekvector`: the 'dutch' tsvector of name (A) and description (B) as a *stored generated*
  column (the exact expression of migration 0003 / services.zoekvector). The search filters and
  ranks on the stored value; before, PostgreSQL parsed and stemmed the text of every hit again
  for the recheck and for ts_rank. Its GIN index replaces 0003's expression index.
- `term_ids`: the ids of the service's categories (uuid[], sorted), with a GIN index for `&&`.
  Three statement-level triggers on kaart_dienst_termen keep it in step with every write of the
  categories — `Dienst.termen.set/add/remove`, bulk_create, COPY in the bulk import, deletes —
  so no write path has to remember it (like the FTS5 triggers of 0005 on SQLite). The bulk
  import also fills it in its COPY of new services, only to save the triggers' UPDATE.

Neither column is a Django model field (SQLite has no tsvector or array; there the FTS5 index of
0005 and the category EXISTS stay in use): model saves never name them. `term_ids` may be NULL
(= no categories) because the bulk import updates rows through `CREATE TEMP TABLE … (LIKE
kaart_dienst)`, which would keep a NOT NULL but not the default.

On SQLite nothing happens; kaart_dienst is not rebuilt, so the FTS5 triggers stay.
"""

from django.db import migrations

VECTOR = (
    "setweight(to_tsvector('dutch'::regconfig, COALESCE(naam, '')), 'A') || "
    "setweight(to_tsvector('dutch'::regconfig, COALESCE(beschrijving, '')), 'B')"
)

MAKEN = [
    "ALTER TABLE kaart_dienst ADD COLUMN zoekvector tsvector"
    f" GENERATED ALWAYS AS ({VECTOR}) STORED",
    # fastupdate off (both indexes): no pending list. With it, right after a bulk import the
    # unsorted pending list made the planner fall back to a full scan (117 ms instead of 17 ms)
    # until autovacuum came by; without it writes measured only ~10 % slower.
    "CREATE INDEX kaart_dienst_zoekvector_gin ON kaart_dienst USING gin (zoekvector)"
    " WITH (fastupdate = off)",
    "DROP INDEX IF EXISTS kaart_dienst_zoek_gin",
    "ALTER TABLE kaart_dienst ADD COLUMN term_ids uuid[] DEFAULT '{}'",
    "CREATE INDEX kaart_dienst_term_ids_gin ON kaart_dienst USING gin (term_ids)"
    " WITH (fastupdate = off)",
    # No parallel scans of kaart_dienst: otherwise, for a common word (10 % of all services),
    # PostgreSQL picks a parallel full scan that tests every row (measured 80 ms against 63 ms
    # for the BitmapOr plan, more CPU in total on a busy server).
    "ALTER TABLE kaart_dienst SET (parallel_workers = 0)",
]

# One function per event: a trigger with transition tables serves one event only, and plpgsql
# needs every table it names to exist. INSERT has only new rows, DELETE only old ones.
# Only rows whose array really changes are updated: the bulk import writes term_ids of new
# services in its COPY already (hsds_bulk), so its COPY of the links updates nothing — an UPDATE
# of 100,000 just-inserted rows cost the import ~20 s (new row versions, every index, foreign-key
# checks at commit).
FUNCTIE = """
CREATE FUNCTION kaart_dienst_term_ids_{naam}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE kaart_dienst d SET term_ids = n.ids
    FROM (
        SELECT v.dienst_id, ARRAY(
            SELECT t.term_id FROM kaart_dienst_termen t
            WHERE t.dienst_id = v.dienst_id ORDER BY t.term_id) AS ids
        FROM ({ids}) v
    ) n
    WHERE d.id = n.dienst_id AND d.term_ids IS DISTINCT FROM n.ids;
    RETURN NULL;
END
$$
"""
TRIGGER = (
    "CREATE TRIGGER kaart_dienst_term_ids_{naam} AFTER {event} ON kaart_dienst_termen"
    " REFERENCING {tabellen} FOR EACH STATEMENT EXECUTE FUNCTION kaart_dienst_term_ids_{naam}()"
)
EVENTS = [
    ("ins", "INSERT", "NEW TABLE AS nieuw", "SELECT DISTINCT dienst_id FROM nieuw"),
    ("del", "DELETE", "OLD TABLE AS oud", "SELECT DISTINCT dienst_id FROM oud"),
    (
        "upd",
        "UPDATE",
        "OLD TABLE AS oud NEW TABLE AS nieuw",
        "SELECT dienst_id FROM oud UNION SELECT dienst_id FROM nieuw",
    ),
]
for _naam, _event, _tabellen, _ids in EVENTS:
    MAKEN.append(FUNCTIE.format(naam=_naam, ids=_ids))
    MAKEN.append(TRIGGER.format(naam=_naam, event=_event, tabellen=_tabellen))
# Last: the UPDATE leaves deferred foreign-key checks pending, after which PostgreSQL refuses
# DDL on kaart_dienst in this transaction.
MAKEN.append(
    "UPDATE kaart_dienst d SET term_ids = ARRAY("
    " SELECT t.term_id FROM kaart_dienst_termen t WHERE t.dienst_id = d.id ORDER BY t.term_id)"
    " WHERE EXISTS (SELECT 1 FROM kaart_dienst_termen t WHERE t.dienst_id = d.id)"
)

WEG = [
    "ALTER TABLE kaart_dienst RESET (parallel_workers)",
    *(
        f"DROP TRIGGER IF EXISTS kaart_dienst_term_ids_{n} ON kaart_dienst_termen"
        for n, *_ in EVENTS
    ),
    *(f"DROP FUNCTION IF EXISTS kaart_dienst_term_ids_{n}()" for n, *_ in EVENTS),
    "ALTER TABLE kaart_dienst DROP COLUMN IF EXISTS term_ids",
    f"CREATE INDEX IF NOT EXISTS kaart_dienst_zoek_gin ON kaart_dienst USING gin (({VECTOR}))",
    "ALTER TABLE kaart_dienst DROP COLUMN IF EXISTS zoekvector",
]


def maken(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in MAKEN:
        schema_editor.execute(sql)


def weg(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in WEG:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("kaart", "0006_zoekwoord_per_gemeente")]

    operations = [migrations.RunPython(maken, weg)]
