"""/api/v1/netwerkleden, /vragenlijsten, /netwerkplannen and /instrumenten.

Lists must be filtered on one resident (``?persoon=<uuid>``): no bulk reads of network data.
Access follows access to the resident (netwerk/toegang.py); every read is audited.
"""

import uuid

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from socialebasis.core.toegang import zichtbaar
from socialebasis.netwerk import services
from socialebasis.netwerk.instrumenten import INSTRUMENTEN, score
from socialebasis.netwerk.models import (
    Evaluatie,
    Netwerkberaad,
    Netwerklid,
    Netwerkplan,
    Planactie,
    Plandoel,
    Vragenlijst,
)
from socialebasis.personen.models import Persoon

PERSOON_PARAM = OpenApiParameter(
    "persoon",
    OpenApiTypes.UUID,
    required=True,
    description="UUID van de inwoner. Verplicht: u vraagt altijd de gegevens van één inwoner op.",
)


@extend_schema_field(OpenApiTypes.UUID)
class PersoonVeld(serializers.SlugRelatedField):
    """The resident by UUID; only residents the user may see are accepted."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="uuid", **kwargs)

    def get_queryset(self):
        return zichtbaar(self.context["request"].user, Persoon)

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError:
            raise serializers.ValidationError(
                "Deze persoon bestaat niet of u heeft er geen toegang toe."
            ) from None


class PerPersoonMixin:
    """List filtered on one resident (required), detail by UUID; reads audited."""

    lees_naam = ""
    lookup_field = "uuid"
    lookup_url_kwarg = "id"

    def get_queryset(self):
        return zichtbaar(self.request.user, self.model).select_related("persoon")

    def _persoon_uuid(self):
        waarde = self.request.query_params.get("persoon", "")
        try:
            return uuid.UUID(waarde)
        except ValueError:
            raise ValidationError(
                {"persoon": ["Geef de UUID van één inwoner op, bijvoorbeeld ?persoon=<uuid>."]}
            ) from None

    def list(self, request, *args, **kwargs):
        qs = self.get_queryset().filter(persoon__uuid=self._persoon_uuid())
        page = self.paginate_queryset(qs)
        personen = {obj.persoon_id: obj.persoon for obj in page}
        if personen:
            services.gelezen_lijst(request.user, f"{self.lees_naam}.lijst", personen.values())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_object(self):
        try:
            sleutel = uuid.UUID(str(self.kwargs["id"]))
        except ValueError:
            raise Http404 from None
        obj = self.get_queryset().filter(uuid=sleutel).first()
        if obj is None:
            raise Http404
        return obj

    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        services.gelezen(request.user, f"{self.lees_naam}.lezen", obj.persoon, obj)
        return Response(self.get_serializer(obj).data)


# ---- netwerkleden -------------------------------------------------------------------------


class NetwerklidSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="uuid", read_only=True)
    persoon = PersoonVeld(help_text="UUID van de inwoner bij wie dit netwerklid hoort.")

    class Meta:
        model = Netwerklid
        fields = [
            "id",
            "persoon",
            "naam",
            "groep",
            "ring",
            "contact",
            "afstand",
            "steun_aan",
            "steun_van",
            "mantelzorger",
            "uren_per_week",
            "notitie",
            "gewijzigd",
        ]
        read_only_fields = ["id", "gewijzigd"]
        extra_kwargs = {
            "steun_aan": {
                "help_text": "Letters P, G, A, E: wat dit netwerklid aan de inwoner geeft."
            },
            "steun_van": {
                "help_text": "Letters P, G, A, E: wat dit netwerklid van de inwoner krijgt."
            },
        }

    def validate_persoon(self, value):
        if self.instance is not None and value != self.instance.persoon:
            raise serializers.ValidationError(
                "Een netwerklid verhuist niet naar een andere inwoner."
            )
        return value


@extend_schema_view(list=extend_schema(parameters=[PERSOON_PARAM]))
class NetwerklidViewSet(
    PerPersoonMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Mensen in het netwerk van een inwoner (netwerkkaart)."""

    model = Netwerklid
    lees_naam = "netwerklid"
    serializer_class = NetwerklidSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        persoon = data.pop("persoon")
        serializer.instance = services.lid_toevoegen(self.request.user, persoon, data)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("persoon", None)
        serializer.instance = services.lid_wijzigen(self.request.user, serializer.instance, data)

    def perform_destroy(self, instance):
        services.lid_verwijderen(self.request.user, instance)


