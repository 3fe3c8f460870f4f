"""API routes of this app under /api/v1/."""


def registreer(router) -> None:
    """Register this app's viewsets on the /api/v1/ router (see kaart/api_v1.py)."""
    from socialebasis.kaart import api_v1

    api_v1.registreer(router)
