"""/api/v1/gebruikers, /api/v1/teams, /api/v1/organisaties."""

from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from socialebasis.accounts.models import Organisatie, Team, User
from socialebasis.core.toegang import zichtbaar


class GebruikerSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = User
        fields = ["id", "email", "naam", "rol", "gemeente", "organisatie", "teams"]
        read_only_fields = fields


class TeamSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    wijken = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Team
        fields = ["id", "naam", "gemeente", "organisatie", "wijken"]


class OrganisatieSerializer(serializers.ModelSerializer):
    gemeenten = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Organisatie
        fields = ["id", "naam", "soort", "gemeenten", "website"]


class GebruikerViewSet(viewsets.ReadOnlyModelViewSet):
    """Gebruikers van uw gemeente (beheerder) of alleen uw eigen account."""

    serializer_class = GebruikerSerializer

    def get_queryset(self):
        return (
            zichtbaar(self.request.user, User).select_related("gemeente").prefetch_related("teams")
        )

    @action(detail=False, methods=["get"])
    def mij(self, request):
        return Response(GebruikerSerializer(request.user).data)


class TeamViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = TeamSerializer

    def get_queryset(self):
        return (
            zichtbaar(self.request.user, Team).select_related("gemeente").prefetch_related("wijken")
        )


class OrganisatieViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = OrganisatieSerializer

    def get_queryset(self):
        return zichtbaar(self.request.user, Organisatie).prefetch_related("gemeenten")
