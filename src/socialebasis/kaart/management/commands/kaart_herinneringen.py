from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Zet de herinneringen voor niet-gecontroleerd aanbod in de wachtrij."

    def handle(self, *args, **opts):
        from socialebasis.kaart.herinneringen import herinneringen_versturen

        resultaat = herinneringen_versturen.enqueue()
        self.stdout.write(f"Herinneringen in de wachtrij gezet ({resultaat.id}).")
