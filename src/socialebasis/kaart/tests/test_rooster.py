"""Next occurrence ('volgende keer') of weekly and one-off activities, with exceptions."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone
from django.utils.translation import override

from socialebasis.kaart.rooster import volgende

pytestmark = pytest.mark.pure


class Lijst(list):
    def all(self):
        return self


def rooster(weekdag=None, datum=None, begin=dt.time(14), eind=dt.time(16), uitz=(), **kw):
    return SimpleNamespace(
        weekdag=weekdag,
        datum=datum,
        begintijd=begin,
        eindtijd=eind,
        toelichting="",
        geldig_vanaf=kw.get("vanaf"),
        geldig_tot=kw.get("tot"),
        uitzonderingen=Lijst(uitz),
    )


def uitzondering(datum, vervalt=True, nieuwe_datum=None, nieuwe_begintijd=None):
    return SimpleNamespace(
        datum=datum,
        vervalt=vervalt,
        nieuwe_datum=nieuwe_datum,
        nieuwe_begintijd=nieuwe_begintijd,
        reden="Feestdag",
    )


# Monday 2 March 2026, 10:00 Amsterdam time
MAANDAG = timezone.make_aware(dt.datetime(2026, 3, 2, 10, 0))


def test_wekelijks_op_dinsdag_is_morgen():
    m = volgende([rooster(weekdag=1)], MAANDAG)
    assert m.datum == dt.date(2026, 3, 3)
    with override("nl"):
        assert m.tekst(dt.date(2026, 3, 2)) == "morgen 14:00–16:00"
        assert m.tekst(dt.date(2026, 2, 28)) == "dinsdag 14:00–16:00"


def test_vandaag_na_afloop_telt_niet_meer():
    r = rooster(weekdag=0, begin=dt.time(8), eind=dt.time(9))
    assert volgende([r], MAANDAG).datum == dt.date(2026, 3, 9)
    lopend = rooster(weekdag=0, begin=dt.time(9), eind=dt.time(11))
    assert volgende([lopend], MAANDAG).datum == dt.date(2026, 3, 2)


def test_feestdag_vervalt_en_verplaatst():
    vervalt = rooster(weekdag=1, uitz=[uitzondering(dt.date(2026, 3, 3))])
    assert volgende([vervalt], MAANDAG).datum == dt.date(2026, 3, 10)
    verplaatst = rooster(
        weekdag=1,
        uitz=[
            uitzondering(
                dt.date(2026, 3, 3),
                nieuwe_datum=dt.date(2026, 3, 5),
                nieuwe_begintijd=dt.time(19, 30),
            )
        ],
    )
    m = volgende([verplaatst], MAANDAG)
    assert (m.datum, m.begintijd, m.verplaatst) == (dt.date(2026, 3, 5), dt.time(19, 30), True)


def test_geldigheid_en_eenmalig():
    later = rooster(weekdag=1, vanaf=dt.date(2026, 4, 1))
    assert volgende([later], MAANDAG).datum == dt.date(2026, 4, 7)
    voorbij = rooster(weekdag=1, tot=dt.date(2026, 3, 1))
    assert volgende([voorbij], MAANDAG) is None
    eenmalig = rooster(datum=dt.date(2026, 3, 20))
    geweest = rooster(datum=dt.date(2026, 2, 20))
    assert volgende([geweest, eenmalig], MAANDAG).datum == dt.date(2026, 3, 20)
    assert volgende([geweest], MAANDAG) is None
    with override("nl"):
        assert (
            volgende([eenmalig], MAANDAG).tekst(dt.date(2026, 3, 2)).startswith("vrijdag 20 maart")
        )


def test_vroegste_van_meerdere_roosters():
    m = volgende([rooster(weekdag=4), rooster(weekdag=2, begin=dt.time(9))], MAANDAG)
    assert (m.datum, m.begintijd) == (dt.date(2026, 3, 4), dt.time(9))
