"""Demo sociale kaart for Utrecht: buurthuizen, library branches, CJG, sports, clubs, taalcafés,
meals, youth work and the carers' support point, spread over the real wijken.

Everything is synthetic (plausible names, fictitious addresses) and marked is_demo, which the UI
shows as "voorbeeld". Points are the buurt's representative point plus a small deterministic
jitter; no geocoding. Weekly schedules make "volgende keer" work; some entries have a holiday
exception, a few are concepts waiting for approval, a few have not been checked for over a year,
and two locations are confidential.
"""

import datetime as dt

from django.utils import timezone

from socialebasis.accounts.models import Organisatie as PlatformOrganisatie
from socialebasis.accounts.models import Rol
from socialebasis.gebieden.models import Gebied
from socialebasis.kaart.models import (
    Adres,
    Dienst,
    DienstOpLocatie,
    Locatie,
    Organisatie,
    Publicatie,
    Rooster,
    Telefoon,
    Uitzondering,
)
from socialebasis.kaart.services import punt_bijwerken
from socialebasis.kaart.taxonomie import term_id

# name, org kind, term codes, target groups, cost, layer, weekday, start, end, description, talen
PER_WIJK = [
    (
        "Koffie-inloop",
        "buurthuis",
        ["ontmoeting"],
        ["volwassenen", "ouderen"],
        "gratis",
        "gemeenschappelijk",
        1,
        "10:00",
        "12:00",
        "Loop binnen voor een kop koffie en een praatje met buren. Iedereen is welkom.",
        ["nl"],
    ),
    (
        "Samen eten",
        "buurthuis",
        ["eten", "ontmoeting"],
        ["volwassenen", "ouderen"],
        "kleine_bijdrage",
        "gemeenschappelijk",
        3,
        "17:30",
        "19:30",
        "Elke week koken vrijwilligers een verse maaltijd. U eet samen met anderen uit de buurt. "
        "Aanmelden kan tot de dag ervoor.",
        ["nl"],
    ),
    (
        "Taalcafé",
        "bibliotheek",
        ["leren-taal", "ontmoeting"],
        ["nieuwkomers", "volwassenen"],
        "gratis",
        "institutioneel",
        2,
        "14:00",
        "15:30",
        "Oefen Nederlands praten in een kleine groep, met hulp van een vrijwilliger.",
        ["nl", "en", "ar", "ti", "uk"],
    ),
    (
        "Digitaal Spreekuur",
        "bibliotheek",
        ["leren-taal", "geldzaken"],
        ["ouderen", "volwassenen"],
        "gratis",
        "institutioneel",
        4,
        "10:00",
        "12:00",
        "Hulp bij DigiD, e-mail, de computer of uw telefoon. Neem uw eigen apparaat mee.",
        ["nl"],
    ),
    (
        "Opvoedspreekuur",
        "cjg",
        ["opvoeden", "informatie-advies"],
        ["ouders"],
        "gratis",
        "institutioneel",
        0,
        "13:30",
        "15:00",
        "Vragen over opvoeden of opgroeien? Loop binnen bij een jeugdverpleegkundige of "
        "pedagoog. Zonder afspraak.",
        ["nl", "en", "tr"],
    ),
    (
        "Beweegmaatjes wandelgroep",
        "sport",
        ["bewegen", "ontmoeting"],
        ["ouderen"],
        "gratis",
        "gemeenschappelijk",
        4,
        "09:30",
        "10:30",
        "Elke week een rustige wandeling door de wijk, met koffie na afloop.",
        ["nl"],
    ),
    (
        "Stoelyoga",
        "sport",
        ["bewegen", "gezondheid"],
        ["ouderen", "beperking"],
        "kleine_bijdrage",
        "gemeenschappelijk",
        0,
        "10:30",
        "11:30",
        "Rustige oefeningen op een stoel. Goed voor lijf en hoofd. Ook als u minder goed ter been "
        "bent.",
        ["nl"],
    ),
    (
        "Jongerenavond",
        "jongerenwerk",
        ["ontmoeting", "opvoeden"],
        ["jongeren"],
        "gratis",
        "institutioneel",
        2,
        "19:00",
        "22:00",
        "Chillen, gamen, praten. Jongerenwerkers zijn erbij als je ergens mee zit.",
        ["nl"],
    ),
    (
        "Klussendienst",
        "buurthuis",
        ["klussen"],
        ["ouderen", "beperking"],
        "kleine_bijdrage",
        "gemeenschappelijk",
        None,
        None,
        None,
        "Vrijwilligers helpen bij kleine klussen in huis: een lamp ophangen, een kraan repareren. "
        "Bel voor een afspraak.",
        ["nl"],
    ),
    (
        "Formulierenhulp",
        "buurthuis",
        ["geldzaken", "informatie-advies"],
        ["volwassenen"],
        "gratis",
        "gemeenschappelijk",
        1,
        "13:00",
        "15:00",
        "Hulp bij brieven, rekeningen en formulieren. Ook als u schulden heeft of dreigt te "
        "krijgen.",
        ["nl", "ar", "tr"],
    ),
]

