"""Register of processing activities (AVG art. 30). Every audit row names one of these."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Activiteit:
    sleutel: str
    # Lazy translations: rendered in the language of the request, not at import time.
    naam: str | Promise
    doel: str | Promise
    grondslag: str | Promise

    @property
    def uri(self) -> str:
        base = getattr(settings, "VERWERKINGSREGISTER_URL", "/verwerkingsactiviteiten")
        return f"{base.rstrip('/')}#{self.sleutel}"


REGISTER: dict[str, Activiteit] = {
    a.sleutel: a
    for a in [
        Activiteit(
            "ondersteuning-inwoner",
            _("Ondersteuning van een inwoner in het sociaal domein"),
            _("Een inwoner helpen met een vraag, zo dicht mogelijk bij huis."),
            _(
                "Wmo 2015 art. 2.3.2 (onderzoek), Jeugdwet; "
                "taak van algemeen belang (AVG art. 6.1e)"
            ),
        ),
        Activiteit(
            "koppelen-vrijwilligers",
            _("Inwoners en vrijwilligers aan elkaar koppelen"),
            _("Een vrijwilliger vinden die past bij de hulpvraag van een inwoner."),
            _("Toestemming van de inwoner (AVG art. 6.1a)"),
        ),
        Activiteit(
            "eigen-gegevens",
            _("Inzage en beheer van eigen gegevens"),
            _("Een inwoner ziet en verbetert de eigen gegevens."),
            _("Rechten van de betrokkene (AVG art. 15 en 16)"),
        ),
        Activiteit(
            "gebruikersbeheer",
            _("Beheer van gebruikers en rollen"),
            _("Bepalen wie welke gegevens mag zien en wijzigen."),
            _("Beveiliging van de verwerking (AVG art. 32)"),
        ),
        Activiteit(
            "toezicht-logboek",
            _("Controle van het logboek dataverwerkingen"),
            _("Nagaan of persoonsgegevens alleen voor het juiste doel zijn gebruikt."),
            _("Verantwoordingsplicht (AVG art. 5.2)"),
        ),
    ]
}


def get(sleutel: str) -> Activiteit:
    try:
        return REGISTER[sleutel]
    except KeyError:
        raise ValueError(f"Onbekende verwerkingsactiviteit {sleutel!r}.") from None
