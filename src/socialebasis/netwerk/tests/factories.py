import factory

from socialebasis.netwerk.models import Netwerklid


class NetwerklidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Netwerklid

    naam = factory.Sequence(lambda n: f"Naaste{n}")
    groep = "familie"
    ring = 2
    contact = "wekelijks"
    steun_aan = "G"
