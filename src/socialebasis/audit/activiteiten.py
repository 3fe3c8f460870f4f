"""Register of processing activities (AVG art. 30). Every audit row names one of these."""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Activiteit:
    sleutel: str
    naam: str
    doel: str
    grondslag: str

    @property
    def uri(self) -> str:
        base = getattr(settings, "VERWERKINGSREGISTER_URL", "/verwerkingsactiviteiten")
        return f"{base.rstrip('/')}#{self.sleutel}"


REGISTER: dict[str, Activiteit] = {
    a.sleutel: a
    for a in [
        Activiteit(
            "ondersteuning-inwoner",
            "Ondersteuning van een inwoner in het sociaal domein",
            "Een inwoner helpen met een vraag, zo dicht mogelijk bij huis.",
            "Wmo 2015 art. 2.3.2 (onderzoek), Jeugdwet; taak van algemeen belang (AVG art. 6.1e)",
        ),
        Activiteit(
            "koppelen-vrijwilligers",
            "Inwoners en vrijwilligers aan elkaar koppelen",
            "Een vrijwilliger vinden die past bij de hulpvraag van een inwoner.",
            "Toestemming van de inwoner (AVG art. 6.1a)",
        ),
        Activiteit(
            "eigen-gegevens",
            "Inzage en beheer van eigen gegevens",
            "Een inwoner ziet en verbetert de eigen gegevens.",
            "Rechten van de betrokkene (AVG art. 15 en 16)",
        ),
        Activiteit(
            "gebruikersbeheer",
            "Beheer van gebruikers en rollen",
            "Bepalen wie welke gegevens mag zien en wijzigen.",
            "Beveiliging van de verwerking (AVG art. 32)",
        ),
        Activiteit(
            "toezicht-logboek",
            "Controle van het logboek dataverwerkingen",
            "Nagaan of persoonsgegevens alleen voor het juiste doel zijn gebruikt.",
            "Verantwoordingsplicht (AVG art. 5.2)",
        ),
    ]
}


def get(sleutel: str) -> Activiteit:
    try:
        return REGISTER[sleutel]
    except KeyError:
        raise ValueError(f"Onbekende verwerkingsactiviteit {sleutel!r}.") from None
