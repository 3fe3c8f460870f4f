"""All reads and writes of the services a resident uses, each audited in the same transaction.

Access is decided by core.toegang (rules in toeleiding/toegang.py). Choosing a service only
offers published, active entries of the resident's own gemeente.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from socialebasis.audit import services as audit
from socialebasis.core.toegang import Actie, mag, vereis
from socialebasis.kaart.models import Dienst
from socialebasis.netwerk.services import activiteit_voor
from socialebasis.personen.models import Persoon
from socialebasis.toeleiding.models import GebruikStatus, Voorzieninggebruik

VELDEN = ("status", "sinds", "tot", "notitie")


def _log(actor, handeling: str, persoon: Persoon, obj=None, status: str = "ok") -> None:
    audit.vastleggen(
        handeling=handeling,
        activiteit=activiteit_voor(actor),
        actor=actor,
        betrokkene=persoon,
        gemeente=persoon.gemeente_id,
        obj=obj if obj is not None else persoon,
        status=status,
    )


# --------------------------------------------------------------------------------------------
# Choosing a service (public data of the sociale kaart)
# --------------------------------------------------------------------------------------------


def te_kiezen(persoon: Persoon):
    """Published, active services of the resident's gemeente: the ones that can be chosen."""
    return Dienst.objects.filter(
        gemeente_id=persoon.gemeente_id, publicatie="gepubliceerd", status="active"
    )


def zoeken(persoon: Persoon, tekst: str, *, aantal: int = 15) -> list[Dienst]:
    """Services of the resident's gemeente matching the words (name, description or category),
    best first. Empty text gives an empty list."""
    from socialebasis.kaart import services as kaart

    if not (tekst or "").strip():
        return []
    return list(kaart.zoeken(kaart.Zoekvraag(tekst=tekst), basis=te_kiezen(persoon))[:aantal])


def mag_vastleggen(actor, persoon: Persoon) -> bool:
    return mag(actor, Actie.AANMAKEN, Voorzieninggebruik(persoon=persoon))


def mag_verwijderen(actor, persoon: Persoon) -> bool:
    return mag(actor, Actie.VERWIJDEREN, Voorzieninggebruik(persoon=persoon))


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


@transaction.atomic
def lijst(actor, persoon: Persoon, *, ook_gestopt: bool = True) -> list[Voorzieninggebruik]:
    """The services of one resident (audited as one read about that resident)."""
    vereis(actor, Actie.LEZEN, Voorzieninggebruik(persoon=persoon))
    qs = persoon.voorzieningen.select_related("dienst", "dienst__organisatie")
    if not ook_gestopt:
        qs = qs.exclude(status=GebruikStatus.GESTOPT)
    rijen = sorted(qs, key=lambda g: (not g.lopend, -g.sinds.toordinal(), g.dienst.naam))
    _log(actor, "voorzieninggebruik.lijst", persoon)
    return rijen


@transaction.atomic
def lezen(actor, persoon: Persoon, gebruik_uuid) -> Voorzieninggebruik:
    gebruik = persoon.voorzieningen.select_related("dienst").filter(uuid=gebruik_uuid).first()
    if gebruik is None or not mag(actor, Actie.LEZEN, gebruik):
        raise Voorzieninggebruik.DoesNotExist
    _log(actor, "voorzieninggebruik.lezen", persoon, gebruik)
    return gebruik


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def _zet(gebruik: Voorzieninggebruik, gegevens: dict) -> None:
    onbekend = set(gegevens) - set(VELDEN)
    if onbekend:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
    for veld, waarde in gegevens.items():
        if veld == "notitie":
            waarde = " ".join(str(waarde or "").split())
        setattr(gebruik, veld, waarde)
    vandaag = timezone.localdate()
    if gebruik.sinds and gebruik.sinds > vandaag + datetime.timedelta(days=366):
        raise ValidationError({"sinds": "Kies een datum binnen een jaar vanaf vandaag."})
    if gebruik.status == GebruikStatus.GESTOPT:
        if gebruik.tot is None:
            gebruik.tot = max(vandaag, gebruik.sinds) if gebruik.sinds else vandaag
    elif "tot" not in gegevens:
        gebruik.tot = None
    if gebruik.tot and gebruik.sinds and gebruik.tot < gebruik.sinds:
        raise ValidationError({"tot": "De einddatum ligt vóór de begindatum."})
    gebruik.full_clean(exclude=["persoon", "dienst", "gemeente", "vastgelegd_door"])


def _opslaan(gebruik: Voorzieninggebruik) -> None:
    try:
        with transaction.atomic():
            gebruik.save()
    except IntegrityError:
        raise ValidationError(
            {
                "dienst": "Deze voorziening staat al bij de inwoner. Wijzig die in plaats van een "
                "nieuwe toe te voegen."
            }  # fmt: skip
        ) from None


@transaction.atomic
def vastleggen(actor, persoon: Persoon, dienst: Dienst, gegevens: dict) -> Voorzieninggebruik:
    """Record that the resident was referred to or uses a service."""
    gebruik = Voorzieninggebruik(
        persoon=persoon, dienst=dienst, gemeente_id=persoon.gemeente_id, vastgelegd_door=actor
    )
    vereis(actor, Actie.AANMAKEN, gebruik)
    if not te_kiezen(persoon).filter(pk=dienst.pk).exists():
        raise ValidationError(
            {"dienst": "Kies een voorziening uit de sociale kaart van de eigen gemeente."}
        )
    if persoon.voorzieningen.filter(dienst=dienst).exclude(status=GebruikStatus.GESTOPT).exists():
        raise ValidationError(
            {
                "dienst": "Deze voorziening staat al bij de inwoner. Wijzig die in plaats van een "
                "nieuwe toe te voegen."
            }  # fmt: skip
        )
    _zet(gebruik, gegevens)
    _opslaan(gebruik)
    _log(actor, "voorzieninggebruik.aanmaken", persoon, gebruik)
    return gebruik


@transaction.atomic
def wijzigen(actor, gebruik: Voorzieninggebruik, gegevens: dict) -> Voorzieninggebruik:
    vereis(actor, Actie.WIJZIGEN, gebruik)
    _zet(gebruik, gegevens)
    _opslaan(gebruik)
    _log(actor, "voorzieninggebruik.wijzigen", gebruik.persoon, gebruik)
    return gebruik


@transaction.atomic
def stoppen(actor, gebruik: Voorzieninggebruik, tot: datetime.date | None = None):
    """The resident no longer uses the service (kept as history)."""
    return wijzigen(actor, gebruik, {"status": GebruikStatus.GESTOPT, "tot": tot})


@transaction.atomic
def verwijderen(actor, gebruik: Voorzieninggebruik) -> None:
    """Remove a record entered by mistake (professional only)."""
    if not mag(actor, Actie.VERWIJDEREN, gebruik):
        raise PermissionDenied("U heeft geen toegang tot deze gegevens.")
    _log(actor, "voorzieninggebruik.verwijderen", gebruik.persoon, gebruik)
    gebruik.delete()
