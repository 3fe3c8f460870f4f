"""Writes for accounts (users, teams, organisations) and two-step devices."""

import base64

import segno
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from socialebasis.accounts.models import User
from socialebasis.audit import services as audit


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
