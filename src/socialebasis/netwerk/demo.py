"""Demo data for the persoonlijk netwerk: varied networks, questionnaire histories and plans.

Called by the demo loader (inside its transaction) after the 1,500 synthetic Utrecht residents
exist. Residents of the demo professional's teams get networks; the demo inwoner gets a
network, a plan and a DJG-11 history so the resident's own pages show something.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from socialebasis.accounts.models import Rol
from socialebasis.netwerk.instrumenten import INSTRUMENTEN, score
from socialebasis.netwerk.models import (
    Evaluatie,
    Momentopname,
    Netwerkberaad,
    Netwerklid,
    Netwerkplan,
    Planactie,
    Plandoel,
    Vragenlijst,
)

AANTAL = 12  # residents of the professional's teams with a network

GROEPEN = [
    ("huishouden", 1, ["partner", "zoon", "dochter"]),
    ("familie", 2, ["zus", "broer", "nicht", "tante"]),
    ("vrienden", 2, ["vriendin", "vriend"]),
    ("buren", 3, ["buurvrouw", "buurman"]),
    ("kennissen", 3, ["iemand van de koffieochtend", "oud-collega", "iemand van de kerk"]),
    ("vrijwilligers", 2, ["maatje", "thuiskok"]),
    ("professionals", 3, ["huisarts", "wijkverpleging", "sociaal werker"]),
]
DOELEN = [
    "Ik wil weer eens per week iets leuks doen met iemand.",
    "Ik wil niet alles aan mijn dochter hoeven te vragen.",
    "Ik wil zelf boodschappen kunnen doen, met een beetje hulp.",
    "Ik wil mensen in mijn buurt leren kennen.",
    "Ik wil dat mijn zus het wat rustiger krijgt.",
]
ACTIES = [
    ("Samen naar de koffieochtend in het buurthuis", "netwerklid"),
    ("Een maatje zoeken via de vrijwilligerscentrale", "professional"),
    ("Zelf de buurvrouw vragen of ze op dinsdag mee wil", "inwoner"),
    ("Boodschappen op zaterdag samen doen", "netwerklid"),
    ("Informatie over mantelzorgondersteuning sturen", "professional"),
    ("Elke week bellen met een vriendin", "inwoner"),
]


def _antwoorden(code: str, eenzaam: float, rng) -> list:
    """Answers that roughly match a level of loneliness (0 = none, 1 = very)."""
    instrument = INSTRUMENTEN[code]
    if code == "lsns6":
        return [max(0, min(5, round((1 - eenzaam) * 4 + rng.uniform(-1, 1)))) for _ in range(6)]
    if code == "ediz":
        return [rng.choice(["ja", "ja!", "min of meer"]) if rng.random() < eenzaam else
                rng.choice(["nee", "nee!"]) for _ in instrument.vragen]  # fmt: skip
    uit = []
    for vraag in instrument.vragen:
        eenzaam_antwoord = "nee" if vraag.positief else "ja"
        niet = "ja" if vraag.positief else "nee"
        r = rng.random()
        uit.append(
            eenzaam_antwoord if r < eenzaam * 0.8 else "min of meer" if r < eenzaam else niet
        )
    return uit


def _vragenlijst(persoon, code, antwoorden, datum, door, wijze) -> Vragenlijst:
    r = score(code, antwoorden)
    return Vragenlijst(
        persoon=persoon,
        instrument=code,
        antwoorden=list(r.answers),
        totaal=r.total,
        subschalen=r.subscales,
        subschaal_categorieen=r.subscale_categories,
        categorie=r.category or "",
        categorie_label=r.category_label or "",
        instellingen={
            "djg11_subscale_threshold": 2,
            "lsns6_subscale_threshold": None,
            "ediz_signal_threshold": None,
        },  # fmt: skip
        datum=datum,
        wijze=wijze,
        ingevuld_door=door,
    )


def _netwerk(persoon, rng, fake, grootte: int) -> list[Netwerklid]:
    leden = []
    for i in range(grootte):
        groep, ring, rollen = GROEPEN[rng.randrange(len(GROEPEN))] if i else GROEPEN[1]
        rol = rng.choice(rollen)
        naam = fake.first_name() if groep not in ("professionals",) else rol.capitalize()
        if groep in ("familie", "huishouden", "buren", "vrijwilligers"):
            naam = f"{naam} ({rol})"
        steun = "".join(c for c in "PGAE" if rng.random() < 0.35)
        mz = groep in ("huishouden", "familie") and rng.random() < 0.3
        leden.append(
            Netwerklid(
                persoon=persoon,
                naam=naam[:80],
                groep=groep,
                ring=max(1, min(3, ring + rng.choice([-1, 0, 0, 1]))),
                contact=rng.choice(["dagelijks", "wekelijks", "maandelijks", "minder", ""]),
                afstand=rng.choice(["zelfde_buurt", "zelfde_plaats", "verder", ""]),
                steun_aan=steun,
                steun_van="".join(c for c in "GE" if rng.random() < 0.25),
                mantelzorger=mz,
                uren_per_week=rng.choice([4, 8, 12, 20]) if mz else None,
            )
        )
    return leden


def _plan(persoon, leden, rng, vandaag, pro) -> None:
    plan = Netwerkplan.objects.create(persoon=persoon)
    doelen = [
        Plandoel.objects.create(plan=plan, tekst=t, volgorde=i)
        for i, t in enumerate(rng.sample(DOELEN, rng.randint(1, 3)), start=1)
    ]
    for omschrijving, eigenaar in rng.sample(ACTIES, rng.randint(2, 4)):
        lid = rng.choice(leden) if eigenaar == "netwerklid" and leden else None
        Planactie.objects.create(
            plan=plan,
            doel=rng.choice(doelen),
            omschrijving=omschrijving,
            eigenaar=eigenaar if (eigenaar != "netwerklid" or lid) else "inwoner",
            netwerklid=lid,
            eigenaar_naam=pro.naam if eigenaar == "professional" else "",
            uiterlijk=vandaag + datetime.timedelta(days=rng.randint(-10, 60)),
            status=rng.choice(["open", "bezig", "bezig", "klaar"]),
        )
    naasten = [lid for lid in leden if lid.groep != "professionals"] or leden
    gekomen = rng.sample(naasten, min(len(naasten), rng.randint(2, 4)))
    Netwerkberaad.objects.create(
        plan=plan,
        datum=vandaag - datetime.timedelta(days=rng.randint(14, 40)),
        afspraken=[
            {"naam": persoon.voornaam, "doet": "vertelt wat er speelt en wat ik zelf wil"},
            *[
                {
                    "naam": lid.naam,
                    "doet": rng.choice(
                        [
                            "komt elke week op bezoek",
                            "helpt met de boodschappen",
                            "belt op zondag",
                            "gaat mee naar de koffieochtend",
                            "denkt mee over geldzaken",
                        ]
                    ),
                }
                for lid in gekomen
            ],
        ],  # fmt: skip
        verslag="We hebben besproken wat goed gaat en wat lastig is.",
    )
    Evaluatie.objects.create(
        plan=plan, datum=vandaag + datetime.timedelta(days=rng.randint(20, 50))
    )


def laden(*, gemeente, personen, gebruikers, rng, fake, stdout=None) -> None:
    pro = gebruikers[Rol.PROFESSIONAL]
    inwoner = gebruikers[Rol.INWONER]
    teams = set(pro.teams.values_list("pk", flat=True))
    vandaag = timezone.localdate()
    eigen = next((p for p in personen if p.account_id == inwoner.pk), None)
    kandidaten = [p for p in personen if p.team_id in teams and p is not eigen]
    gekozen = kandidaten[:: max(1, len(kandidaten) // AANTAL)][:AANTAL]
    if eigen is not None:
        gekozen.insert(0, eigen)
    vragenlijsten: list[Vragenlijst] = []
    for n, persoon in enumerate(gekozen):
        is_eigen = persoon is eigen
        grootte = 7 if is_eigen else rng.randint(2, 14)
        leden = _netwerk(persoon, rng, fake, grootte)
        Netwerklid.objects.bulk_create(leden)
        leden = list(persoon.netwerkleden.all())
        # An earlier snapshot with fewer members, so "voor en na" shows a change.
        eerder = [lid.bevroren() for lid in leden[: max(1, len(leden) - rng.randint(1, 3))]]
        for d in eerder:
            d["ring"] = min(3, d["ring"] + (1 if rng.random() < 0.3 else 0))
        Momentopname.objects.create(
            persoon=persoon,
            datum=vandaag - datetime.timedelta(days=90),
            gemaakt_door=pro,
            toelichting="eerste gesprek",
            leden=eerder,
        )
        eenzaam = 0.8 if is_eigen else rng.uniform(0.2, 0.9)
        for k in range(4 if is_eigen else rng.randint(1, 3)):
            datum = vandaag - datetime.timedelta(days=120 - 40 * k)
            vragenlijsten.append(
                _vragenlijst(
                    persoon, "djg11", _antwoorden("djg11", eenzaam, rng), datum, pro, "samen"
                )  # fmt: skip
            )
            eenzaam = max(0.05, eenzaam - rng.uniform(0.05, 0.2))
        if n % 3 == 1:
            vragenlijsten.append(
                _vragenlijst(
                    persoon,
                    "lsns6",
                    _antwoorden("lsns6", eenzaam, rng),
                    vandaag - datetime.timedelta(days=30),
                    pro,
                    "samen",
                )  # fmt: skip
            )
        if any(lid.mantelzorger for lid in leden) and n % 2 == 0:
            vragenlijsten.append(
                _vragenlijst(
                    persoon,
                    "djg6",
                    _antwoorden("djg6", eenzaam, rng),
                    vandaag - datetime.timedelta(days=20),
                    pro,
                    "samen",
                )  # fmt: skip
            )
        if is_eigen or rng.random() < 0.7:
            _plan(persoon, leden, rng, vandaag, pro)
    if eigen is not None:
        vragenlijsten.append(
            _vragenlijst(
                eigen,
                "djg6",
                _antwoorden("djg6", 0.4, rng),
                vandaag - datetime.timedelta(days=5),
                inwoner,
                "zelf",
            )  # fmt: skip
        )
    Vragenlijst.objects.bulk_create(vragenlijsten)
    if stdout is not None:
        stdout.write(
            f"Persoonlijk netwerk: {len(gekozen)} netwerken, {len(vragenlijsten)} vragenlijsten.\n"
        )
