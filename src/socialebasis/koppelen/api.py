"""API routes of this app under /api/v1/."""


def registreer(router) -> None:
    """Register this app's viewsets on the /api/v1/ router."""
