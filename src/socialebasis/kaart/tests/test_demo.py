import pytest
from django.urls import reverse

from socialebasis.accounts.models import Rol, User
from socialebasis.demo import services as demo
from socialebasis.kaart.models import Dienst, Locatie

pytestmark = pytest.mark.django_db


def test_demo_sociale_kaart_utrecht(client):
    demo.laden(aantal=150, seed=3)
    diensten = Dienst.objects.filter(is_demo=True)
    assert diensten.count() > 60
    assert diensten.filter(publicatie="concept").exists()
    assert Locatie.objects.filter(vertrouwelijk=True).count() == 2
    assert diensten.filter(punt_lat__isnull=False).count() == diensten.count()
    html = client.get(reverse("kaart:zoeken"), {"q": "eenzaam"}).content.decode()
    assert "voorbeeld" in html and "Volgende keer" in html and "<svg" in html
    aanbieder = User.objects.get(rol=Rol.AANBIEDER, email__endswith=demo.DEMO_DOMEIN)
    client.force_login(aanbieder)
    html = client.get(reverse("kaart:beheer")).content.decode()
    assert "Bibliotheek" in html and "concept" in html
