import datetime

import factory

from socialebasis.koppelen.models import (
    Aanbod,
    Hulpvraag,
    Koppeling,
    Vacature,
    Vrijwilliger,
    VrijwilligerStatus,
)
from socialebasis.personen.tests.factories import PersoonFactory

# Utrecht centre; points within a few hundred metres of each other.
LAT, LON = 52.0907, 5.1214


class VrijwilligerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vrijwilliger

    persoon = factory.SubFactory(
        PersoonFactory,
        gemeente=factory.SelfAttribute("..gemeente"),
        voornaam=factory.Sequence(lambda n: f"Vrijwilliger{n}"),
        email=factory.Sequence(lambda n: f"vrijwilliger{n}@example.org"),
    )
    status = VrijwilligerStatus.ACTIEF
    vog_datum = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    lat = LAT + 0.002
    lon = LON


class AanbodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanbod

    vrijwilliger = factory.SubFactory(VrijwilligerFactory)
    soort = "maaltijden"
    capaciteit = 2
    dagen = [0, 1, 2, 3, 4]
    straal_m = 3000
    dieten = ["halal", "zoutarm"]


class HulpvraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hulpvraag

    persoon = factory.SubFactory(PersoonFactory, gemeente=factory.SelfAttribute("..gemeente"))
    soort = "maaltijden"
    dagen = [1, 3]
    dieten = ["zoutarm"]
    lat = LAT
    lon = LON


class KoppelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Koppeling

    afstand_m = 220
    uitleg = ["Afstand 220 m (maximaal 3 km)"]


class VacatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacature

    titel = factory.Sequence(lambda n: f"Thuiskok gezocht {n}")
    soort = "maaltijden"
    omschrijving = "Kook één keer per week een extra portie voor een buurtgenoot."