# ---- vragenlijsten ------------------------------------------------------------------------


class VragenlijstSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="uuid", read_only=True)
    persoon = PersoonVeld(help_text="UUID van de inwoner over wie de vragenlijst gaat.")
    antwoorden = serializers.ListField(
        child=serializers.JSONField(allow_null=True),
        help_text=(
            "Antwoorden in de volgorde van de vragen; null = niet beantwoord. Woorden (ja, min of "
            "meer, nee; bij EDIZ ook ja! en nee!) of bij LSNS-6 getallen 0-5."
        ),
    )
    max_totaal = serializers.IntegerField(read_only=True)
    bron = serializers.SerializerMethodField()

    class Meta:
        model = Vragenlijst
        fields = [
            "id",
            "persoon",
            "instrument",
            "antwoorden",
            "datum",
            "totaal",
            "max_totaal",
            "subschalen",
            "subschaal_categorieen",
            "categorie",
            "categorie_label",
            "instellingen",
            "wijze",
            "bron",
            "aangemaakt",
        ]
        read_only_fields = [
            "id",
            "totaal",
            "subschalen",
            "subschaal_categorieen",
            "categorie",
            "categorie_label",
            "instellingen",
            "wijze",
            "aangemaakt",
        ]

    def get_bron(self, obj) -> str:
        return INSTRUMENTEN[obj.instrument].bron


