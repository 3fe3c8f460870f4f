"""`socialebasis gebieden_laden GM0344 [GM0363 ...] [--jaar 2023 --jaar 2024] [--bronmap PAD]`."""

from django.core.management.base import BaseCommand, CommandError

from socialebasis.gebieden import services
from socialebasis.gebieden.cbs import GebiedenFout


class Command(BaseCommand):
    help = (
        "Laad een of meer gemeenten met hun wijken, buurten en CBS-kerncijfers "
        "(Bron: CBS, PDOK). Opnieuw laden verandert niets wat al klopt."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "gemeenten",
            nargs="+",
            metavar="GMxxxx",
            help="CBS-code van de gemeente, bijvoorbeeld GM0344 (Utrecht).",
        )
        parser.add_argument(
            "--jaar",
            action="append",
            type=int,
            dest="jaren",
            metavar="JAAR",
            help="Alleen kerncijfers van dit jaar (mag vaker). Standaard: alle jaren.",
        )
        parser.add_argument(
            "--bronmap",
            default=None,
            help="Map met de TopoJSON- en kwb-bestanden (standaard: meegeleverd).",
        )

    def handle(self, *args, gemeenten, jaren, bronmap, **options):
        for code in gemeenten:
            try:
                resultaat = services.laden(code, jaren=jaren, bronmap=bronmap)
            except GebiedenFout as e:
                raise CommandError(f"{code}: niet geladen. {e}") from e
            self.stdout.write(self.style.SUCCESS(str(resultaat)))
