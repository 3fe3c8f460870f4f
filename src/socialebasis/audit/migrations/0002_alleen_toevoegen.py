"""On PostgreSQL the database itself refuses UPDATE, DELETE and TRUNCATE of the audit log.

Only a session that sets `socialebasis.logboek_onderhoud = 'aan'` may remove rows: that is for
the retention clean-up (and for the test suite's flush between tests). Production should also
run the application as a role without UPDATE/DELETE/TRUNCATE privileges on this table
(docs/adr/0004-logboek-dataverwerkingen.md).
"""

from django.db import migrations

SQL = """
CREATE OR REPLACE FUNCTION audit_verwerking_alleen_toevoegen() RETURNS trigger AS $$
BEGIN
  IF coalesce(current_setting('socialebasis.logboek_onderhoud', true), '') = 'aan' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'Het logboek dataverwerkingen is alleen-toevoegen (%% geweigerd)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_verwerking_geen_wijziging
  BEFORE UPDATE OR DELETE ON audit_verwerking
  FOR EACH ROW EXECUTE FUNCTION audit_verwerking_alleen_toevoegen();
CREATE TRIGGER audit_verwerking_geen_truncate
  BEFORE TRUNCATE ON audit_verwerking
  FOR EACH STATEMENT EXECUTE FUNCTION audit_verwerking_alleen_toevoegen();
"""
REVERSE = """
DROP TRIGGER IF EXISTS audit_verwerking_geen_truncate ON audit_verwerking;
DROP TRIGGER IF EXISTS audit_verwerking_geen_wijziging ON audit_verwerking;
DROP FUNCTION IF EXISTS audit_verwerking_alleen_toevoegen();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SQL)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REVERSE)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
