"""The demo municipality: Utrecht's real areas and CBS figures, synthetic residents and accounts.

Deterministic by seed. Residents are spread over the buurten in proportion to the real number
of inhabitants, and each buurt's share of 65+ sets how many demo residents are 65 or older.
All demo people are fictional (Faker nl_NL) and marked `is_demo`.
"""

import random
from dataclasses import dataclass
from importlib import import_module

from django.db import transaction
from django.utils import timezone
from faker import Faker

from socialebasis.accounts.models import Organisatie, OrganisatieSoort, Rol, Team, User
from socialebasis.audit import services as audit
from socialebasis.gebieden import services as gebieden
from socialebasis.gebieden.models import Gebied, Kerncijfers
from socialebasis.personen.models import Doel, Persoon, Toestemming

DEMO_GEMEENTE = "GM0344"
DEMO_WACHTWOORD = "demo-sociale-basis"
DEMO_DOMEIN = "demo.socialebasis.nl"
DEMO_APPS = ("kaart", "koppelen", "netwerk", "toeleiding")


@dataclass
class DemoAccount:
    rol: str
    email: str
    naam: str


def accounts() -> list[DemoAccount]:
    namen = {
        Rol.INWONER: "Fatima Inwoner",
        Rol.VRIJWILLIGER: "Joris Vrijwilliger",
        Rol.PROFESSIONAL: "Sanne Sociaal Werker",
        Rol.COORDINATOR: "Mehmet Coördinator",
        Rol.AANBIEDER: "Ingrid Aanbieder",
        Rol.BELEIDSMEDEWERKER: "Pieter Beleid",
        Rol.BEHEERDER: "Anouk Beheer",
    }
    return [DemoAccount(r, f"{r.value}@{DEMO_DOMEIN}", namen[r]) for r in Rol]


def verdeel(totaal: int, gewichten: dict[str, int]) -> dict[str, int]:
    """Largest-remainder apportionment: integers summing to `totaal`, proportional to weights."""
    som = sum(gewichten.values())
    if som == 0:
        return dict.fromkeys(gewichten, 0)
    exact = {k: totaal * w / som for k, w in gewichten.items()}
    uitkomst = {k: int(v) for k, v in exact.items()}
    rest = totaal - sum(uitkomst.values())
    for k in sorted(exact, key=lambda k: (-(exact[k] - uitkomst[k]), k))[:rest]:
        uitkomst[k] += 1
    return uitkomst


def is_geladen() -> bool:
    return Persoon.objects.filter(is_demo=True, gemeente__code=DEMO_GEMEENTE).exists()


