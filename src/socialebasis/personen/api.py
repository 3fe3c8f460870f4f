"""/api/v1/personen: residents, their consent and their processing history. All reads audited."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from socialebasis.audit import services as audit
from socialebasis.audit.api import VerwerkingSerializer
from socialebasis.core.toegang import zichtbaar
from socialebasis.gebieden.models import Gebied
from socialebasis.personen import services
from socialebasis.personen.models import Doel, Persoon, Toestemming


class ToestemmingSerializer(serializers.ModelSerializer):
    actief = serializers.BooleanField(read_only=True)

    class Meta:
        model = Toestemming
        fields = ["id", "doel", "gegeven_op", "bron", "toelichting", "ingetrokken_op", "actief"]
        read_only_fields = ["id", "gegeven_op", "bron", "ingetrokken_op", "actief"]


class PersoonSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="uuid", read_only=True)
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    buurt = serializers.SlugRelatedField(
        slug_field="code", queryset=Gebied.objects.buurten(), required=False, allow_null=True
    )
    toestemmingen = serializers.ListField(
        child=serializers.ChoiceField(choices=Doel.choices),
        write_only=True,
        required=False,
        help_text="Doelen waarvoor de inwoner toestemming geeft (bij aanmaken).",
    )

    class Meta:
        model = Persoon
        fields = [
            "id",
            "voornaam",
            "tussenvoegsel",
            "achternaam",
            "email",
            "telefoon",
            "straat",
            "huisnummer",
            "postcode",
            "woonplaats",
            "buurt",
            "geboortejaar",
            "team",
            "gemeente",
            "toestemmingen",
            "gewijzigd",
        ]
        read_only_fields = ["id", "gemeente", "gewijzigd"]
        # Model validation runs in the service (full_clean), in one transaction.
        validators = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.validators = [v for v in field.validators if not hasattr(v, "queryset")]


class PersoonViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Inwoners. U ziet alleen wie u voor uw taak nodig heeft; elke inzage wordt gelogd."""

    serializer_class = PersoonSerializer
    lookup_field = "uuid"
    lookup_url_kwarg = "id"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return services.lijst(self.request.user).select_related("gemeente", "buurt", "team")

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        services.gelezen_lijst(request.user, page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_object(self):
        # Not visible and not existing look the same from outside (no existence leak).
        try:
            return services.lezen(self.request.user, self.kwargs["id"])
        except (Persoon.DoesNotExist, ValueError, DjangoPermissionDenied):
            raise Http404 from None

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        toestemmingen = data.pop("toestemmingen", [])
        serializer.instance = services.aanmaken(
            self.request.user, data, toestemmingen=toestemmingen
        )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("toestemmingen", None)
        serializer.instance = services.wijzigen(self.request.user, serializer.instance, data)

    @extend_schema(responses=ToestemmingSerializer(many=True), request=ToestemmingSerializer)
    @action(detail=True, methods=["get", "post"], url_path="toestemmingen")
    def toestemmingen(self, request, id=None):
        persoon = self.get_object()
        if request.method == "POST":
            ser = ToestemmingSerializer(data=request.data)
            ser.is_valid(raise_exception=True)
            t = services.toestemming_vastleggen(
                request.user,
                persoon,
                ser.validated_data["doel"],
                ser.validated_data.get("toelichting", ""),
            )
            return Response(ToestemmingSerializer(t).data, status=status.HTTP_201_CREATED)
        return Response(ToestemmingSerializer(persoon.toestemmingen.all(), many=True).data)

    @extend_schema(request=None, responses=ToestemmingSerializer)
    @action(
        detail=True,
        methods=["post"],
        url_path=r"toestemmingen/(?P<toestemming_id>[0-9]+)/intrekking",
    )
    def intrekking(self, request, id=None, toestemming_id=None):
        persoon = self.get_object()
        t = get_object_or_404(persoon.toestemmingen, pk=toestemming_id)
        t = services.toestemming_intrekken(request.user, t)
        return Response(ToestemmingSerializer(t).data)

    @extend_schema(responses=VerwerkingSerializer(many=True))
    @action(detail=True, methods=["get"], url_path="verwerkingen")
    def verwerkingen(self, request, id=None):
        """Wat er met de gegevens van deze persoon is gedaan (eigen verwerkingsgeschiedenis)."""
        persoon = Persoon.objects.filter(uuid=id).first() if _is_uuid(id) else None
        if persoon is None:
            raise Http404
        eigen = request.user.is_authenticated and persoon.account_id == request.user.pk
        beheerder = (
            request.user.is_authenticated
            and request.user.rol == "beheerder"
            and (request.user.gemeente_id == persoon.gemeente_id)
        )
        if not (eigen or beheerder):
            raise Http404
        qs = zichtbaar(request.user, audit.geschiedenis_van(persoon))
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(VerwerkingSerializer(page, many=True).data)


def _is_uuid(value) -> bool:
    import uuid

    try:
        uuid.UUID(str(value))
        return True
    except ValueError:
        return False