STAD = [
    (
        "Mantelzorgcafé",
        "mantelzorg",
        ["mantelzorg", "ontmoeting"],
        ["mantelzorgers"],
        "gratis",
        "institutioneel",
        3,
        "14:00",
        "16:00",
        "Even tijd voor uzelf. Praat met andere mantelzorgers en krijg tips van een consulent.",
        ["nl"],
    ),
    (
        "Mantelzorgconsulent",
        "mantelzorg",
        ["mantelzorg", "informatie-advies"],
        ["mantelzorgers"],
        "gratis",
        "institutioneel",
        None,
        None,
        None,
        "Zorgt u voor een naaste? Een consulent denkt met u mee en zoekt hulp of respijtzorg.",
        ["nl", "en"],
    ),
    (
        "Onafhankelijke cliëntondersteuning",
        "welzijn",
        ["informatie-advies"],
        ["volwassenen", "ouderen", "beperking"],
        "gratis",
        "institutioneel",
        None,
        None,
        None,
        "Gratis hulp bij een gesprek met de gemeente over de Wmo of de Jeugdwet.",
        ["nl", "en"],
    ),
    (
        "Vrijwilligerspunt",
        "welzijn",
        ["vrijwilligerswerk"],
        ["volwassenen", "jongeren"],
        "gratis",
        "gemeenschappelijk",
        2,
        "10:00",
        "12:00",
        "Wilt u iets doen voor een ander? Wij zoeken samen met u vrijwilligerswerk dat past.",
        ["nl", "en"],
    ),
    (
        "Buurtbus",
        "welzijn",
        ["vervoer"],
        ["ouderen", "beperking"],
        "kleine_bijdrage",
        "gemeenschappelijk",
        None,
        None,
        None,
        "Vrijwillige chauffeurs rijden u naar de huisarts, de markt of een activiteit. "
        "Bel een dag van tevoren.",
        ["nl"],
    ),
]

GEHEIM = [
    (
        "Praatgroep vrouwen",
        ["ontmoeting", "gezondheid"],
        ["volwassenen"],
        0,
        "19:30",
        "21:00",
        "Een veilige groep voor vrouwen die thuis spanning of geweld meemaken. Het adres hoort u "
        "na aanmelding.",
    ),
    (
        "Lotgenotengroep verslaving naasten",
        ["gezondheid", "mantelzorg"],
        ["volwassenen"],
        3,
        "19:30",
        "21:00",
        "Voor partners en familie van iemand met een verslaving. Het adres hoort u na aanmelding.",
    ),
]

ORG_NAMEN = {
    "buurthuis": "Buurthuis {wijk}",
    "bibliotheek": "Bibliotheek {wijk}",
    "cjg": "CJG {wijk}",
    "sport": "Buurtsportcoach {wijk}",
    "jongerenwerk": "Jongerenwerk {wijk}",
}


def _tijd(t):
    return dt.time.fromisoformat(t) if t else None


