import datetime as dt
from types import SimpleNamespace

import pytest

from socialebasis.accounts.models import Rol
from socialebasis.kaart.models import Publicatie, Uitzondering, Weekdag
from socialebasis.kaart.tests.factories import (
    AdresFactory,
    DienstFactory,
    LocatieFactory,
    OrganisatieFactory,
    RoosterFactory,
)


def kaartwereld(t):
    """A tenant's sociale kaart: a walk-in, a cooking club, a confidential group, a concept."""
    t.wijk.punt_lat, t.wijk.punt_lon = 52.10, 5.11
    t.wijk.save()
    t.buurt.punt_lat, t.buurt.punt_lon = 52.101, 5.112
    t.buurt.save()
    org = OrganisatieFactory(
        naam=f"Buurthuis {t.gemeente.naam}",
        organisatie=t.users[Rol.AANBIEDER].organisatie,
        gemeente=t.gemeente,
    )
    huis = LocatieFactory(
        organisatie=org,
        naam="Buurthuis De Boog",
        wijk=t.wijk,
        buurt=t.buurt,
        lat=52.1012,
        lon=5.1121,
        toegankelijkheid=["rolstoeltoegankelijk"],
    )
    AdresFactory(locatie=huis, straat="Boogstraat 1", postcode="3500 AA")
    ver = LocatieFactory(
        organisatie=org, naam="Geheim huis", wijk=t.wijk, lat=52.2, lon=5.3, vertrouwelijk=True
    )
    AdresFactory(locatie=ver, straat="Verborgenlaan 99", postcode="3599 ZZ")
    w = SimpleNamespace(org=org, huis=huis, ver=ver)
    w.inloop = DienstFactory(
        organisatie=org,
        gemeente=t.gemeente,
        naam="Koffie-inloop De Boog",
        beschrijving="Elke dinsdag koffie drinken en een praatje maken met buren.",
        termen=["ontmoeting"],
        locatie=huis,
        doelgroepen=["ouderen", "volwassenen"],
    )
    w.rooster = RoosterFactory(dienst=w.inloop, weekdag=Weekdag.DINSDAG)
    Uitzondering.objects.create(rooster=w.rooster, datum=dt.date(2099, 12, 29), reden="Kerst")
    w.kookclub = DienstFactory(
        organisatie=org,
        gemeente=t.gemeente,
        naam="Kookclub Samen Eten",
        beschrijving="Samen koken en eten voor een kleine bijdrage.",
        termen=["eten"],
        locatie=huis,
        kosten="kleine_bijdrage",
        doelgroepen=["volwassenen"],
    )
    RoosterFactory(
        dienst=w.kookclub,
        weekdag=Weekdag.DONDERDAG,
        begintijd=dt.time(17, 30),
        eindtijd=dt.time(20),
    )
    w.geheim = DienstFactory(
        organisatie=org,
        gemeente=t.gemeente,
        naam="Praatgroep vrouwen",
        beschrijving="Veilig praten over thuis, met andere vrouwen.",
        termen=["ontmoeting"],
        locatie=ver,
    )
    w.concept = DienstFactory(
        organisatie=org,
        gemeente=t.gemeente,
        naam="Nieuwe taalcafé concept",
        beschrijving="Nederlands oefenen.",
        termen=["leren-taal"],
        locatie=huis,
        publicatie=Publicatie.CONCEPT,
    )
    return w


@pytest.fixture
def kaart_utrecht(utrecht):
    return kaartwereld(utrecht)
