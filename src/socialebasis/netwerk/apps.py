from django.apps import AppConfig


class NetwerkConfig(AppConfig):
    name = "socialebasis.netwerk"
    label = "netwerk"
    verbose_name = "Persoonlijk netwerk"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from socialebasis.audit.activiteiten import REGISTER, Activiteit
        from socialebasis.netwerk.toegang import registreren

        registreren()

        from socialebasis.netwerk.eigen_gegevens import netwerk
        from socialebasis.personen import eigen_gegevens

        eigen_gegevens.registreer("netwerk", netwerk)
        REGISTER.setdefault(
            "inrichting-netwerk",
            Activiteit(
                "inrichting-netwerk",
                _("Instellingen voor vragenlijsten van de gemeente"),
                _(
                    "Vastleggen welke grenzen de gemeente gebruikt bij het scoren van "
                    "vragenlijsten."
                ),
                _("Verantwoordingsplicht (AVG art. 5.2)"),
            ),
        )