def laden(*, gemeente, personen, gebruikers, rng, fake, stdout=None, **_):
    # The taxonomy comes from a data migration; make sure it is there (idempotent), e.g. after
    # a database flush.
    from django.apps import apps

    from socialebasis.kaart import taxonomie

    taxonomie.zaaien(apps)
    wijken = list(Gebied.objects.wijken().filter(gemeente=gemeente).order_by("code"))
    if not wijken:
        return {}
    bieb = (
        gebruikers[Rol.AANBIEDER].organisatie
        or PlatformOrganisatie.objects.filter(naam__icontains="bibliotheek").first()
    )
    vandaag = timezone.localdate()
    stad_orgs = {
        "mantelzorg": Organisatie.objects.create(
            naam="Steunpunt Mantelzorg Utrecht",
            gemeente=gemeente,
            is_demo=True,
            beschrijving="Steun en informatie voor mantelzorgers.",
        ),
        "welzijn": Organisatie.objects.create(
            naam="Welzijn Utrecht",
            gemeente=gemeente,
            is_demo=True,
            beschrijving="Welzijnswerk in alle wijken van Utrecht.",
            organisatie=gebruikers[Rol.COORDINATOR].organisatie,
        ),
    }
    aantal = 0

    def locatie(org, wijk, naam, vertrouwelijk=False):
        buurten = list(Gebied.objects.buurten().filter(ouder=wijk, punt_lat__isnull=False))
        buurt = rng.choice(buurten) if buurten else None
        basis = buurt or wijk
        lat = (basis.punt_lat or 52.09) + rng.uniform(-0.0025, 0.0025)
        lon = (basis.punt_lon or 5.12) + rng.uniform(-0.004, 0.004)
        loc = Locatie.objects.create(
            organisatie=org,
            naam=naam,
            wijk=wijk,
            buurt=buurt,
            lat=lat,
            lon=lon,
            vertrouwelijk=vertrouwelijk,
            toegankelijkheid=["rolstoeltoegankelijk", "invalidentoilet"]
            if rng.random() < 0.6
            else [],
        )
        Adres.objects.create(
            locatie=loc,
            straat=f"{fake.street_name()} {rng.randint(1, 180)}",
            postcode=f"35{rng.randint(10, 99)} {fake.random_uppercase_letter()}"
            f"{fake.random_uppercase_letter()}",
            plaats="Utrecht",
        )
        return loc

    def dienst(org, loc, rij, naam, *, concept=False):
        nonlocal aantal
        (_, _, termen, doelgroepen, kosten, laag, dag, van, tot, tekst, talen) = rij
        gecontroleerd = vandaag - dt.timedelta(days=rng.choice([20, 60, 120, 200, 300, 430]))
        d = Dienst.objects.create(
            organisatie=org,
            naam=naam,
            beschrijving=tekst,
            gemeente=gemeente,
            laag=laag,
            doelgroepen=doelgroepen,
            kosten=kosten,
            talen=talen,
            kosten_toelichting="€ 3,50 per keer" if kosten == "kleine_bijdrage" else "",
            wmo_type="algemene_voorziening" if laag == "institutioneel" else "voorliggend",
            publicatie=Publicatie.CONCEPT if concept else Publicatie.GEPUBLICEERD,
            laatst_gecontroleerd=gecontroleerd,
            is_demo=True,
            aanmelden="U kunt gewoon binnenlopen." if dag is not None else "Bel ons.",
        )
        d.termen.set([term_id(c) for c in termen])
        DienstOpLocatie.objects.create(dienst=d, locatie=loc)
        if dag is not None:
            r = Rooster.objects.create(
                dienst=d, locatie=loc, weekdag=dag, begintijd=_tijd(van), eindtijd=_tijd(tot)
            )
            kerst = dt.date(vandaag.year, 12, 25)
            for feestdag in (kerst, kerst + dt.timedelta(days=1), dt.date(vandaag.year + 1, 1, 1)):
                if feestdag.weekday() == dag:
                    Uitzondering.objects.create(rooster=r, datum=feestdag, reden="Feestdag")
        else:
            Telefoon.objects.create(
                dienst=d,
                nummer=f"030 {rng.randint(200, 299)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            )
        punt_bijwerken(d)
        aantal += 1
        return d

    for i, wijk in enumerate(wijken):
        orgs = {}
        for soort, patroon in ORG_NAMEN.items():
            orgs[soort] = Organisatie.objects.create(
                naam=patroon.format(wijk=wijk.naam),
                gemeente=gemeente,
                is_demo=True,
                organisatie=bieb if soort == "bibliotheek" else None,
                beschrijving=f"{patroon.format(wijk=wijk.naam)} (voorbeeld).",
            )
        plekken = {soort: locatie(org, wijk, org.naam) for soort, org in orgs.items()}
        for j, rij in enumerate(PER_WIJK):
            if (i + j) % 5 == 4:
                continue  # not every wijk has everything
            soort = rij[1]
            concept = soort == "bibliotheek" and i < 2 and rij[0] == "Digitaal Spreekuur"
            dienst(orgs[soort], plekken[soort], rij, f"{rij[0]} {wijk.naam}", concept=concept)
    for j, rij in enumerate(STAD):
        wijk = wijken[j % len(wijken)]
        org = stad_orgs[rij[1]]
        dienst(org, locatie(org, wijk, f"{org.naam}, {wijk.naam}"), rij, rij[0])
    for j, (naam, termen, doelgroepen, dag, van, tot, tekst) in enumerate(GEHEIM):
        wijk = wijken[(j * 3 + 1) % len(wijken)]
        org = stad_orgs["welzijn"]
        rij = (
            naam,
            "welzijn",
            termen,
            doelgroepen,
            "gratis",
            "institutioneel",
            dag,
            van,
            tot,
            tekst,
            ["nl"],
        )
        dienst(org, locatie(org, wijk, "Vertrouwelijke locatie", vertrouwelijk=True), rij, naam)
    if stdout:
        stdout.write(f"Sociale kaart: {aantal} activiteiten en diensten (voorbeeld).")
    return {"diensten": aantal}
