import factory

from socialebasis.personen.models import Persoon, Toestemming


class PersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persoon

    voornaam = factory.Sequence(lambda n: f"Voornaam{n}")
    achternaam = "Jansen"
    postcode = "3511 AB"
    woonplaats = "Utrecht"


class ToestemmingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Toestemming

    doel = "koppelen"
