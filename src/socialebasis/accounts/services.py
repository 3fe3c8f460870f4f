"""Writes for accounts (users, teams, organisations) and two-step devices."""

import base64

import segno
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from socialebasis.accounts.models import Rol, Team, User
from socialebasis.audit import services as audit
from socialebasis.core.toegang import Actie, vereis
from socialebasis.gebieden.models import Gebied


def _audit(actor, handeling, obj):
    audit.vastleggen(
        handeling=handeling,
        activiteit="gebruikersbeheer",
        actor=actor,
        betrokkene=obj if isinstance(obj, User) else None,
        gemeente=actor.gemeente_id,
        obj=obj,
    )


def wachtwoord_link(user: User, basis_url: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    pad = reverse("accounts:wachtwoord_instellen", kwargs={"uidb64": uid, "token": token})
    return basis_url.rstrip("/") + pad


@task
def stuur_uitnodiging(user_id: int, basis_url: str) -> None:
    """E-mail with a link to choose a password (valid for PASSWORD_RESET_TIMEOUT)."""
    user = User.objects.get(pk=user_id)
    send_mail(
        subject="Uw account voor Sociale Basis",
        message=(
            f"Beste {user.naam},\n\n"
            "Er is een account voor u gemaakt op Sociale Basis. Kies via deze link een "
            f"wachtwoord:\n{wachtwoord_link(user, basis_url)}\n\n"
            "De link werkt een paar dagen. Heeft u dit niet verwacht? Dan hoeft u niets te doen."
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )


def _valideer_teams(actor, teams):
    for team in teams:
        if team.gemeente_id != actor.gemeente_id:
            raise ValidationError({"teams": "Dit team hoort bij een andere gemeente."})


@transaction.atomic
def gebruiker_aanmaken(
    actor, *, email: str, naam: str, rol: str, organisatie=None, teams=(), basis_url: str = ""
) -> User:
    """A beheerder adds a user to their own gemeente; the user gets an invitation e-mail."""
    vereis(actor, Actie.AANMAKEN, User)
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": "Er is al een account met dit e-mailadres."})
    if rol not in Rol.values:
        raise ValidationError({"rol": f"Onbekende rol {rol!r}."})
    _valideer_teams(actor, teams)
    user = User(
        email=email, naam=naam, rol=rol, gemeente_id=actor.gemeente_id, organisatie=organisatie
    )
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    user.teams.set(teams)
    _audit(actor, "gebruiker.aanmaken", user)
    if basis_url:
        transaction.on_commit(lambda: stuur_uitnodiging.enqueue(user.pk, basis_url))
    return user


@transaction.atomic
def gebruiker_wijzigen(actor, user: User, gegevens: dict) -> User:
    vereis(actor, Actie.WIJZIGEN, user)
    toegestaan = {"naam", "rol", "organisatie", "teams", "is_active"}
    verboden = set(gegevens) - toegestaan
    if verboden:
        raise ValidationError(f"Deze velden kunt u niet wijzigen: {', '.join(sorted(verboden))}.")
    if user.pk == actor.pk and (
        gegevens.get("is_active") is False or gegevens.get("rol", actor.rol) != actor.rol
    ):
        raise ValidationError("U kunt uw eigen rol niet wijzigen en uzelf niet uitzetten.")
    teams = gegevens.pop("teams", None)
    for veld, waarde in gegevens.items():
        setattr(user, veld, waarde)
    user.full_clean(exclude=["password"])
    user.save()
    if teams is not None:
        _valideer_teams(actor, teams)
        user.teams.set(teams)
    _audit(actor, "gebruiker.wijzigen", user)
    return user


@transaction.atomic
def team_aanmaken(actor, *, naam: str, wijken=(), organisatie=None) -> Team:
    vereis(actor, Actie.AANMAKEN, Team)
    gemeente = Gebied.objects.get(pk=actor.gemeente_id)
    if Team.objects.filter(gemeente=gemeente, naam__iexact=naam).exists():
        raise ValidationError({"naam": "Er is al een team met deze naam in uw gemeente."})
    for wijk in wijken:
        if wijk.gemeente_id != gemeente.pk:
            raise ValidationError({"wijken": f"{wijk.naam} ligt niet in {gemeente.naam}."})
    team = Team.objects.create(naam=naam, gemeente=gemeente, organisatie=organisatie)
    team.wijken.set(wijken)
    _audit(actor, "team.aanmaken", team)
    return team


def tweestaps_apparaat(user: User) -> TOTPDevice:
    """The user's unconfirmed device, made when missing (shown as a QR code to scan)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)
    return device


def qr_svg_data_uri(device: TOTPDevice) -> str:
    svg = segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#000", light="#fff")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def geheim_base32(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")


@transaction.atomic
def tweestaps_bevestigen(request, device: TOTPDevice, code: str) -> bool:
    if not device.verify_token(code):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    otp_login(request, device)
    audit.vastleggen(
        handeling="tweestaps.ingesteld",
        activiteit="gebruikersbeheer",
        actor=request.user,
        gemeente=request.user.gemeente_id,
        obj=device,
    )
    return True


def tweestaps_controleren(request, code: str) -> bool:
    for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
        if device.verify_token(code):
            otp_login(request, device)
            return True
    return False
