"""The Koppelen part of the Utrecht demo: plausible numbers, and every demo role has something."""

import pytest

from socialebasis.accounts.models import Rol, User
from socialebasis.demo import services as demo
from socialebasis.koppelen import services
from socialebasis.koppelen.models import Hulpvraag, Koppeling, Vrijwilliger, Zorgsignaal

pytestmark = pytest.mark.django_db


def test_demo_koppelen():
    demo.laden()
    rol = {u.rol: u for u in User.objects.filter(email__endswith="@demo.socialebasis.nl")}
    coordinator = rol[Rol.COORDINATOR]
    assert 140 <= Vrijwilliger.objects.count() <= 150
    wachtlijst = services.wachtlijst(coordinator)
    assert 100 <= wachtlijst.count() <= 130
    # every request is visible to the demo coordinator: all residents used gave consent
    assert services.zichtbaar(coordinator, Hulpvraag).count() == Hulpvraag.objects.count()
    tekort = {r.soort: r for r in services.tekort(coordinator)}
    assert tekort["klussen"].wachtend > 3 * tekort["klussen"].vrije_plekken
    assert tekort["gezelschap"].vrije_plekken > tekort["gezelschap"].wachtend
    eigen = services.zichtbaar(rol[Rol.VRIJWILLIGER], Koppeling)
    assert set(eigen.values_list("status", flat=True)) == {"actief", "voorgesteld"}
    assert services.zichtbaar(rol[Rol.INWONER], Koppeling).get().status == "kennismaking"
    assert services.zichtbaar(rol[Rol.PROFESSIONAL], Zorgsignaal).count() == 1
    assert Koppeling.objects.filter(status="actief").count() >= 10
    voorstellen, niet = services.ronde(coordinator)
    assert voorstellen and niet
