"""Shared fixtures: two tenants (gemeenten) with a user of every role, and residents."""

import os
from dataclasses import dataclass, field

import pytest
from django.db.backends.signals import connection_created

from socialebasis.accounts.models import Rol


def _logboek_onderhoud(sender, connection, **kwargs):
    # The test runner empties tables between transactional tests; the append-only trigger
    # allows that only in maintenance mode (see audit/migrations/0002).
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET socialebasis.logboek_onderhoud = 'aan'")


connection_created.connect(_logboek_onderhoud)


def pytest_collection_modifyitems(config, items):
    # Playwright's sync API runs an event loop in the test thread; Django's ORM guard would
    # then refuse ORM calls in the test body, which are synchronous and safe here.
    if any(item.get_closest_marker("browser") for item in items):
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@dataclass
class Tenant:
    gemeente: object
    wijk: object
    buurt: object
    team: object
    ander_team: object
    users: dict = field(default_factory=dict)
    in_team: object = None  # resident of `team`
    buiten_team: object = None  # resident of `ander_team`
    koppelen: object = None  # resident with consent for matching, no team
    eigen: object = None  # resident with an own account (users[inwoner])


def _tenant(code: str, naam: str, nummer: int) -> Tenant:
    from socialebasis.accounts.tests.factories import OrganisatieFactory, TeamFactory, UserFactory
    from socialebasis.gebieden.models import Gebied, Niveau
    from socialebasis.personen.tests.factories import PersoonFactory, ToestemmingFactory

    gemeente = Gebied.objects.create(code=code, naam=naam, niveau=Niveau.GEMEENTE)
    wijk = Gebied.objects.create(
        code=f"WK{code[2:]}01",
        naam=f"{naam}-Noord",
        niveau=Niveau.WIJK,
        gemeente=gemeente,
        ouder=gemeente,
    )
    buurt = Gebied.objects.create(
        code=f"BU{code[2:]}0101",
        naam=f"{naam}-Noord Oost",
        niveau=Niveau.BUURT,
        gemeente=gemeente,
        ouder=wijk,
    )
    org = OrganisatieFactory(naam=f"Welzijn {naam}")
    org.gemeenten.add(gemeente)
    team = TeamFactory(naam=f"Buurtteam {naam} Noord", gemeente=gemeente, organisatie=org)
    ander = TeamFactory(naam=f"Buurtteam {naam} Zuid", gemeente=gemeente, organisatie=org)
    t = Tenant(gemeente, wijk, buurt, team, ander)
    for rol in Rol:
        t.users[rol] = UserFactory(
            email=f"{rol.value}{nummer}@example.org",
            naam=f"{rol.label} {naam}",
            rol=rol,
            gemeente=gemeente,
            organisatie=org if rol in (Rol.AANBIEDER, Rol.COORDINATOR) else None,
            teams=[team] if rol == Rol.PROFESSIONAL else None,
        )
    t.in_team = PersoonFactory(gemeente=gemeente, buurt=buurt, team=team, voornaam="Teamlid")
    t.buiten_team = PersoonFactory(gemeente=gemeente, buurt=buurt, team=ander, voornaam="Ander")
    t.koppelen = PersoonFactory(gemeente=gemeente, buurt=buurt, voornaam="Koppel")
    ToestemmingFactory(
        persoon=t.koppelen, doel="koppelen", vastgelegd_door=t.users[Rol.COORDINATOR]
    )
    t.eigen = PersoonFactory(
        gemeente=gemeente, buurt=buurt, voornaam="Eigen", account=t.users[Rol.INWONER], team=team
    )
    return t


@pytest.fixture
def utrecht(db) -> Tenant:
    return _tenant("GM0344", "Utrecht", 1)


@pytest.fixture
def amsterdam(db) -> Tenant:
    return _tenant("GM0363", "Amsterdam", 2)


@pytest.fixture
def api():
    from rest_framework.test import APIClient

    return APIClient()
