"""/api/v1/voorzieningen-gebruik: which services of the sociale kaart a resident uses.

Lists must be filtered on one resident (``?persoon=<uuid>``): no bulk reads. Access follows
access to the resident (toeleiding/toegang.py); every read is audited.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, viewsets

from socialebasis.kaart.models import Dienst
from socialebasis.netwerk.api import PERSOON_PARAM, PerPersoonMixin, PersoonVeld
from socialebasis.toeleiding import services
from socialebasis.toeleiding.models import Voorzieninggebruik


@extend_schema_field(OpenApiTypes.UUID)
class DienstVeld(serializers.PrimaryKeyRelatedField):
    """A published service of the sociale kaart, by its id (the HSDS id)."""

    def get_queryset(self):
        return Dienst.objects.filter(publicatie="gepubliceerd")

    def to_representation(self, value):
        return str(value.pk)

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError:
            raise serializers.ValidationError(
                "Deze voorziening staat niet (meer) in de sociale kaart."
            ) from None


class VoorzieninggebruikSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="uuid", read_only=True)
    persoon = PersoonVeld(help_text="UUID van de inwoner die de voorziening gebruikt.")
    dienst = DienstVeld(
        help_text="Id van de dienst in de sociale kaart (HSDS service id) van de eigen gemeente."
    )
    dienst_naam = serializers.CharField(source="dienst.naam", read_only=True)

    class Meta:
        model = Voorzieninggebruik
        fields = [
            "id",
            "persoon",
            "dienst",
            "dienst_naam",
            "status",
            "sinds",
            "tot",
            "notitie",
            "gewijzigd",
        ]
        read_only_fields = ["id", "dienst_naam", "gewijzigd"]
        extra_kwargs = {
            "status": {"help_text": "verwezen, in_gebruik of gestopt (gestopt zet 'tot')."},
            "tot": {"help_text": "Laatste dag van gebruik; leeg zolang het loopt."},
        }

    def validate(self, attrs):
        if self.instance is not None:
            if "persoon" in attrs and attrs["persoon"] != self.instance.persoon:
                raise serializers.ValidationError(
                    {"persoon": "Dit gebruik verhuist niet naar een andere inwoner."}
                )
            if "dienst" in attrs and attrs["dienst"] != self.instance.dienst:
                raise serializers.ValidationError(
                    {"dienst": "Kies een andere voorziening door een nieuwe toe te voegen."}
                )
        return attrs


@extend_schema_view(list=extend_schema(parameters=[PERSOON_PARAM]))
class VoorzieninggebruikViewSet(
    PerPersoonMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Voorzieningen uit de sociale kaart waar een inwoner naar verwezen is of die hij gebruikt."""

    model = Voorzieninggebruik
    lees_naam = "voorzieninggebruik"
    serializer_class = VoorzieninggebruikSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        return super().get_queryset().select_related("dienst")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        persoon, dienst = data.pop("persoon"), data.pop("dienst")
        serializer.instance = services.vastleggen(self.request.user, persoon, dienst, data)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("persoon", None)
        data.pop("dienst", None)
        serializer.instance = services.wijzigen(self.request.user, serializer.instance, data)

    def perform_destroy(self, instance):
        services.verwijderen(self.request.user, instance)


def registreer(router) -> None:
    """Register this app's viewsets on the /api/v1/ router."""
    router.register(
        "voorzieningen-gebruik", VoorzieninggebruikViewSet, basename="voorzieninggebruik"
    )
