"""The Dutch taxonomy of the social base and the need thesaurus (seeded by migration 0002).

Ids are fixed (uuid5 on the code) so that exports and other installations agree on them.
"""

import uuid

NAMESPACE = uuid.UUID("6f1d3c2e-5b7a-4c1e-9a51-0c6e2b8d4f10")
TAXONOMIE_ID = uuid.uuid5(NAMESPACE, "taxonomie:sociale-basis")
TAXONOMIE_NAAM = "Sociale basis (NL)"

# code, naam, Engelse naam, beschrijving (B1)
TERMEN = [
    (
        "ontmoeting",
        "Ontmoeting",
        "Meeting people",
        "Andere mensen ontmoeten: inloop, koffie, samen iets doen.",
    ),
    (
        "eten",
        "Eten en maaltijden",
        "Food and meals",
        "Samen eten, koken of goedkoop een maaltijd krijgen.",
    ),
    (
        "bewegen",
        "Bewegen en sport",
        "Exercise and sport",
        "Wandelen, sporten en in beweging blijven.",
    ),
    (
        "leren-taal",
        "Leren en taal",
        "Learning and language",
        "Nederlands leren, lezen en schrijven, computerles en cursussen.",
    ),
    (
        "opvoeden",
        "Opvoeden en opgroeien",
        "Parenting and growing up",
        "Vragen over kinderen en jongeren, en activiteiten voor hen.",
    ),
    (
        "mantelzorg",
        "Mantelzorgondersteuning",
        "Support for carers",
        "Hulp en even rust voor wie zorgt voor een naaste.",
    ),
    ("vervoer", "Vervoer", "Transport", "Vervoer naar een afspraak of activiteit."),
    (
        "klussen",
        "Klussen en huishouden",
        "Odd jobs and housekeeping",
        "Hulp bij kleine klussen, in huis of in de tuin.",
    ),
    (
        "geldzaken",
        "Geldzaken en administratie",
        "Money and paperwork",
        "Hulp bij post, rekeningen, schulden en formulieren.",
    ),
    (
        "gezondheid",
        "Gezondheid en welzijn",
        "Health and wellbeing",
        "Gezond leven, je goed voelen en omgaan met zorgen.",
    ),
    (
        "informatie-advies",
        "Informatie en advies, cliëntondersteuning",
        "Information and advice, client support",
        "Waar kunt u terecht met een vraag? Gratis en onafhankelijk advies.",
    ),
    (
        "vrijwilligerswerk",
        "Vrijwilligerswerk",
        "Volunteering",
        "Zelf iets doen voor een ander of voor de buurt.",
    ),
]

# word or phrase a resident types → codes of terms
THESAURUS = {
    "eenzaam": ["ontmoeting"],
    "alleen": ["ontmoeting"],
    "ontmoeten": ["ontmoeting"],
    "mensen ontmoeten": ["ontmoeting"],
    "gezelligheid": ["ontmoeting"],
    "koffie": ["ontmoeting"],
    "praatje": ["ontmoeting"],
    "vrienden": ["ontmoeting"],
    "boodschappen": ["klussen", "vervoer"],
    "schulden": ["geldzaken"],
    "rekeningen": ["geldzaken"],
    "geld": ["geldzaken"],
    "post": ["geldzaken"],
    "formulieren": ["geldzaken", "informatie-advies"],
    "mijn kind": ["opvoeden"],
    "kinderen": ["opvoeden"],
    "opvoeden": ["opvoeden"],
    "opvoedvragen": ["opvoeden"],
    "puber": ["opvoeden"],
    "taal": ["leren-taal"],
    "taalles": ["leren-taal"],
    "nederlands leren": ["leren-taal"],
    "lezen": ["leren-taal"],
    "computer": ["leren-taal"],
    "koken": ["eten"],
    "eten": ["eten"],
    "maaltijd": ["eten"],
    "honger": ["eten"],
    "sporten": ["bewegen"],
    "sport": ["bewegen"],
    "wandelen": ["bewegen"],
    "bewegen": ["bewegen"],
    "mantelzorg": ["mantelzorg"],
    "zorgen voor": ["mantelzorg"],
    "overbelast": ["mantelzorg", "gezondheid"],
    "vervoer": ["vervoer"],
    "rijden": ["vervoer"],
    "klus": ["klussen"],
    "klussen": ["klussen"],
    "tuin": ["klussen"],
    "schoonmaken": ["klussen"],
    "somber": ["gezondheid", "ontmoeting"],
    "gezond": ["gezondheid"],
    "advies": ["informatie-advies"],
    "vraag": ["informatie-advies"],
    "wmo": ["informatie-advies"],
    "vrijwilliger": ["vrijwilligerswerk"],
    "helpen": ["vrijwilligerswerk"],
    "iets doen": ["vrijwilligerswerk", "ontmoeting"],
}


def term_id(code: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"term:{code}")


def _heeft_veld(model, naam: str) -> bool:
    return any(f.name == naam for f in model._meta.get_fields())


def zaaien(apps, schema_editor=None) -> None:
    Taxonomie = apps.get_model("kaart", "Taxonomie")
    Term = apps.get_model("kaart", "Term")
    Zoekwoord = apps.get_model("kaart", "Zoekwoord")
    tax, _ = Taxonomie.objects.get_or_create(
        id=TAXONOMIE_ID,
        defaults={
            "naam": TAXONOMIE_NAAM,
            "beschrijving": "Categorieën van het aanbod in de sociale basis (Nederlandse "
            "indeling).",
            "versie": "1",
        },
    )
    for i, (code, naam, naam_en, beschrijving) in enumerate(TERMEN):
        Term.objects.get_or_create(
            id=term_id(code),
            defaults={
                "taxonomie": tax,
                "code": code,
                "naam": naam,
                "naam_en": naam_en,
                "beschrijving": beschrijving,
                "volgorde": i,
            },
        )
    # the national list (older schema states have no gemeente column yet)
    landelijk = {"gemeente": None} if _heeft_veld(Zoekwoord, "gemeente") else {}
    for woord, codes in THESAURUS.items():
        zw, _ = Zoekwoord.objects.get_or_create(woord=woord, **landelijk)
        zw.termen.add(*[term_id(c) for c in codes])
