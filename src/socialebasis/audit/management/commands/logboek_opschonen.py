from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from socialebasis.audit import services


class Command(BaseCommand):
    help = (
        "Verwijdert regels uit het logboek dataverwerkingen die ouder zijn dan de bewaartermijn "
        "(SB_LOGBOEK_BEWAARTERMIJN_MAANDEN). Draai dit bijvoorbeeld elke nacht."
    )

    def add_arguments(self, parser):
        parser.add_argument("--maanden", type=int, default=settings.LOGBOEK_BEWAARTERMIJN_MAANDEN)

    def handle(self, *args, maanden, **options):
        if maanden < 1:
            raise CommandError("De bewaartermijn moet minstens 1 maand zijn.")
        grens = timezone.now() - timedelta(days=round(maanden * 365.25 / 12))
        aantal = services.opschonen(ouder_dan=grens)
        self.stdout.write(f"{aantal} regels ouder dan {grens:%d-%m-%Y} verwijderd.")