@extend_schema_view(list=extend_schema(parameters=[PERSOON_PARAM]))
class VragenlijstViewSet(
    PerPersoonMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Ingevulde vragenlijsten (De Jong Gierveld, LSNS-6, EDIZ) met de score van dat moment."""

    model = Vragenlijst
    lees_naam = "vragenlijst"
    serializer_class = VragenlijstSerializer

    def perform_create(self, serializer):
        d = serializer.validated_data
        serializer.instance = services.vragenlijst_invullen(
            self.request.user, d["persoon"], d["instrument"], d["antwoorden"], datum=d.get("datum")
        )


# ---- netwerkplannen ------------------------------------------------------------------------


class PlandoelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Plandoel
        fields = ["id", "tekst"]
        read_only_fields = ["id"]


class PlanactieSerializer(serializers.ModelSerializer):
    netwerklid = serializers.SlugRelatedField(
        slug_field="uuid",
        queryset=Netwerklid.objects.none(),
        required=False,
        allow_null=True,
        help_text="UUID van het netwerklid dat de actie doet (bij eigenaar 'netwerklid').",
    )
    doel = serializers.PrimaryKeyRelatedField(
        queryset=Plandoel.objects.none(), required=False, allow_null=True
    )
    wie = serializers.CharField(read_only=True)

    class Meta:
        model = Planactie
        fields = [
            "id",
            "doel",
            "omschrijving",
            "eigenaar",
            "netwerklid",
            "eigenaar_naam",
            "wie",
            "uiterlijk",
            "status",
        ]
        read_only_fields = ["id", "wie"]

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        if plan is not None:
            self.fields["netwerklid"].queryset = plan.persoon.netwerkleden.all()
            self.fields["doel"].queryset = plan.doelen.all()


class AfspraakSerializer(serializers.Serializer):
    naam = serializers.CharField(max_length=80, help_text="Wie er was (naam of bijnaam).")
    doet = serializers.CharField(
        max_length=300,
        required=False,
        allow_blank=True,
        default="",
        help_text="Wat deze persoon gaat doen; leeg als iemand er alleen bij was.",
    )


class NetwerkberaadSerializer(serializers.ModelSerializer):
    afspraken = AfspraakSerializer(
        many=True, help_text="Wie er was en wat ieder gaat doen. Minstens één persoon."
    )

    class Meta:
        model = Netwerkberaad
        fields = ["id", "datum", "afspraken", "verslag"]
        read_only_fields = ["id"]


class EvaluatieSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evaluatie
        fields = ["id", "datum", "verslag"]
        read_only_fields = ["id"]
        extra_kwargs = {
            "datum": {"help_text": "Wanneer de inwoner en het netwerk samen terugkijken."},
            "verslag": {"help_text": "Achteraf: wat kwam eruit (leeg zolang het nog moet)."},
        }


class NetwerkplanSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="uuid", read_only=True)
    persoon = serializers.SlugRelatedField(slug_field="uuid", read_only=True)
    doelen = PlandoelSerializer(many=True, read_only=True)
    acties = PlanactieSerializer(many=True, read_only=True)
    beraden = NetwerkberaadSerializer(many=True, read_only=True)
    evaluaties = EvaluatieSerializer(many=True, read_only=True)

    class Meta:
        model = Netwerkplan
        fields = ["id", "persoon", "doelen", "acties", "beraden", "evaluaties", "gewijzigd"]


def ONDERDEEL_PARAM(naam: str, wat: str) -> OpenApiParameter:  # noqa: N802 - reads as a constant
    return OpenApiParameter(
        naam, OpenApiTypes.INT, OpenApiParameter.PATH, description=f"Het id van {wat} in dit plan."
    )


class NetwerkplanAanmakenSerializer(serializers.Serializer):
    persoon = PersoonVeld(help_text="UUID van de inwoner voor wie het plan is.")


@extend_schema_view(
    list=extend_schema(parameters=[PERSOON_PARAM]),
    create=extend_schema(request=NetwerkplanAanmakenSerializer, responses=NetwerkplanSerializer),
)
class NetwerkplanViewSet(
    PerPersoonMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Het netwerkplan van een inwoner: doelen, acties, netwerkberaden en evaluaties."""

    model = Netwerkplan
    lees_naam = "netwerkplan"
    serializer_class = NetwerkplanSerializer

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(
                "doelen", "acties__netwerklid", "acties__plan__persoon", "beraden", "evaluaties"
            )
        )

    def create(self, request, *args, **kwargs):
        invoer = NetwerkplanAanmakenSerializer(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        plan = services.plan_maken(request.user, invoer.validated_data["persoon"])
        return Response(NetwerkplanSerializer(plan).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=PlandoelSerializer, responses=PlandoelSerializer)
    @action(detail=True, methods=["post"], url_path="doelen")
    def doelen(self, request, id=None):
        """Een doel toevoegen, in de eigen woorden van de inwoner."""
        plan = self.get_object()
        invoer = PlandoelSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        doel = services.doel_toevoegen(request.user, plan.persoon, invoer.validated_data["tekst"])
        return Response(PlandoelSerializer(doel).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=PlanactieSerializer, responses=PlanactieSerializer)
    @action(detail=True, methods=["post"], url_path="acties")
    def acties(self, request, id=None):
        """Een actie toevoegen: wat, wie het doet en wanneer het klaar is."""
        plan = self.get_object()
        invoer = PlanactieSerializer(data=request.data, plan=plan)
        invoer.is_valid(raise_exception=True)
        actie = services.actie_toevoegen(request.user, plan.persoon, dict(invoer.validated_data))
        return Response(PlanactieSerializer(actie, plan=plan).data, status=status.HTTP_201_CREATED)

    def _onderdeel(self, plan, veld: str, pk):
        obj = getattr(plan, veld).filter(pk=pk).first()
        if obj is None:
            raise Http404
        obj.plan = plan  # the services read plan.persoon; skip a query
        return obj

    def _wijzig_of_weg(self, request, obj, serializer_class, wijzigen, verwijderen, **extra):
        if request.method == "DELETE":
            verwijderen(request.user, obj)
            return Response(status=status.HTTP_204_NO_CONTENT)
        invoer = serializer_class(obj, data=request.data, partial=True, **extra)
        invoer.is_valid(raise_exception=True)
        obj = wijzigen(request.user, obj, dict(invoer.validated_data))
        return Response(serializer_class(obj, **extra).data)

    @extend_schema(
        methods=["PATCH"],
        parameters=[ONDERDEEL_PARAM("doel_id", "het doel")],
        request=PlandoelSerializer,
        responses=PlandoelSerializer,
    )
    @extend_schema(
        methods=["DELETE"],
        parameters=[ONDERDEEL_PARAM("doel_id", "het doel")],
        responses={204: None},
    )
    @action(detail=True, methods=["patch", "delete"], url_path=r"doelen/(?P<doel_id>[0-9]+)")
    def doel(self, request, id=None, doel_id=None):
        """Een doel anders verwoorden of weghalen (acties bij het doel blijven staan)."""
        plan = self.get_object()
        return self._wijzig_of_weg(
            request,
            self._onderdeel(plan, "doelen", doel_id),
            PlandoelSerializer,
            lambda user, doel, data: services.doel_wijzigen(
                user, doel, data.get("tekst", doel.tekst)
            ),
            services.doel_verwijderen,
        )

    @extend_schema(
        methods=["PATCH"],
        parameters=[ONDERDEEL_PARAM("actie_id", "de actie")],
        request=PlanactieSerializer,
        responses=PlanactieSerializer,
    )
    @extend_schema(
        methods=["DELETE"],
        parameters=[ONDERDEEL_PARAM("actie_id", "de actie")],
        responses={204: None},
    )
    @action(detail=True, methods=["patch", "delete"], url_path=r"acties/(?P<actie_id>[0-9]+)")
    def actie(self, request, id=None, actie_id=None):
        """Een actie wijzigen (wie, wanneer klaar, stand van zaken) of weghalen."""
        plan = self.get_object()
        return self._wijzig_of_weg(
            request,
            self._onderdeel(plan, "acties", actie_id),
            PlanactieSerializer,
            services.actie_wijzigen,
            services.actie_verwijderen,
            plan=plan,
        )

    @extend_schema(request=NetwerkberaadSerializer, responses=NetwerkberaadSerializer)
    @action(detail=True, methods=["post"], url_path="netwerkberaden")
    def netwerkberaden(self, request, id=None):
        """Een netwerkberaad vastleggen: datum, wie er was en wat ieder gaat doen."""
        plan = self.get_object()
        invoer = NetwerkberaadSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        beraad = services.beraad_vastleggen(
            request.user,
            plan.persoon,
            datum=d["datum"],
            afspraken=d["afspraken"],
            verslag=d.get("verslag", ""),
        )
        return Response(NetwerkberaadSerializer(beraad).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        methods=["PATCH"],
        parameters=[ONDERDEEL_PARAM("beraad_id", "het netwerkberaad")],
        request=NetwerkberaadSerializer,
        responses=NetwerkberaadSerializer,
    )
    @extend_schema(
        methods=["DELETE"],
        parameters=[ONDERDEEL_PARAM("beraad_id", "het netwerkberaad")],
        responses={204: None},
    )
    @action(
        detail=True,
        methods=["patch", "delete"],
        url_path=r"netwerkberaden/(?P<beraad_id>[0-9]+)",
    )
    def netwerkberaad(self, request, id=None, beraad_id=None):
        """Een netwerkberaad aanvullen of verbeteren, of weghalen."""
        plan = self.get_object()
        return self._wijzig_of_weg(
            request,
            self._onderdeel(plan, "beraden", beraad_id),
            NetwerkberaadSerializer,
            services.beraad_wijzigen,
            services.beraad_verwijderen,
        )

    @extend_schema(request=EvaluatieSerializer, responses=EvaluatieSerializer)
    @action(detail=True, methods=["post"], url_path="evaluaties")
    def evaluaties(self, request, id=None):
        """Een datum plannen om samen terug te kijken (en later het verslag)."""
        plan = self.get_object()
        invoer = EvaluatieSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        evaluatie = services.evaluatie_plannen(
            request.user, plan.persoon, datum=d["datum"], verslag=d.get("verslag", "")
        )
        return Response(EvaluatieSerializer(evaluatie).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        methods=["PATCH"],
        parameters=[ONDERDEEL_PARAM("evaluatie_id", "de evaluatie")],
        request=EvaluatieSerializer,
        responses=EvaluatieSerializer,
    )
    @extend_schema(
        methods=["DELETE"],
        parameters=[ONDERDEEL_PARAM("evaluatie_id", "de evaluatie")],
        responses={204: None},
    )
    @action(
        detail=True,
        methods=["patch", "delete"],
        url_path=r"evaluaties/(?P<evaluatie_id>[0-9]+)",
    )
    def evaluatie(self, request, id=None, evaluatie_id=None):
        """Een evaluatie verzetten, het verslag schrijven, of de evaluatie weghalen."""
        plan = self.get_object()
        return self._wijzig_of_weg(
            request,
            self._onderdeel(plan, "evaluaties", evaluatie_id),
            EvaluatieSerializer,
            services.evaluatie_wijzigen,
            services.evaluatie_verwijderen,
        )


# ---- instrumenten (scoring without storing) ---------------------------------------------------


class VraagSerializer(serializers.Serializer):
    nummer = serializers.IntegerField()
    tekst = serializers.CharField()
    schaal = serializers.CharField(allow_null=True)
    kop = serializers.CharField()


class AntwoordSerializer(serializers.Serializer):
    waarde = serializers.JSONField()
    label = serializers.CharField()


class InstrumentSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()
    inleiding = serializers.CharField()
    vragen = VraagSerializer(many=True)
    antwoorden = AntwoordSerializer(many=True)
    bron = serializers.CharField()
    bron_urls = serializers.ListField(child=serializers.URLField())
    min_totaal = serializers.IntegerField()
    max_totaal = serializers.IntegerField()
    subschalen = serializers.ListField(child=serializers.CharField())
    opmerking = serializers.CharField()


class ScoreInvoerSerializer(serializers.Serializer):
    antwoorden = serializers.ListField(child=serializers.JSONField(allow_null=True))


class ScoreSerializer(serializers.Serializer):
    totaal = serializers.IntegerField(allow_null=True)
    max_totaal = serializers.IntegerField()
    categorie = serializers.CharField(allow_null=True)
    categorie_label = serializers.CharField(allow_null=True)
    subschalen = serializers.DictField(child=serializers.IntegerField(allow_null=True))
    subschaal_categorieen = serializers.DictField(child=serializers.CharField(allow_null=True))
    ontbrekend = serializers.ListField(child=serializers.IntegerField())
    samenvatting = serializers.CharField()
    bron = serializers.CharField()


CODE_PARAM = OpenApiParameter(
    "code",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    enum=list(INSTRUMENTEN),
    description="Code van de vragenlijst.",
)


@extend_schema_view(
    list=extend_schema(responses=InstrumentSerializer(many=True)),
    retrieve=extend_schema(parameters=[CODE_PARAM], responses=InstrumentSerializer),
)
class InstrumentViewSet(viewsets.GenericViewSet):
    """De vragenlijsten met vragen, antwoorden en bron; scoren zonder op te slaan."""

    serializer_class = InstrumentSerializer
    lookup_field = "code"
    lookup_url_kwarg = "code"
    pagination_class = None

    def get_queryset(self):  # no database model; keeps schema generation quiet
        return Persoon.objects.none()

    def _instrument(self, code):
        if code not in INSTRUMENTEN:
            raise Http404
        return INSTRUMENTEN[code]

    def list(self, request):
        return Response(InstrumentSerializer(list(INSTRUMENTEN.values()), many=True).data)

    def retrieve(self, request, code=None):
        return Response(InstrumentSerializer(self._instrument(code)).data)

    @extend_schema(
        parameters=[CODE_PARAM], request=ScoreInvoerSerializer, responses=ScoreSerializer
    )
    @action(detail=True, methods=["post"], url_path="score")
    def score(self, request, code=None):
        self._instrument(code)
        invoer = ScoreInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            r = score(
                code,
                invoer.validated_data["antwoorden"],
                settings=services.instellingen_voor(request.user.gemeente_id),
            )
        except ValueError as e:
            raise ValidationError({"antwoorden": [str(e)]}) from None
        return Response(
            ScoreSerializer(
                {
                    "totaal": r.total,
                    "max_totaal": r.max_total,
                    "categorie": r.category,
                    "categorie_label": r.category_label,
                    "subschalen": r.subscales,
                    "subschaal_categorieen": r.subscale_categories,
                    "ontbrekend": list(r.missing_items),
                    "samenvatting": r.summary,
                    "bron": r.source,
                }
            ).data,
            status=status.HTTP_200_OK,
        )


def registreer(router) -> None:
    """Register this app's viewsets on the /api/v1/ router."""
    router.register("netwerkleden", NetwerklidViewSet, basename="netwerklid")
    router.register("vragenlijsten", VragenlijstViewSet, basename="vragenlijst")
    router.register("netwerkplannen", NetwerkplanViewSet, basename="netwerkplan")
    router.register("instrumenten", InstrumentViewSet, basename="instrument")
