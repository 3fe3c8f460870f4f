"""API routes of Koppelen under /api/v1/: the same rules as the screens (koppelen/toegang.py).

Every list and detail read of personal data is audited; what a volunteer sees of a resident is
the limited view (first name, buurt, rounded distance, diet, days) until they accept; then the
address, read through the audited service.
"""

from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from socialebasis.accounts.models import Organisatie, Rol
from socialebasis.core.toegang import zichtbaar
from socialebasis.koppelen import services
from socialebasis.koppelen.models import (
    Aanbod,
    Dieet,
    Hulpvraag,
    Koppeling,
    Soort,
    Urgentie,
    Vrijwilliger,
    VrijwilligerStatus,
    Zorgsignaal,
)
from socialebasis.personen import services as personen


def _dag():
    return serializers.IntegerField(min_value=0, max_value=6)


class AanbodSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="uuid", read_only=True)
    soort_hulp = serializers.ChoiceField(source="soort", choices=Soort.choices)
    vrijwilliger = serializers.UUIDField(
        source="vrijwilliger.uuid",
        required=False,
        help_text="Bij aanmaken door de coördinator: de vrijwilliger van dit aanbod.",
    )
    dagen = serializers.ListField(child=_dag(), help_text="0 = maandag … 6 = zondag")
    dieten = serializers.ListField(child=serializers.ChoiceField(Dieet.choices), required=False)
    talen = serializers.ListField(child=serializers.CharField(max_length=10), required=False)

    class Meta:
        model = Aanbod
        fields = [
            "id",
            "vrijwilliger",
            "soort_hulp",
            "capaciteit",
            "dagen",
            "tijden",
            "straal_m",
            "kan_bezorgen",
            "dieten",
            "talen",
            "actief",
        ]
        extra_kwargs = {"actief": {"required": False, "help_text": "Alleen de coördinator."}}


class VrijwilligerSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="uuid", read_only=True)
    voornaam = serializers.CharField(source="persoon.voornaam")
    achternaam = serializers.CharField(source="persoon.achternaam")
    buurt = serializers.CharField(source="persoon.buurt.code", default=None)
    organisatie = serializers.CharField(source="organisatie.naam", default=None)
    vog_geldig_tot = serializers.DateField(read_only=True)
    aanbod = AanbodSerializer(many=True, read_only=True)

    class Meta:
        model = Vrijwilliger
        fields = [
            "id",
            "voornaam",
            "achternaam",
            "buurt",
            "organisatie",
            "status",
            "vog_datum",
            "vog_geldig_tot",
            "talen",
            "aangemeld_op",
            "aanbod",
        ]


class StatuswijzigingSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=VrijwilligerStatus.choices)
    toelichting = serializers.CharField(max_length=300, required=False, allow_blank=True)


class BeoordelingSerializer(serializers.Serializer):
    urgentie = serializers.ChoiceField(choices=Urgentie.choices)
    kwetsbaar = serializers.BooleanField()


class HulpvraagSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="uuid", read_only=True)
    soort_hulp = serializers.ChoiceField(source="soort", choices=Soort.choices)
    persoon = serializers.UUIDField(
        source="persoon.uuid",
        required=False,
        help_text="De inwoner. Een ingelogde inwoner laat dit weg (of geeft zichzelf op).",
    )
    organisatie = serializers.PrimaryKeyRelatedField(
        queryset=Organisatie.objects.all(),
        required=False,
        allow_null=True,
        help_text="De organisatie die koppelt (verplicht als een inwoner zelf aanvraagt).",
    )
    dagen = serializers.ListField(child=_dag(), required=False)
    voorkeursdagen = serializers.ListField(child=_dag(), required=False)
    dieten = serializers.ListField(child=serializers.ChoiceField(Dieet.choices), required=False)
    talen = serializers.ListField(child=serializers.CharField(max_length=10), required=False)
    toestemming_koppelen = serializers.BooleanField(
        write_only=True,
        required=False,
        help_text="De inwoner geeft toestemming om een vrijwilliger te zoeken.",
    )

    class Meta:
        model = Hulpvraag
        fields = [
            "id",
            "persoon",
            "organisatie",
            "soort_hulp",
            "frequentie",
            "dagen",
            "voorkeursdagen",
            "dieten",
            "allergieen",
            "talen",
            "voorkeuren",
            "huisdieren",
            "levering",
            "urgentie",
            "kwetsbaar",
            "wacht_sinds",
            "status",
            "toestemming_koppelen",
        ]
        read_only_fields = ["id", "wacht_sinds", "status"]


