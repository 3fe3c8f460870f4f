"""HSDS 3.0 import and export of the sociale kaart.

python -m socialebasis hsds import PATH [--skip-invalid] [--gemeente GM0344]
python -m socialebasis hsds export --format json|csv DIR
"""

from django.core.management.base import BaseCommand, CommandError

from socialebasis.gebieden.models import Gebied


class Command(BaseCommand):
    help = "Importeer of exporteer de sociale kaart als HSDS 3.0 (JSON of CSV-datapakket)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="opdracht", required=True)
        imp = sub.add_parser("import", help="HSDS JSON-bestand(en) of een CSV-datapakket inlezen")
        imp.add_argument("pad")
        imp.add_argument(
            "--skip-invalid", action="store_true", help="Schrijf de goede records en noem de foute."
        )
        imp.add_argument(
            "--tabel",
            action="store_true",
            help="Een eenvoudige spreadsheet (CSV) met de kolommen uit docs/sociale-kaart.md.",
        )
        imp.add_argument("--gemeente", help="CBS-code van de gemeente die het beheert (GM....)")
        exp = sub.add_parser("export", help="Alle gepubliceerde gegevens wegschrijven")
        exp.add_argument("--format", choices=["json", "csv"], default="json")
        exp.add_argument("map")

    def handle(self, *args, **opts):
        if opts["opdracht"] == "import":
            from socialebasis.kaart.hsds_import import ImportFout, importeren

            gemeente = None
            if opts.get("gemeente"):
                gemeente = Gebied.objects.filter(code=opts["gemeente"], niveau="gemeente").first()
                if gemeente is None:
                    raise CommandError(f"Gemeente {opts['gemeente']} bestaat niet.")
            try:
                res = importeren(
                    opts["pad"],
                    overslaan=opts["skip_invalid"],
                    gemeente=gemeente,
                    tabel=opts["tabel"],
                )
            except ImportFout as f:
                for regel in f.fouten:
                    self.stderr.write(regel)
                raise CommandError(
                    f"Niets ingelezen: {len(f.fouten)} fout(en). "
                    "Herstel ze, of gebruik --skip-invalid."
                ) from None
            for regel in res.fouten:
                self.stderr.write(f"Overgeslagen: {regel}")
            totaal = ", ".join(f"{n} {s}" for s, n in sorted(res.aantallen.items()))
            self.stdout.write(f"Ingelezen: {totaal or 'niets'}; overgeslagen: {res.overgeslagen}.")
        else:
            from socialebasis.kaart.hsds_uitvoer import exporteren

            aantallen = exporteren(opts["map"], opts["format"])
            totaal = ", ".join(f"{n} {s}" for s, n in sorted(aantallen.items()))
            self.stdout.write(f"Weggeschreven naar {opts['map']}: {totaal}.")
