"""Token authentication (kept apart from core.api to avoid an import cycle with DRF settings)."""

from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication, get_authorization_header


class BearerTokenAuthentication(TokenAuthentication):
    """Accepts `Authorization: Token <key>` and `Authorization: Bearer <key>`."""

    def authenticate(self, request):
        auth = get_authorization_header(request).split()
        if not auth or auth[0].lower() not in (b"token", b"bearer"):
            return None
        if len(auth) != 2:
            raise exceptions.AuthenticationFailed("Het token ontbreekt of bevat spaties.")
        try:
            key = auth[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed("Het token bevat ongeldige tekens.") from None
        return self.authenticate_credentials(key)
