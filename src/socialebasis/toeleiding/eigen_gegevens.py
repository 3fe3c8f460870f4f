"""The services from the sociale kaart a resident uses, in their own data download."""

from socialebasis.personen.eigen_gegevens import rij


def voorzieningen(persoon) -> list[dict]:
    from socialebasis.toeleiding.models import Voorzieninggebruik

    return [
        {"voorziening": g.dienst.naam, **rij(g, ["status", "sinds", "tot", "notitie"])}
        for g in Voorzieninggebruik.objects.filter(persoon=persoon).select_related("dienst")
    ]
