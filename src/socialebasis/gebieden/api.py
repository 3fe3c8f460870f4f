"""Public read API for areas and their CBS figures: /api/v1/gebieden."""

import django_filters
from django.db.models import Prefetch
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny

from socialebasis.core.toegang import zichtbaar
from socialebasis.gebieden.models import Gebied, Kerncijfers, Niveau


class KerncijfersSerializer(serializers.ModelSerializer):
    aandeel_65_plus = serializers.FloatField(read_only=True, allow_null=True)

    class Meta:
        model = Kerncijfers
        fields = [
            "jaar",
            "inwoners",
            "leeftijd_0_14",
            "leeftijd_15_24",
            "leeftijd_25_44",
            "leeftijd_45_64",
            "leeftijd_65_plus",
            "aandeel_65_plus",
            "huishoudens",
            "eenpersoonshuishoudens",
            "huishoudens_met_kinderen",
            "wmo_clienten",
            "bron",
        ]


class GebiedSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    ouder = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    kerncijfers = KerncijfersSerializer(many=True, read_only=True)
    bron = serializers.SerializerMethodField()

    class Meta:
        model = Gebied
        fields = ["code", "naam", "niveau", "gemeente", "ouder", "kerncijfers", "bron"]

    def get_bron(self, obj) -> str:
        return "Bron: CBS, PDOK"


class GebiedMetGrensSerializer(GebiedSerializer):
    class Meta(GebiedSerializer.Meta):
        fields = GebiedSerializer.Meta.fields + ["grens"]


class GebiedFilter(django_filters.FilterSet):
    gemeente = django_filters.CharFilter(method="filter_gemeente", label="CBS-code van de gemeente")
    niveau = django_filters.ChoiceFilter(choices=Niveau.choices)
    ouder = django_filters.CharFilter(
        field_name="ouder__code", label="CBS-code van het hogere gebied"
    )

    punt = django_filters.CharFilter(
        method="filter_punt",
        label="Breedtegraad,lengtegraad (WGS84), bv. 52.0907,5.1214: de buurt van dit punt. "
        "Grenzen van 2014, ongeveer 300 meter nauwkeurig (zie docs/gebieden.md).",
    )

    class Meta:
        model = Gebied
        fields = ["gemeente", "niveau", "ouder", "punt"]

    def filter_punt(self, qs, name, value):
        from rest_framework.exceptions import ValidationError

        from socialebasis.gebieden.zoeken import buurt_bij

        try:
            lat, lon = (float(x) for x in value.split(","))
        except ValueError:
            raise ValidationError(
                {"punt": "Geef het punt als breedtegraad,lengtegraad, bijvoorbeeld 52.0907,5.1214."}
            ) from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValidationError({"punt": "Dit punt ligt niet op aarde: controleer de volgorde."})
        buurt = buurt_bij(lat, lon)
        return qs.filter(pk=buurt.pk) if buurt else qs.none()

    def filter_gemeente(self, qs, name, value):
        return qs.filter(gemeente__code=value.upper()) | qs.filter(code=value.upper())


class GebiedViewSet(viewsets.ReadOnlyModelViewSet):
    """Gemeenten, wijken en buurten met hun CBS-kerncijfers (open data, zonder inloggen)."""

    permission_classes = [AllowAny]
    lookup_field = "code"
    lookup_value_regex = "(GM|WK|BU)[0-9]{4,8}"
    filterset_class = GebiedFilter

    def get_queryset(self):
        return (
            zichtbaar(self.request.user, Gebied)
            .select_related("gemeente", "ouder")
            .prefetch_related(
                Prefetch("kerncijfers", queryset=Kerncijfers.objects.order_by("jaar"))
            )
            .order_by("code")
        )

    def get_serializer_class(self):
        return GebiedMetGrensSerializer if self.action == "retrieve" else GebiedSerializer
