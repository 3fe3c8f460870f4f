"""The toeleiding part of the demo: the demo inwoner's map shows services from the kaart."""

import pytest

from socialebasis.accounts.models import Rol, User
from socialebasis.demo import services as demo
from socialebasis.netwerk import services as netwerk
from socialebasis.toeleiding.models import Voorzieninggebruik

pytestmark = pytest.mark.django_db


def test_demo_inwoners_gebruiken_voorzieningen_uit_de_demo_kaart(monkeypatch):
    monkeypatch.setattr(demo, "DEMO_APPS", ("kaart", "netwerk", "toeleiding"))
    demo.laden(aantal=300, seed=5)
    inwoner = User.objects.get(rol=Rol.INWONER, email__endswith=demo.DEMO_DOMEIN)
    pro = User.objects.get(rol=Rol.PROFESSIONAL, email__endswith=demo.DEMO_DOMEIN)
    eigen = inwoner.persoon
    statussen = sorted(eigen.voorzieningen.values_list("status", flat=True))
    assert statussen == ["in_gebruik", "verwezen"]
    beeld = netwerk.netwerk_lezen(inwoner, eigen)
    assert len([lid for lid in beeld.extra if lid.laag == "dienst"]) == 2
    # every record is a published, non-confidential service of Utrecht
    for g in Voorzieninggebruik.objects.select_related("dienst", "persoon"):
        assert g.dienst.gemeente_id == g.persoon.gemeente_id == g.gemeente_id
        assert g.dienst.publicatie == "gepubliceerd"
        assert not g.dienst.locaties.filter(vertrouwelijk=True).exists()
    anderen = Voorzieninggebruik.objects.exclude(persoon=eigen)
    assert anderen.exists()
    p = anderen.first().persoon
    assert netwerk.persoon_ophalen(pro, p.uuid) == p  # the demo professional can see them
