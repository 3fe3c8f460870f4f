"""A volunteer matched to a resident appears on that resident's netwerkkaart."""

import pytest

from socialebasis.accounts.models import Rol
from socialebasis.koppelen.tests.conftest import koppelwereld

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "status,zichtbaar", [("actief", True), ("geevalueerd", True), ("voorgesteld", False)]
)
def test_gekoppelde_vrijwilliger_staat_op_de_netwerkkaart(client, utrecht, status, zichtbaar):
    kw = koppelwereld(utrecht, status=status)
    client.force_login(utrecht.users[Rol.PROFESSIONAL])
    html = client.get(f"/netwerk/{utrecht.in_team.uuid}").content.decode()
    naam = f"{kw.vrijwilliger.persoon.voornaam} (maaltijden (thuiskok))"
    assert (naam in html) == zichtbaar
