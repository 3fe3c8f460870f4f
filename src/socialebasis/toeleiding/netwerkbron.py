"""Services a resident uses appear on the resident's netwerkkaart (netwerk.bronnen).

Only running records (referred or in use) count. A service is drawn in the outer ring with the
dotted outline of the ``dienst`` layer (the legend, the table's *Bron* column and the text say
"dienst van de sociale kaart", so the meaning never depends on colour). Services of the
institutional layer sit with the professionals; community services (buurthuis, koffieochtend,
club) with the acquaintances. A referral not yet taken up says "(verwezen)" after the name.
The netwerk views call this only after checking that the user may see the resident.
"""

from socialebasis.netwerk import ecogram
from socialebasis.toeleiding.models import GebruikStatus, Voorzieninggebruik

GROEP = {"institutioneel": "professionals", "gemeenschappelijk": "kennissen"}


def voorzieningen(persoon):
    rijen = (
        Voorzieninggebruik.objects.filter(persoon=persoon)
        .exclude(status=GebruikStatus.GESTOPT)
        .select_related("dienst")
        .order_by("dienst__naam", "id")
    )
    for g in rijen:
        naam = g.dienst.naam
        if g.status == GebruikStatus.VERWEZEN:
            naam = f"{naam} (verwezen)"
        yield ecogram.Netwerklid(
            id=f"toeleiding:{g.uuid}",
            naam=naam,
            groep=GROEP.get(g.dienst.laag, "professionals"),
            ring=3,
            laag="dienst",
        )
