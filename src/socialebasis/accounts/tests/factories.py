import factory

from socialebasis.accounts.models import Organisatie, Rol, Team, User


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie

    naam = factory.Sequence(lambda n: f"Organisatie {n}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    naam = factory.Sequence(lambda n: f"Buurtteam {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"gebruiker{n}@example.org")
    naam = factory.Sequence(lambda n: f"Gebruiker {n}")
    rol = Rol.INWONER
    password = factory.PostGenerationMethodCall("set_password", "een-lang-wachtwoord-1")

    @factory.post_generation
    def teams(self, create, extracted, **kwargs):
        if create and extracted:
            self.teams.set(extracted)
        if create:
            self.save()
