"""Apps add grants to read one person (core.toegang.registreer_persoon_inzage): the grant
answers `mag(user, "lezen", persoon)` only, within the own gemeente, and never widens lists,
changes or consent."""

import pytest

from socialebasis.accounts.models import Rol
from socialebasis.core import toegang
from socialebasis.personen.models import Persoon, Toestemming

pytestmark = pytest.mark.django_db


@pytest.fixture
def aanbieder_mag_koppelen_lezen():
    def regel(user, persoon):
        return user.rol == Rol.AANBIEDER and persoon.voornaam == "Koppel"

    toegang.registreer_persoon_inzage("test.aanbieder", regel)
    yield
    del toegang.PERSOON_INZAGE["test.aanbieder"]


def test_extra_inzage_alleen_lezen_en_alleen_in_de_eigen_gemeente(
    utrecht, amsterdam, aanbieder_mag_koppelen_lezen
):
    aanbieder = utrecht.users[Rol.AANBIEDER]
    assert toegang.mag(aanbieder, "lezen", utrecht.koppelen)
    assert not toegang.mag(aanbieder, "lezen", utrecht.in_team)
    assert not toegang.mag(aanbieder, "lezen", amsterdam.koppelen)  # other gemeente
    assert not toegang.mag(aanbieder, "wijzigen", utrecht.koppelen)
    assert not toegang.zichtbaar(aanbieder, Persoon).exists()
    t = Toestemming(persoon=utrecht.koppelen, doel="koppelen")
    assert not toegang.mag(aanbieder, "lezen", t) and not toegang.mag(aanbieder, "aanmaken", t)


def test_zonder_registratie_geen_extra_inzage(utrecht):
    assert not toegang.mag(utrecht.users[Rol.AANBIEDER], "lezen", utrecht.koppelen)
