"""Point-in-area lookup on the loaded (coarse, 2014) boundaries."""

import pytest

from socialebasis.gebieden import services, zoeken
from socialebasis.gebieden.models import Gebied

pytestmark = pytest.mark.django_db


@pytest.fixture
def utrecht():
    services.laden("GM0344", jaren=[])
    return Gebied.objects.get(code="GM0344")


def test_representatief_punt_ligt_in_zijn_eigen_buurt(utrecht):
    buurten = list(Gebied.objects.buurten().filter(gemeente=utrecht, grens__isnull=False))
    assert len(buurten) == 108  # 111 minus the three that decode to zero area
    for buurt in buurten:
        assert zoeken.buurt_bij(buurt.punt_lat, buurt.punt_lon) == buurt, buurt.code


def test_domplein(utrecht):
    # The Dom tower, Utrecht city centre.
    buurt = zoeken.buurt_bij(52.0907, 5.1214)
    assert buurt is not None
    assert buurt.gemeente == utrecht
    assert buurt.ouder.code == "WK034406"  # Binnenstad


def test_noordzee_geeft_niets(utrecht):
    assert zoeken.buurt_bij(52.5, 3.8) is None
    assert zoeken.dichtstbijzijnde(52.5, 3.8) is None


def test_buurt_zonder_grens_valt_terug_op_dichtstbijzijnde(utrecht):
    wijk_c = Gebied.objects.get(code="BU03440621")
    assert wijk_c.grens is None
    gevonden = zoeken.buurt_bij(wijk_c.punt_lat, wijk_c.punt_lon)
    assert gevonden is not None and gevonden.gemeente == utrecht


def test_gemeente_beperkt_de_zoekvraag(utrecht):
    assert zoeken.buurt_bij(52.0907, 5.1214, gemeente="GM0344").gemeente == utrecht
    assert zoeken.buurt_bij(52.0907, 5.1214, gemeente=utrecht).gemeente == utrecht
    assert zoeken.buurt_bij(52.0907, 5.1214, gemeente="GM0363") is None
    assert zoeken.gemeente_bij(52.0907, 5.1214) == utrecht


@pytest.mark.parametrize("lat,lon", [(None, 5.1), ("abc", 5.1), (float("nan"), 5.1), (95, 5.1)])
def test_onzin_invoer(utrecht, lat, lon):
    assert zoeken.buurt_bij(lat, lon) is None


def test_zonder_gegevens():
    assert zoeken.buurt_bij(52.0907, 5.1214) is None
