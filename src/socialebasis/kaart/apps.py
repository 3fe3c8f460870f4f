from django.apps import AppConfig


class KaartConfig(AppConfig):
    name = "socialebasis.kaart"
    label = "kaart"
    verbose_name = "Sociale kaart"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from socialebasis.audit.activiteiten import REGISTER, Activiteit
        from socialebasis.kaart.toegang import registreren

        registreren()
        REGISTER["sociale-kaart-beheer"] = Activiteit(
            "sociale-kaart-beheer",
            _("Beheer van de sociale kaart"),
            _(
                "Aanbieders en redacteuren houden het aanbod in de wijk actueel: invoeren, "
                "wijzigen, "
                "controleren en publiceren van activiteiten en diensten."
            ),
            _(
                "Taak van algemeen belang (Wmo 2015, art. 2.1.1 en 2.2.1: informatie over "
                "algemene voorzieningen)"
            ),
        )
