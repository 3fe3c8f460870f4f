"""/api/v1/: one router, no trailing slashes (a slash gives 404, not a redirect)."""

from importlib import import_module

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.permissions import AllowAny
from rest_framework.routers import SimpleRouter

from socialebasis.accounts.api import GebruikerViewSet, OrganisatieViewSet, TeamViewSet
from socialebasis.audit.api import VerwerkingViewSet
from socialebasis.gebieden.api import GebiedViewSet
from socialebasis.personen.api import PersoonViewSet


class OpenApiView(SpectacularJSONAPIView):
    permission_classes = [AllowAny]
    authentication_classes = []


router = SimpleRouter(trailing_slash=False)
router.register("gebieden", GebiedViewSet, basename="gebied")
router.register("personen", PersoonViewSet, basename="persoon")
router.register("verwerkingen", VerwerkingViewSet, basename="verwerking")
router.register("gebruikers", GebruikerViewSet, basename="gebruiker")
router.register("teams", TeamViewSet, basename="team")
router.register("organisaties", OrganisatieViewSet, basename="organisatie")
for app in ("kaart", "koppelen", "netwerk", "toeleiding"):
    import_module(f"socialebasis.{app}.api").registreer(router)

app_name = "api"
urlpatterns = [
    path("openapi.json", OpenApiView.as_view(), name="openapi"),
    *router.urls,
]
