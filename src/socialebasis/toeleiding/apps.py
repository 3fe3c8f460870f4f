from django.apps import AppConfig


class ToeleidingConfig(AppConfig):
    name = "socialebasis.toeleiding"
    label = "toeleiding"
    verbose_name = "Toeleiding en verwijzing"

    def ready(self):
        from socialebasis.netwerk import bronnen
        from socialebasis.toeleiding.netwerkbron import voorzieningen
        from socialebasis.toeleiding.toegang import registreren

        registreren()
        bronnen.registreer(voorzieningen)

        from socialebasis.personen import eigen_gegevens
        from socialebasis.toeleiding.eigen_gegevens import voorzieningen as gebruik

        eigen_gegevens.registreer("voorzieningen", gebruik)
