"""What the other apps keep about a resident, for the resident's own download (AVG art. 15, 20).

Each app that stores data about a `Persoon` registers one function here (in its AppConfig.ready);
`personen.services.eigen_gegevens` calls them all, so the download stays complete as apps grow.
A function gets the resident's `Persoon` and returns JSON-ready data (lists of dicts).
Left out on purpose: internal working notes of professionals about third parties' concerns
(zorgsignalen), which fall under the exceptions of UAVG art. 41 and are given on request.
"""

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

_BRONNEN: dict[str, Callable] = {}


def registreer(sleutel: str, functie: Callable) -> None:
    _BRONNEN[sleutel] = functie


def verzamelen(persoon) -> dict:
    return {sleutel: _BRONNEN[sleutel](persoon) for sleutel in sorted(_BRONNEN)}


def _waarde(obj, veld: str):
    toon = getattr(obj, f"get_{veld}_display", None)
    waarde = toon() if toon is not None else getattr(obj, veld)
    if isinstance(waarde, datetime | date):
        return waarde.isoformat()
    if isinstance(waarde, Decimal):
        return float(waarde)
    if waarde is None or isinstance(waarde, bool | int | float | list | dict):
        return waarde
    return str(waarde)


def rij(obj, velden: list[str]) -> dict:
    """The named fields of one object, with the readable label of choice fields."""
    return {veld: _waarde(obj, veld) for veld in velden}
