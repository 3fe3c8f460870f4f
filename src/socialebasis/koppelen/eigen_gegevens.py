"""A resident's requests and matches, and their volunteer profile, in their own data download."""

from socialebasis.koppelen.services import HULPVRAAG_VELDEN
from socialebasis.personen.eigen_gegevens import rij

# what a request holds, plus where it stands
HULPVRAAG = [*sorted(HULPVRAAG_VELDEN), "status"]
KOPPELING = [
    "status",
    "afstand_m",
    "voorgesteld_op",
    "geaccepteerd_op",
    "kennismaking_op",
    "gestart_op",
    "geevalueerd_op",
    "beeindigd_op",
    "eind_reden",
]
AANBOD = [
    "soort",
    "capaciteit",
    "dagen",
    "tijden",
    "straal_m",
    "kan_bezorgen",
    "dieten",
    "talen",
    "actief",
]


def koppelen(persoon) -> dict:
    from socialebasis.koppelen.models import Hulpvraag, Vrijwilliger

    hulpvragen = []
    for vraag in Hulpvraag.objects.filter(persoon=persoon).prefetch_related("koppelingen"):
        hulpvragen.append(
            {
                **rij(vraag, HULPVRAAG),
                "koppelingen": [rij(k, KOPPELING) for k in vraag.koppelingen.all()],
            }
        )
    vrijwilliger = Vrijwilliger.objects.filter(persoon=persoon).first()
    return {
        "hulpvragen": hulpvragen,
        "alsVrijwilliger": None
        if vrijwilliger is None
        else {
            **rij(
                vrijwilliger,
                [
                    "status",
                    "vog_datum",
                    "talen",
                    "huisdieren_geen_bezwaar",
                    "motivatie",
                    "aangemeld_op",
                ],
            ),
            "aanbod": [rij(a, AANBOD) for a in vrijwilliger.aanbod.all()],
        },
    }
