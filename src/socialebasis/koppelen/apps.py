from django.apps import AppConfig


class KoppelenConfig(AppConfig):
    name = "socialebasis.koppelen"
    label = "koppelen"
    verbose_name = "Koppelen"

    def ready(self):
        from socialebasis.koppelen.toegang import registreren

        registreren()

        from socialebasis.koppelen.netwerkbron import vrijwilligers
        from socialebasis.netwerk import bronnen

        bronnen.registreer(vrijwilligers)

        from socialebasis.koppelen.eigen_gegevens import koppelen
        from socialebasis.personen import eigen_gegevens

        eigen_gegevens.registreer("koppelen", koppelen)