@transaction.atomic
def laden(*, aantal: int = 1500, seed: int = 2026, stdout=None) -> dict:
    def say(msg):
        if stdout:
            stdout.write(msg)

    if not Gebied.objects.filter(code=DEMO_GEMEENTE).exists():
        say("Gebieden en CBS-cijfers van Utrecht laden…")
        gebieden.laden(DEMO_GEMEENTE)
    gemeente = Gebied.objects.get(code=DEMO_GEMEENTE)
    if is_geladen():
        say("De demo staat er al; er is niets veranderd.")
        return {"nieuw": False}

    rng = random.Random(seed)
    fake = Faker("nl_NL")
    fake.seed_instance(seed)

    welzijn, _ = Organisatie.objects.get_or_create(
        naam="Welzijn Utrecht (demo)", defaults={"soort": OrganisatieSoort.WELZIJN}
    )
    bieb, _ = Organisatie.objects.get_or_create(
        naam="Bibliotheek Utrecht (demo)", defaults={"soort": OrganisatieSoort.BIBLIOTHEEK}
    )
    for org in (welzijn, bieb):
        org.gemeenten.add(gemeente)
    wijken = list(Gebied.objects.wijken().filter(gemeente=gemeente).order_by("code"))
    teams = []
    for wijk in wijken:
        team, _ = Team.objects.get_or_create(
            gemeente=gemeente, naam=f"Buurtteam {wijk.naam}", defaults={"organisatie": welzijn}
        )
        team.wijken.set([wijk])
        teams.append(team)
    team_van_wijk = {t.wijken.first().pk: t for t in teams}

    gebruikers = {}
    for acc in accounts():
        user, _ = User.objects.get_or_create(
            email=acc.email, defaults={"naam": acc.naam, "rol": acc.rol, "gemeente": gemeente}
        )
        user.set_password(DEMO_WACHTWOORD)
        if acc.rol in (Rol.COORDINATOR, Rol.AANBIEDER, Rol.VRIJWILLIGER):
            user.organisatie = welzijn if acc.rol != Rol.AANBIEDER else bieb
        user.save()
        gebruikers[acc.rol] = user
    gebruikers[Rol.PROFESSIONAL].teams.set(teams[:3])

    buurten = list(Gebied.objects.buurten().filter(gemeente=gemeente).order_by("code"))
    jaar = (
        Kerncijfers.objects.filter(gebied__gemeente=gemeente)
        .order_by("-jaar")
        .values_list("jaar", flat=True)
        .first()
    )
    cijfers = {k.gebied_id: k for k in Kerncijfers.objects.filter(gebied__in=buurten, jaar=jaar)}
    per_buurt = verdeel(
        aantal, {b.code: (cijfers[b.pk].inwoners or 0) if b.pk in cijfers else 0 for b in buurten}
    )
    huidig = timezone.now().year
    personen = []
    for b in buurten:
        n = per_buurt[b.code]
        k = cijfers.get(b.pk)
        aandeel = k.aandeel_65_plus if k and k.aandeel_65_plus is not None else 0.1
        n65 = round(n * aandeel)
        straat = fake.street_name()
        for i in range(n):
            oud = i < n65
            geboren = huidig - (rng.randint(65, 95) if oud else rng.randint(18, 64))
            personen.append(
                Persoon(
                    gemeente=gemeente,
                    voornaam=fake.first_name(),
                    tussenvoegsel=rng.choice(["", "", "", "de", "van", "van der"]),
                    achternaam=fake.last_name().split(" ")[-1],
                    email="" if rng.random() < 0.4 else fake.free_email(),
                    telefoon=fake.phone_number() if rng.random() < 0.8 else "",
                    straat=straat,
                    huisnummer=str(rng.randint(1, 180)),
                    postcode=f"35{rng.randint(0, 99):02d} {rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}"
                    f"{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}",
                    woonplaats="Utrecht",
                    buurt=b,
                    geboortejaar=geboren,
                    team=team_van_wijk.get(b.ouder_id),
                    is_demo=True,
                )
            )
    Persoon.objects.bulk_create(personen, batch_size=500)
    personen = list(Persoon.objects.filter(is_demo=True, gemeente=gemeente).order_by("id"))
    coordinator = gebruikers[Rol.COORDINATOR]
    toestemmingen = [
        Toestemming(persoon=p, doel=Doel.KOPPELEN, vastgelegd_door=coordinator)
        for p in personen
        if rng.random() < 0.15
    ]
    Toestemming.objects.bulk_create(toestemmingen, batch_size=500)
    # The demo resident's own record, linked to the inwoner account.
    eigen = personen[0]
    eigen.voornaam, eigen.tussenvoegsel, eigen.achternaam = "Fatima", "", "Inwoner"
    eigen.account = gebruikers[Rol.INWONER]
    eigen.save()
    Toestemming.objects.get_or_create(
        persoon=eigen, doel=Doel.NETWERK, defaults={"vastgelegd_door": gebruikers[Rol.PROFESSIONAL]}
    )
    # Each domain app adds its part of the demo in `socialebasis.<app>.demo.laden(...)`.
    for app in DEMO_APPS:
        try:
            module = import_module(f"socialebasis.{app}.demo")
        except ModuleNotFoundError:
            continue
        module.laden(
            gemeente=gemeente,
            personen=personen,
            gebruikers=gebruikers,
            rng=rng,
            fake=fake,
            stdout=stdout,
        )
    audit.vastleggen_lijst(
        handeling="persoon.aanmaken",
        activiteit="ondersteuning-inwoner",
        actor=None,
        objecten=personen,
        gemeente=gemeente.pk,
    )
    return {
        "nieuw": True,
        "personen": len(personen),
        "toestemmingen": len(toestemmingen),
        "teams": len(teams),
    }
