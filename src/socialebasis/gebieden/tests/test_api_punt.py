import pytest

from socialebasis.gebieden import services
from socialebasis.gebieden.models import Gebied

pytestmark = pytest.mark.django_db


def test_buurt_bij_een_punt_via_de_api(client):
    services.laden("GM0344")
    buurt = Gebied.objects.get(code="BU03440111")
    r = client.get("/api/v1/gebieden", {"punt": f"{buurt.punt_lat},{buurt.punt_lon}"})
    assert r.status_code == 200
    assert [g["code"] for g in r.json()["results"]] == ["BU03440111"]
    assert client.get("/api/v1/gebieden", {"punt": "52.6,3.5"}).json()["count"] == 0  # Noordzee


@pytest.mark.parametrize("punt", ["52.1", "noord,oost", "200,5"])
def test_ongeldig_punt_geeft_probleem(client, punt):
    r = client.get("/api/v1/gebieden", {"punt": punt})
    assert r.status_code == 400 and r["Content-Type"] == "application/problem+json"
    assert r.json()["invalidParams"][0]["name"] == "punt"
