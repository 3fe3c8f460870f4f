"""Two-step login (TOTP) for staff roles when SB_REQUIRE_2FA is on (always in production)."""

from django.conf import settings
from django.shortcuts import redirect

from socialebasis.accounts.models import ROLLEN_MET_TWEE_STAPPEN
from socialebasis.core.api import problem_response

VRIJ = ("/account/", "/static/", "/taal", "/favicon.ico")


class TweeStapsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.REQUIRE_2FA
            and user is not None
            and user.is_authenticated
            and user.rol in ROLLEN_MET_TWEE_STAPPEN
            and not user.is_verified()
            and not request.path.startswith(VRIJ)
        ):
            if request.path.startswith("/api/"):
                return problem_response(
                    request, 403, "Log eerst in met de tweede stap (authenticator-app)."
                )
            from django_otp.plugins.otp_totp.models import TOTPDevice

            heeft = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
            return redirect("accounts:tweestaps" if heeft else "accounts:tweestaps_instellen")
        return self.get_response(request)
