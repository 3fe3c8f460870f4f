"""The netwerk part of the demo: the demo professional and inwoner have something to see."""

import pytest

from socialebasis.accounts.models import Rol, User
from socialebasis.demo import services as demo
from socialebasis.netwerk import services
from socialebasis.netwerk.models import Netwerkplan, Vragenlijst

pytestmark = pytest.mark.django_db


def test_demo_geeft_netwerken_aan_inwoners_van_de_professional_en_aan_de_demo_inwoner(
    monkeypatch,
):
    monkeypatch.setattr(demo, "DEMO_APPS", ("netwerk",))  # other apps have their own tests
    demo.laden(aantal=300, seed=5)
    pro = User.objects.get(rol=Rol.PROFESSIONAL, email__endswith=demo.DEMO_DOMEIN)
    inwoner = User.objects.get(rol=Rol.INWONER, email__endswith=demo.DEMO_DOMEIN)
    plannen = Netwerkplan.objects.exclude(persoon=inwoner.persoon).select_related("persoon")
    assert plannen.count() >= 3
    for plan in plannen:
        p = services.persoon_ophalen(pro, plan.persoon.uuid)  # in the professional's teams
        beeld = services.netwerk_lezen(pro, p)
        assert beeld.leden and beeld.momentopnamen
    eigen = inwoner.persoon
    assert eigen.netwerkleden.count() == 7
    assert services.plan_lezen(inwoner, eigen).doelen.exists()
    djg = Vragenlijst.objects.filter(persoon=eigen, instrument="djg11")
    assert djg.count() == 4 and all(v.totaal is not None for v in djg)
