"""Providers of extra network members from other parts of the platform.

Other apps (koppelen: volunteers matched to the resident; toeleiding: services of the sociale kaart)
register a function that yields ``ecogram.Netwerklid`` objects for a resident. They appear on the
netwerkkaart with their own marker (``laag="vrijwilliger"`` or ``laag="dienst"``) and in the
table, but are not stored as network members and are not editable here.

    from socialebasis.netwerk import bronnen, ecogram

    @bronnen.registreer
    def vrijwilligers(persoon):
        for k in Koppeling.objects.filter(hulpvraag__persoon=persoon, status="actief"):
            yield ecogram.Netwerklid(
                id=f"koppelen:{k.pk}", naam=k.aanbod.vrijwilliger.voornaam,
                groep="vrijwilligers", ring=2, steun_aan_bewoner="G", laag="vrijwilliger",
            )

Register from your AppConfig.ready(). Rules: ids must be strings with your own prefix
("<app>:<id>") so they never collide with stored members; ``laag`` must not be "persoonlijk";
a provider must only yield what the resident's own professional may see (the netwerk views
call providers only after the access check on the resident). A provider that raises is skipped
and logged without personal data, so one broken app never breaks the map.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from socialebasis.netwerk import ecogram

log = logging.getLogger(__name__)

Bron = Callable[[object], Iterable[ecogram.Netwerklid]]
_BRONNEN: list[Bron] = []


def registreer(fn: Bron) -> Bron:
    """Register a provider (usable as a decorator). Registering twice has no effect."""
    if fn not in _BRONNEN:
        _BRONNEN.append(fn)
    return fn


def afmelden(fn: Bron) -> None:
    if fn in _BRONNEN:
        _BRONNEN.remove(fn)


def bronnen() -> tuple[Bron, ...]:
    return tuple(_BRONNEN)


def extra_leden(persoon) -> list[ecogram.Netwerklid]:
    """All members the registered providers give for this resident, checked."""
    uit: list[ecogram.Netwerklid] = []
    gezien: set[str] = set()
    for fn in _BRONNEN:
        naam = getattr(fn, "__qualname__", repr(fn))
        try:
            leden = list(fn(persoon) or ())
        except Exception:
            log.exception("Netwerkbron %s gaf een fout; overgeslagen.", naam)
            continue
        for lid in leden:
            if not isinstance(lid, ecogram.Netwerklid):
                log.warning("Netwerkbron %s gaf iets anders dan een Netwerklid.", naam)
                continue
            if lid.laag == "persoonlijk" or not isinstance(lid.id, str) or ":" not in lid.id:
                log.warning("Netwerkbron %s: id zonder voorvoegsel of laag 'persoonlijk'.", naam)
                continue
            if lid.id in gezien:
                continue
            gezien.add(lid.id)
            uit.append(lid)
    return uit
