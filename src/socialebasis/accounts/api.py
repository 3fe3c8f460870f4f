"""/api/v1/gebruikers, /api/v1/teams, /api/v1/organisaties.

A beheerder adds and changes users and teams of their own gemeente; everyone reads their own
account; staff read the teams and organisations of their gemeente.
"""

from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from socialebasis.accounts import services
from socialebasis.accounts.models import Organisatie, Rol, Team, User
from socialebasis.core.toegang import Actie, vereis, zichtbaar
from socialebasis.gebieden.models import Gebied


class TeamVeld(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        return zichtbaar(self.context["request"].user, Team)


class GebruikerSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    rol = serializers.ChoiceField(choices=Rol.choices)
    teams = TeamVeld(many=True, required=False)
    organisatie = serializers.PrimaryKeyRelatedField(
        queryset=Organisatie.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = User
        fields = ["id", "email", "naam", "rol", "gemeente", "organisatie", "teams", "is_active"]
        read_only_fields = ["id", "gemeente"]
        extra_kwargs = {"email": {"validators": []}}


class TeamSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    wijken = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=Gebied.objects.wijken(), required=False
    )

    class Meta:
        model = Team
        fields = ["id", "naam", "gemeente", "organisatie", "wijken"]
        read_only_fields = ["id", "gemeente"]
        validators = []


class OrganisatieSerializer(serializers.ModelSerializer):
    gemeenten = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Organisatie
        fields = ["id", "naam", "soort", "gemeenten", "website"]


class GebruikerViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Gebruikers van uw gemeente (beheerder) of alleen uw eigen account."""

    serializer_class = GebruikerSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return (
            zichtbaar(self.request.user, User).select_related("gemeente").prefetch_related("teams")
        )

    def create(self, request, *args, **kwargs):
        vereis(request.user, Actie.AANMAKEN, User)  # refuse before validating the input
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = services.gebruiker_aanmaken(
            self.request.user,
            email=data["email"],
            naam=data["naam"],
            rol=data["rol"],
            organisatie=data.get("organisatie"),
            teams=data.get("teams", []),
            basis_url=self.request.build_absolute_uri("/"),
        )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("email", None)
        serializer.instance = services.gebruiker_wijzigen(
            self.request.user, serializer.instance, data
        )

    @action(detail=False, methods=["get"])
    def mij(self, request):
        return Response(GebruikerSerializer(request.user, context={"request": request}).data)


class TeamViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = TeamSerializer

    def get_queryset(self):
        return (
            zichtbaar(self.request.user, Team).select_related("gemeente").prefetch_related("wijken")
        )

    def create(self, request, *args, **kwargs):
        vereis(request.user, Actie.AANMAKEN, Team)
        ser = self.get_serializer(data=request.data)
        ser.is_valid(raise_exception=True)
        team = services.team_aanmaken(
            request.user,
            naam=ser.validated_data["naam"],
            wijken=ser.validated_data.get("wijken", []),
            organisatie=ser.validated_data.get("organisatie"),
        )
        return Response(self.get_serializer(team).data, status=status.HTTP_201_CREATED)


class OrganisatieViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = OrganisatieSerializer

    def get_queryset(self):
        return zichtbaar(self.request.user, Organisatie).prefetch_related("gemeenten")
