from django.db import migrations


def zaaien(apps, schema_editor):
    from socialebasis.kaart.taxonomie import zaaien as z

    z(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("kaart", "0001_initial")]

    operations = [migrations.RunPython(zaaien, migrations.RunPython.noop)]
