from django.core.management.base import BaseCommand, CommandError

from socialebasis.demo import services


class Command(BaseCommand):
    help = "Laadt de demogemeente Utrecht: echte CBS-gebieden en -cijfers, verzonnen inwoners."

    def add_arguments(self, parser):
        parser.add_argument("--aantal", type=int, default=1500, help="aantal demo-inwoners")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, aantal, seed, **options):
        if aantal < 1:
            raise CommandError("--aantal moet minstens 1 zijn.")
        uitkomst = services.laden(aantal=aantal, seed=seed, stdout=self.stdout)
        if uitkomst["nieuw"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo geladen: {uitkomst['personen']} inwoners, "
                    f"{uitkomst['teams']} buurtteams."
                )
            )
        self.stdout.write(
            f"\nDemo-accounts (wachtwoord voor allemaal: {services.DEMO_WACHTWOORD}):"
        )
        for acc in services.accounts():
            self.stdout.write(f"  {acc.rol.label:<18} {acc.email}")
