"""/api/v1/verwerkingen: search the audit log (beheerder of the gemeente; a resident: own rows)."""

import django_filters
from rest_framework import serializers, viewsets

from socialebasis.audit.models import Verwerking
from socialebasis.core.toegang import zichtbaar


class VerwerkingSerializer(serializers.ModelSerializer):
    actor = serializers.PrimaryKeyRelatedField(read_only=True)
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Verwerking
        fields = [
            "trace_id",
            "span_id",
            "parent_span_id",
            "naam",
            "verwerkingsactiviteit",
            "betrokkene",
            "betrokkene_type",
            "gemeente",
            "actor",
            "actor_rol",
            "object_type",
            "object_id",
            "status",
            "start_tijd",
            "eind_tijd",
        ]


class VerwerkingFilter(django_filters.FilterSet):
    traceId = django_filters.CharFilter(field_name="trace_id")
    naam = django_filters.CharFilter(field_name="naam")
    verwerkingsactiviteit = django_filters.CharFilter()
    betrokkene = django_filters.CharFilter()
    actor = django_filters.NumberFilter(field_name="actor_id")
    status = django_filters.CharFilter()
    vanaf = django_filters.IsoDateTimeFilter(field_name="start_tijd", lookup_expr="gte")
    tot = django_filters.IsoDateTimeFilter(field_name="start_tijd", lookup_expr="lt")

    class Meta:
        model = Verwerking
        fields = []


class VerwerkingViewSet(viewsets.ReadOnlyModelViewSet):
    """Logboek dataverwerkingen (alleen lezen; het logboek kan niet worden gewijzigd)."""

    serializer_class = VerwerkingSerializer
    filterset_class = VerwerkingFilter
    lookup_field = "span_id"
    lookup_value_regex = "[0-9a-f]{16}"

    def get_queryset(self):
        return zichtbaar(self.request.user, Verwerking).select_related("gemeente")
