"""E-mail notifications for Koppelen, sent as background tasks (Django tasks framework).

Bodies hold no more personal data than needed: never a resident's address, health or diet in
mail; the reader logs in to see details. Tasks take ids and read fresh data when they run.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.utils import formats, timezone

from socialebasis.accounts.models import User


def _adres_van_vrijwilliger(vrijwilliger) -> str:
    if vrijwilliger.account_id and vrijwilliger.account.email:
        return vrijwilliger.account.email
    return vrijwilliger.persoon.email


@task
def nieuw_voorstel(koppeling_id: int) -> None:
    from socialebasis.koppelen.models import Koppeling

    k = Koppeling.objects.select_related("aanbod__vrijwilliger__persoon").get(pk=koppeling_id)
    v = k.aanbod.vrijwilliger
    adres = _adres_van_vrijwilliger(v)
    if not adres:
        return
    send_mail(
        subject="Nieuw voorstel voor u als vrijwilliger",
        message=(
            f"Beste {v.persoon.voornaam},\n\n"
            f"Er is een nieuw voorstel voor u: {k.aanbod.get_soort_display().lower()}.\n"
            "Log in op Sociale Basis om te zien om wie het gaat en om ja of nee te zeggen.\n"
            "Liever bellen? Neem dan contact op met uw coördinator.\n"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[adres],
    )


@task
def kennismaking_gepland(koppeling_id: int) -> None:
    from socialebasis.koppelen.models import Koppeling

    k = Koppeling.objects.select_related("hulpvraag__persoon", "aanbod__vrijwilliger__persoon").get(
        pk=koppeling_id
    )
    inwoner = k.hulpvraag.persoon
    adres = (inwoner.account.email if inwoner.account_id else "") or inwoner.email
    if not adres or not k.kennismaking_op:
        return
    wanneer = formats.date_format(timezone.localtime(k.kennismaking_op), "l j F Y, H:i")
    send_mail(
        subject="Afspraak voor een kennismaking",
        message=(
            f"Beste {inwoner.voornaam},\n\n"
            f"U maakt kennis met vrijwilliger {k.aanbod.vrijwilliger.persoon.voornaam} "
            f"op {wanneer}.\n"
            "Past dit niet? Neem dan contact op met de coördinator.\n"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[adres],
    )


@task
def zorgsignaal_ontvangen(zorgsignaal_id: int, ontvanger_ids: list[int]) -> None:
    ontvangers = list(
        User.objects.filter(pk__in=ontvanger_ids, is_active=True).values_list("email", flat=True)
    )
    if not ontvangers:
        return
    for adres in ontvangers:  # one mail each: recipients do not see each other
        send_mail(
            subject="Nieuw zorgsignaal van een vrijwilliger",
            message=(
                "Een vrijwilliger heeft een zorgsignaal gemeld over een inwoner voor wie u "
                "verantwoordelijk bent.\nLog in op Sociale Basis om het signaal te lezen.\n"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[adres],
        )


@task
def herinnering(user_id: int, evaluaties: int, zonder_contact: int) -> None:
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    regels = []
    if evaluaties:
        regels.append(f"- {evaluaties} koppeling(en) toe aan de evaluatie na zes weken;")
    if zonder_contact:
        regels.append(f"- {zonder_contact} koppeling(en) al een tijd zonder contactmoment.")
    send_mail(
        subject="Koppelen: herinnering",
        message=f"Beste {user.naam},\n\nEr wacht werk op u:\n" + "\n".join(regels) + "\n\n"
        "Log in op Sociale Basis om de koppelingen te bekijken.\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )
