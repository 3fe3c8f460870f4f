"""Daily reminder for coördinatoren: evaluations due and matches without a recent check-in.

Run once a day (cron or a scheduler): `python -m socialebasis koppelen_herinneringen`.
The e-mail holds counts only; details are behind the login.
"""

from django.core.management.base import BaseCommand

from socialebasis.koppelen import services


class Command(BaseCommand):
    help = "Stuur coördinatoren een herinnering over evaluaties en contactmomenten."

    def handle(self, *args, **options):
        n = services.herinneringen_versturen()
        self.stdout.write(f"{n} herinnering(en) in de wachtrij gezet.")