class KoppelingSerializer(serializers.ModelSerializer):
    """The coördinator's view of a match."""

    id = serializers.UUIDField(source="uuid", read_only=True)
    hulpvraag = serializers.UUIDField(source="hulpvraag.uuid")
    aanbod = serializers.UUIDField(source="aanbod.uuid")
    vrijwilliger = serializers.UUIDField(source="aanbod.vrijwilliger.uuid", read_only=True)

    class Meta:
        model = Koppeling
        fields = [
            "id",
            "hulpvraag",
            "aanbod",
            "vrijwilliger",
            "status",
            "afstand_m",
            "uitleg",
            "onvervulde_wensen",
            "handmatig",
            "voorgesteld_op",
            "kennismaking_op",
            "gestart_op",
            "evaluatie_voor",
            "geevalueerd_op",
            "beeindigd_op",
            "eind_reden",
        ]
        read_only_fields = fields


class InwonerSerializer(serializers.Serializer):
    """What the volunteer sees of the resident: limited before acceptance, address after."""

    voornaam = serializers.CharField()
    buurt = serializers.CharField()
    afstand = serializers.CharField()
    soort = serializers.CharField()
    frequentie = serializers.CharField()
    dieten = serializers.ListField(child=serializers.CharField())
    dagen = serializers.ListField(child=serializers.CharField())
    levering = serializers.CharField()
    huisdieren = serializers.BooleanField()
    straat = serializers.CharField(required=False)
    huisnummer = serializers.CharField(required=False)
    postcode = serializers.CharField(required=False)
    woonplaats = serializers.CharField(required=False)
    telefoon = serializers.CharField(required=False)


class VrijwilligerKoppelingSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="uuid", read_only=True)
    soort_hulp = serializers.CharField(source="aanbod.soort", read_only=True)
    inwoner = serializers.SerializerMethodField()

    class Meta:
        model = Koppeling
        fields = ["id", "soort_hulp", "status", "kennismaking_op", "gestart_op", "inwoner"]
        read_only_fields = fields

    @extend_schema_field(InwonerSerializer)
    def get_inwoner(self, k):
        user = self.context["request"].user
        gegevens = services.voorstel_weergave(user, k)
        if k.adres_zichtbaar:
            gegevens.update(services.adres_lezen(user, k))
        return gegevens


class EigenKoppelingSerializer(serializers.ModelSerializer):
    """The resident's view: status, day and the volunteer's first name, nothing more."""

    id = serializers.UUIDField(source="uuid", read_only=True)
    soort_hulp = serializers.CharField(source="hulpvraag.soort", read_only=True)
    vrijwilliger_voornaam = serializers.CharField(
        source="aanbod.vrijwilliger.persoon.voornaam", read_only=True
    )

    class Meta:
        model = Koppeling
        fields = ["id", "soort_hulp", "status", "kennismaking_op", "vrijwilliger_voornaam"]
        read_only_fields = fields


class ZorgsignaalSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="uuid", read_only=True)
    koppeling = serializers.UUIDField(source="koppeling.uuid")
    persoon = serializers.UUIDField(source="persoon.uuid", read_only=True)

    class Meta:
        model = Zorgsignaal
        fields = ["id", "koppeling", "persoon", "omschrijving", "spoed", "status", "aangemaakt"]
        read_only_fields = ["id", "persoon", "status", "aangemaakt"]


class _Basis(viewsets.GenericViewSet):
    lookup_field = "uuid"
    lookup_url_kwarg = "id"
    lookup_value_regex = "[0-9a-f-]{36}"
    model = None
    handeling = ""

    def get_queryset(self):
        return zichtbaar(self.request.user, self.model)

    def _log(self, objecten):
        services.gelezen_lijst(self.request.user, objecten, self.handeling)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        self._log(page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        self._log([obj])
        return Response(self.get_serializer(obj).data)


class VrijwilligerViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, _Basis):
    """Vrijwilligers: de coördinator ziet die van de eigen organisatie; u ziet uzelf."""

    serializer_class = VrijwilligerSerializer
    model = Vrijwilliger
    handeling = "vrijwilliger.lezen"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("persoon__buurt", "organisatie")
            .prefetch_related("aanbod")
        )

    @extend_schema(request=StatuswijzigingSerializer, responses=VrijwilligerSerializer)
    @action(detail=True, methods=["post"], url_path="status", url_name="status")
    def status(self, request, id=None):
        """De coördinator zet de vrijwilliger een stap verder: aangemeld → intake → actief ⇄
        gepauzeerd → gestopt. Een ongeldige stap geeft 400 met uitleg."""
        v = self.get_object()
        invoer = StatuswijzigingSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        v = services.vrijwilliger_status(
            request.user,
            v,
            invoer.validated_data["status"],
            invoer.validated_data.get("toelichting", ""),
        )
        v = self.get_queryset().get(pk=v.pk)
        return Response(self.get_serializer(v).data)


class AanbodViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    _Basis,
):
    """Aanbod van vrijwilligers (wat, wanneer, hoe ver). Aanmaken: de coördinator. Wijzigen
    (PATCH): de coördinator, of de vrijwilliger het eigen aanbod (niet of het actief is)."""

    serializer_class = AanbodSerializer
    model = Aanbod
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return super().get_queryset().select_related("vrijwilliger")

    def _log(self, objecten):  # an offer holds no personal data beyond the volunteer's id
        pass

    @staticmethod
    def _gegevens(serializer) -> dict:
        data = dict(serializer.validated_data)
        data.pop("vrijwilliger", None)
        return data

    def perform_create(self, serializer):
        if self.request.user.rol != Rol.COORDINATOR:
            raise PermissionDenied("Alleen de coördinator legt nieuw aanbod vast.")
        sleutel = serializer.validated_data.get("vrijwilliger", {}).get("uuid")
        if sleutel is None:
            raise serializers.ValidationError({"vrijwilliger": "Kies de vrijwilliger."})
        v = zichtbaar(self.request.user, Vrijwilliger).filter(uuid=sleutel).first()
        if v is None:
            raise serializers.ValidationError({"vrijwilliger": "Onbekende vrijwilliger."})
        serializer.instance = services.aanbod_opslaan(
            self.request.user, v, self._gegevens(serializer)
        )

    def perform_update(self, serializer):
        aanbod = serializer.instance
        if "vrijwilliger" in serializer.validated_data:
            raise serializers.ValidationError(
                {"vrijwilliger": "Aanbod verhuist niet naar een andere vrijwilliger."}
            )
        serializer.instance = services.aanbod_opslaan(
            self.request.user, aanbod.vrijwilliger, self._gegevens(serializer), aanbod
        )


class HulpvraagViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, _Basis
):
    """Hulpvragen van inwoners. Aanmaken: professional of coördinator, met toestemming; of de
    inwoner zelf (voor zichzelf, met `organisatie` en `toestemmingKoppelen: true`; urgentie en
    kwetsbaarheid bepaalt de coördinator)."""

    serializer_class = HulpvraagSerializer
    model = Hulpvraag
    handeling = "hulpvraag.lezen"

    def get_queryset(self):
        return super().get_queryset().select_related("persoon").order_by("-urgentie", "wacht_sinds")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        persoon_uuid = data.pop("persoon", {}).get("uuid")
        toestemming = data.pop("toestemming_koppelen", False)
        if self.request.user.rol == Rol.INWONER:
            return self._zelf(serializer, data, persoon_uuid, toestemming)
        if self.request.user.rol not in (Rol.PROFESSIONAL, Rol.COORDINATOR):
            raise PermissionDenied("U mag geen hulpvragen invoeren.")
        if persoon_uuid is None:
            raise serializers.ValidationError({"persoon": "Kies de inwoner."})
        persoon = personen.lijst(self.request.user).filter(uuid=persoon_uuid).first()
        if persoon is None:
            raise serializers.ValidationError({"persoon": "Onbekende inwoner."})
        serializer.instance = services.hulpvraag_aanmaken(
            self.request.user, persoon, data, toestemming_koppelen=toestemming
        )

    @extend_schema(request=BeoordelingSerializer, responses=HulpvraagSerializer)
    @action(detail=True, methods=["post"], url_path="beoordeling", url_name="beoordeling")
    def beoordeling(self, request, id=None):
        """De coördinator bepaalt de urgentie (0 normaal, 1 hoog, 2 spoed) en of de inwoner
        kwetsbaar is (dan is een geldige VOG nodig). Bijvoorbeeld na een gesprek over een vraag
        die de inwoner zelf invoerde."""
        hv = self.get_object()
        invoer = BeoordelingSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        hv = services.hulpvraag_beoordelen(request.user, hv, **invoer.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=hv.pk)).data)

    def _zelf(self, serializer, data, persoon_uuid, toestemming):
        eigen = getattr(self.request.user, "persoon", None)
        if eigen is None or (persoon_uuid is not None and persoon_uuid != eigen.uuid):
            raise PermissionDenied("U kunt alleen voor uzelf een hulpvraag invoeren.")
        organisatie = data.pop("organisatie", None)
        serializer.instance = services.eigen_hulpvraag_aanmaken(
            self.request.user, data, organisatie=organisatie, toestemming=toestemming
        )


class KoppelingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, _Basis):
    """Koppelingen. De vrijwilliger ziet het adres pas na acceptatie; de inwoner alleen de
    voornaam van de vrijwilliger en de stand van zaken."""

    model = Koppeling
    handeling = "koppeling.lezen"

    def get_serializer_class(self):
        rol = getattr(self.request.user, "rol", None)
        if rol == Rol.VRIJWILLIGER:
            return VrijwilligerKoppelingSerializer
        if rol == Rol.INWONER:
            return EigenKoppelingSerializer
        return KoppelingSerializer

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("hulpvraag__persoon__buurt", "aanbod__vrijwilliger__persoon")
            .order_by("-voorgesteld_op", "id")
        )

    def _log(self, objecten):
        if self.request.user.rol == Rol.COORDINATOR:
            services.gelezen_lijst(
                self.request.user, [k.hulpvraag for k in objecten], self.handeling
            )
        # volunteers: voorstel_weergave / adres_lezen log each read; inwoner: own data.

    @extend_schema(request=None, responses=KoppelingSerializer)
    @action(detail=True, methods=["post"], url_path="acceptatie", url_name="acceptatie")
    def acceptatie(self, request, id=None):
        """De vrijwilliger zegt ja (of de coördinator legt dat ja vast)."""
        k = services.accepteren(request.user, self.get_object())
        return Response(self.get_serializer(k).data, status=status.HTTP_200_OK)

    @extend_schema(request=None, responses=KoppelingSerializer)
    @action(detail=True, methods=["post"], url_path="afwijzing", url_name="afwijzing")
    def afwijzing(self, request, id=None):
        """De vrijwilliger (of de coördinator namens een van beiden) zegt nee."""
        k = self.get_object()
        if request.user.rol not in (Rol.VRIJWILLIGER, Rol.COORDINATOR):
            raise PermissionDenied("U mag dit voorstel niet afwijzen.")
        k = services.afwijzen(request.user, k, str(request.data.get("reden", ""))[:300])
        return Response(self.get_serializer(k).data)


class ZorgsignaalViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, _Basis
):
    """Zorgsignalen: de vrijwilliger meldt; alleen de verantwoordelijke professional (of de
    coördinator als de inwoner geen team heeft) ziet het signaal."""

    serializer_class = ZorgsignaalSerializer
    model = Zorgsignaal
    handeling = "zorgsignaal.lezen"

    def get_queryset(self):
        return super().get_queryset().select_related("persoon", "koppeling")

    def perform_create(self, serializer):
        data = serializer.validated_data
        if self.request.user.rol != Rol.VRIJWILLIGER:
            raise PermissionDenied("Alleen een vrijwilliger meldt een zorgsignaal.")
        k = (
            zichtbaar(self.request.user, Koppeling)
            .filter(uuid=data["koppeling"]["uuid"])
            .select_related("hulpvraag__persoon", "aanbod__vrijwilliger")
            .first()
        )
        if k is None:
            raise Http404
        serializer.instance = services.zorgsignaal_melden(
            self.request.user, k, data["omschrijving"], data.get("spoed", False)
        )


def registreer(router) -> None:
    """Register this app's viewsets on the /api/v1/ router."""
    router.register("vrijwilligers", VrijwilligerViewSet, basename="vrijwilliger")
    router.register("aanbod", AanbodViewSet, basename="aanbod")
    router.register("hulpvragen", HulpvraagViewSet, basename="hulpvraag")
    router.register("koppelingen", KoppelingViewSet, basename="koppeling")
    router.register("zorgsignalen", ZorgsignaalViewSet, basename="zorgsignaal")
