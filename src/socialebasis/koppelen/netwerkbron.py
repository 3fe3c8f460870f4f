"""Volunteers matched to a resident appear on the resident's netwerkkaart (netwerk.bronnen).

Only running matches (active or evaluated) count; the volunteer is shown by first name and the
kind of help, with the support type that kind of help gives. The netwerk views call this only
after checking that the user may see the resident.
"""

from socialebasis.koppelen.models import Koppeling, KoppelingStatus, Soort
from socialebasis.netwerk import ecogram

STEUN = {
    Soort.MAALTIJDEN: "P",
    Soort.GEZELSCHAP: "G",
    Soort.VERVOER: "P",
    Soort.BOODSCHAPPEN: "P",
    Soort.KLUSSEN: "P",
    Soort.TAALMAATJE: "A",
    Soort.ADMINISTRATIE: "PA",
    Soort.WANDELEN: "G",
    Soort.OPVOEDSTEUN: "AE",
}


def vrijwilligers(persoon):
    koppelingen = Koppeling.objects.filter(
        hulpvraag__persoon=persoon,
        status__in=[KoppelingStatus.ACTIEF, KoppelingStatus.GEEVALUEERD],
    ).select_related("aanbod__vrijwilliger__persoon")
    for k in koppelingen:
        soort = k.aanbod.soort
        yield ecogram.Netwerklid(
            id=f"koppelen:{k.pk}",
            naam=f"{k.aanbod.vrijwilliger.persoon.voornaam} ({Soort(soort).label.lower()})",
            groep="vrijwilligers",
            ring=2,
            contact="wekelijks",
            steun_aan_bewoner=frozenset(STEUN.get(soort, "P")),
            laag="vrijwilliger",
        )
