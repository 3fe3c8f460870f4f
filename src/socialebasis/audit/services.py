"""The one audit service. Every write path and every read of personal data calls `vastleggen`.

Call it inside the same transaction as the change: if the change rolls back, so does its log row,
and if the log row cannot be written, the change does not happen.
"""

import hashlib
import hmac
from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone

from socialebasis.audit import activiteiten
from socialebasis.audit.models import Status, Verwerking
from socialebasis.core import trace


def pseudoniem(soort: str, sleutel: str) -> str:
    """Keyed hash of a data subject's id: stable, not reversible without the key."""
    key = settings.PSEUDONYM_KEY.encode()
    return hmac.new(key, f"{soort}:{sleutel}".encode(), hashlib.sha256).hexdigest()


def betrokkene_van(obj) -> tuple[str, str]:
    """(pseudonym, type) for a data subject; objects define `audit_betrokkene() -> (type, key)`."""
    if obj is None:
        return "", ""
    soort, sleutel = obj.audit_betrokkene()
    return pseudoniem(soort, str(sleutel)), soort


def _rij(*, handeling, activiteit, actor, betrokkene, gemeente, obj, status, start):
    activiteiten.get(activiteit)  # refuses unknown activities
    subject, subject_type = betrokkene_van(betrokkene)
    now = timezone.now()
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return Verwerking(
        trace_id=trace.current_trace_id(),
        span_id=trace.new_span_id(),
        parent_span_id=trace.current_parent_span_id() or "",
        naam=handeling,
        verwerkingsactiviteit=activiteit,
        betrokkene=subject,
        betrokkene_type=subject_type,
        gemeente_id=getattr(gemeente, "pk", gemeente),
        actor=actor if is_user else None,
        actor_rol=getattr(actor, "rol", "") if is_user else "",
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(getattr(obj, "uuid", None) or getattr(obj, "pk", "") or "") if obj else "",
        status=status,
        start_tijd=start or now,
        eind_tijd=now,
    )


def vastleggen(
    *,
    handeling: str,
    activiteit: str,
    actor,
    betrokkene=None,
    gemeente=None,
    obj=None,
    status: str = Status.OK,
    start=None,
) -> Verwerking:
    """Write one row. `betrokkene` is the data subject (a Persoon), `obj` the record touched."""
    row = _rij(
        handeling=handeling,
        activiteit=activiteit,
        actor=actor,
        betrokkene=betrokkene,
        gemeente=gemeente,
        obj=obj,
        status=status,
        start=start,
    )
    row.save(force_insert=True)
    return row


def vastleggen_lijst(*, handeling: str, activiteit: str, actor, objecten: Iterable, gemeente=None):
    """One row per data subject for a list read (the Logboek logs per data subject)."""
    rows = [
        _rij(
            handeling=handeling,
            activiteit=activiteit,
            actor=actor,
            betrokkene=o,
            gemeente=gemeente if gemeente is not None else getattr(o, "gemeente_id", None),
            obj=o,
            status=Status.OK,
            start=None,
        )
        for o in objecten
    ]
    Verwerking.objects.bulk_create(rows)
    return rows


def geschiedenis_van(obj):
    """The processing history of one data subject, newest first."""
    subject, _ = betrokkene_van(obj)
    return Verwerking.objects.filter(betrokkene=subject).select_related("actor")


def opschonen(*, ouder_dan, actor=None) -> int:
    """Remove rows that ended before `ouder_dan` (retention period), and log that it happened.

    The only way rows leave the log. On PostgreSQL the append-only trigger lets this through
    because the transaction sets the maintenance flag locally (audit/migrations/0002).
    """
    from django.db import connection, transaction

    with transaction.atomic():
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET LOCAL socialebasis.logboek_onderhoud = 'aan'")
            cursor.execute(
                f"DELETE FROM {Verwerking._meta.db_table} WHERE eind_tijd < %s", [ouder_dan]
            )
            aantal = cursor.rowcount
            if connection.vendor == "postgresql":
                cursor.execute("SET LOCAL socialebasis.logboek_onderhoud = 'uit'")
        vastleggen(handeling="logboek.opschonen", activiteit="toezicht-logboek", actor=actor)
    return aantal
