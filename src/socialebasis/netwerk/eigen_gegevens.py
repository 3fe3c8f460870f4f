"""The resident's network, questionnaires and plan in their own data download."""

from socialebasis.personen.eigen_gegevens import rij

LID = [
    "naam",
    "groep",
    "ring",
    "contact",
    "afstand",
    "steun_aan",
    "steun_van",
    "mantelzorger",
    "uren_per_week",
    "notitie",
]


def netwerk(persoon) -> dict:
    from socialebasis.netwerk.models import Netwerklid, Netwerkplan, Vragenlijst

    plan = Netwerkplan.objects.filter(persoon=persoon).first()
    return {
        "leden": [rij(lid, LID) for lid in Netwerklid.objects.filter(persoon=persoon)],
        "vragenlijsten": [
            rij(
                v,
                [
                    "instrument",
                    "datum",
                    "wijze",
                    "antwoorden",
                    "totaal",
                    "subschalen",
                    "categorie_label",
                ],
            )
            for v in Vragenlijst.objects.filter(persoon=persoon).order_by("datum", "id")
        ],
        "plan": None
        if plan is None
        else {
            "doelen": [rij(d, ["tekst"]) for d in plan.doelen.all()],
            "acties": [
                {
                    **rij(a, ["omschrijving", "eigenaar", "uiterlijk", "status"]),
                    "wie": a.eigenaar_naam or None,
                }
                for a in plan.acties.all()
            ],
            "netwerkberaden": [
                rij(b, ["datum", "afspraken", "verslag"]) for b in plan.beraden.all()
            ],
            "evaluaties": [rij(e, ["datum", "verslag"]) for e in plan.evaluaties.all()],
        },
    }
