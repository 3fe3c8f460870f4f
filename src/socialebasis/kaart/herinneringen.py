"""Reminders: entries not checked for 12 months are flagged; their owners get an e-mail.

The task runs in the background (django.tasks); `python -m socialebasis kaart_herinneringen`
enqueues it (e.g. daily from cron). An entry is reminded at most once every 30 days.
"""

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.utils import timezone

from socialebasis.accounts.models import Rol, User
from socialebasis.audit.services import vastleggen
from socialebasis.kaart.models import Dienst

ONDERWERP = "Klopt uw aanbod in de sociale kaart nog?"


def verouderd(vandaag: dt.date | None = None):
    vandaag = vandaag or timezone.localdate()
    grens = vandaag - dt.timedelta(days=365)
    return Dienst.objects.filter(status="active").filter(
        Q(laatst_gecontroleerd__lt=grens) | Q(laatst_gecontroleerd__isnull=True)
    )


def _ontvangers(dienst) -> list[str]:
    if dienst.organisatie and dienst.organisatie.organisatie_id:
        mails = list(
            User.objects.filter(
                rol=Rol.AANBIEDER, organisatie_id=dienst.organisatie.organisatie_id, is_active=True
            ).values_list("email", flat=True)
        )
        if mails:
            return mails
    return list(
        User.objects.filter(
            rol=Rol.COORDINATOR, gemeente_id=dienst.gemeente_id, is_active=True
        ).values_list("email", flat=True)
    )


@task
def herinneringen_versturen() -> int:
    """Send one e-mail per recipient listing their outdated entries. Returns the mails sent."""
    vandaag = timezone.localdate()
    per_ontvanger: dict[str, list] = {}
    te_merken = []
    for d in (
        verouderd(vandaag)
        .select_related("organisatie")
        .exclude(herinnerd_op__gt=vandaag - dt.timedelta(days=30))
    ):
        for mail in _ontvangers(d):
            per_ontvanger.setdefault(mail, []).append(d)
        te_merken.append(d)
    for mail, diensten in per_ontvanger.items():
        regels = "\n".join(f"- {d.naam}" for d in diensten)
        send_mail(
            ONDERWERP,
            "Beste aanbieder,\n\nDeze activiteiten zijn al meer dan een jaar niet "
            f"gecontroleerd:\n\n{regels}\n\nWilt u ze nakijken? Log in op Sociale Basis en kies "
            "'Mijn aanbod in de sociale kaart'. Klopt alles? Kies dan 'Klopt nog'.\n",
            settings.DEFAULT_FROM_EMAIL,
            [mail],
        )
    with transaction.atomic():
        for d in te_merken:
            Dienst.objects.filter(pk=d.pk).update(herinnerd_op=vandaag)
            vastleggen(
                handeling="kaart.dienst.herinneren",
                activiteit="sociale-kaart-beheer",
                actor=None,
                gemeente=d.gemeente_id,
                obj=d,
            )
    return len(per_ontvanger)
