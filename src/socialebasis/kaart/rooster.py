"""Next occurrence of an activity: weekly schedules, one-off dates and exceptions."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

VOORUIT_DAGEN = 400  # look ahead at most a bit over a year


@dataclass(frozen=True)
class Moment:
    datum: dt.date
    begintijd: dt.time | None
    eindtijd: dt.time | None
    verplaatst: bool = False
    toelichting: str = ""

    def sorteer(self):
        return (self.datum, self.begintijd or dt.time(0))

    def tekst(self, vandaag: dt.date | None = None) -> str:
        """'vandaag 14:00', 'morgen 10:00', 'dinsdag 14:00' or 'dinsdag 3 februari 14:00'."""
        vandaag = vandaag or timezone.localdate()
        verschil = (self.datum - vandaag).days
        if verschil == 0:
            dag = _("vandaag")
        elif verschil == 1:
            dag = _("morgen")
        elif verschil < 7:
            dag = date_format(self.datum, "l")
        else:
            dag = date_format(self.datum, "l j F")
        if self.begintijd:
            tijd = self.begintijd.strftime("%H:%M")
            if self.eindtijd:
                tijd = f"{tijd}–{self.eindtijd.strftime('%H:%M')}"
            return f"{dag} {tijd}"
        return str(dag)


def _uitzonderingen(rooster) -> dict[dt.date, object]:
    return {u.datum: u for u in rooster.uitzonderingen.all()}


def _geldig(rooster, datum: dt.date) -> bool:
    if rooster.geldig_vanaf and datum < rooster.geldig_vanaf:
        return False
    return not (rooster.geldig_tot and datum > rooster.geldig_tot)


def momenten(rooster, vanaf: dt.date, tot: dt.date):
    """All occurrences of one schedule with vanaf <= datum <= tot (exceptions applied)."""
    uitz = _uitzonderingen(rooster)
    kandidaten: list[dt.date] = []
    if rooster.datum is not None:
        kandidaten = [rooster.datum]
    elif rooster.weekdag is not None:
        eerste = vanaf + dt.timedelta(days=(rooster.weekdag - vanaf.weekday()) % 7)
        d = eerste
        while d <= tot:
            kandidaten.append(d)
            d += dt.timedelta(days=7)
    uit = []
    for d in kandidaten:
        if not _geldig(rooster, d) and rooster.datum is None:
            continue
        u = uitz.get(d)
        if u is not None:
            if u.vervalt and not u.nieuwe_datum and not u.nieuwe_begintijd:
                continue
            nieuwe = u.nieuwe_datum or d
            uit.append(
                Moment(
                    nieuwe,
                    u.nieuwe_begintijd or rooster.begintijd,
                    None if u.nieuwe_begintijd else rooster.eindtijd,
                    True,
                    u.reden,
                )
            )
        else:
            uit.append(Moment(d, rooster.begintijd, rooster.eindtijd, False, rooster.toelichting))
    return [m for m in uit if vanaf <= m.datum <= tot]


def volgende(roosters, now: dt.datetime) -> Moment | None:
    """The first occurrence that has not ended yet at `now` (local time)."""
    lokaal = timezone.localtime(now) if timezone.is_aware(now) else now
    vandaag, nu = lokaal.date(), lokaal.time()
    beste = None
    for r in roosters:
        for m in momenten(r, vandaag - dt.timedelta(days=7), vandaag + dt.timedelta(VOORUIT_DAGEN)):
            if m.datum < vandaag:
                continue
            if m.datum == vandaag and (m.eindtijd or m.begintijd or dt.time.max) <= nu:
                continue
            if beste is None or m.sorteer() < beste.sorteer():
                beste = m
            break  # momenten are in date order per schedule
    return beste
