from django.conf import settings

from socialebasis.accounts.models import ROLLEN_MET_TWEE_STAPPEN


def platform(request):
    user = getattr(request, "user", None)
    return {
        "OMGEVING": settings.ENVIRONMENT,
        "TWEE_STAPPEN_UIT": not settings.REQUIRE_2FA
        and user is not None
        and user.is_authenticated
        and user.rol in ROLLEN_MET_TWEE_STAPPEN,
    }
