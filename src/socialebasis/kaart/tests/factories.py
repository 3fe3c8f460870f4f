import datetime as dt

import factory

from socialebasis.kaart import models
from socialebasis.kaart.taxonomie import term_id


def term(code: str) -> models.Term:
    return models.Term.objects.get(id=term_id(code))


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organisatie

    naam = factory.Sequence(lambda n: f"Buurthuis {n}")
    beschrijving = "Een buurthuis voor iedereen."


class LocatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Locatie

    organisatie = factory.SubFactory(OrganisatieFactory)
    naam = factory.Sequence(lambda n: f"Locatie {n}")
    lat = 52.09
    lon = 5.12


class AdresFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Adres

    locatie = factory.SubFactory(LocatieFactory)
    straat = "Oudegracht 1"
    postcode = "3511 AA"
    plaats = "Utrecht"


class DienstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Dienst
        skip_postgeneration_save = True

    organisatie = factory.SubFactory(OrganisatieFactory)
    naam = factory.Sequence(lambda n: f"Activiteit {n}")
    beschrijving = "Iedere week samen iets doen."
    publicatie = models.Publicatie.GEPUBLICEERD
    laatst_gecontroleerd = factory.LazyFunction(dt.date.today)
    kosten = models.Kosten.GRATIS

    @factory.post_generation
    def termen(self, create, extracted, **kwargs):
        if create and extracted:
            self.termen.set([term(c) if isinstance(c, str) else c for c in extracted])

    @factory.post_generation
    def locatie(self, create, extracted, **kwargs):
        if create and extracted:
            from socialebasis.kaart.services import punt_bijwerken

            models.DienstOpLocatie.objects.create(dienst=self, locatie=extracted)
            punt_bijwerken(self)


class RoosterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Rooster

    dienst = factory.SubFactory(DienstFactory)
    weekdag = models.Weekdag.DINSDAG
    begintijd = dt.time(14, 0)
    eindtijd = dt.time(16, 0)
