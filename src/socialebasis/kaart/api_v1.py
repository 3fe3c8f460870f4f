"""Write API of the sociale kaart under /api/v1/ (camelCase, problem+json, no trailing slash).

For the people who keep the directory: aanbieder staff (their own organisation) and the
redacteuren (coördinator, beheerder) of a gemeente. The public read API is HSDS at /api/hsds/.

- `/diensten`: list, read, create (always a concept), change; `POST /diensten/{id}/publiceren`
  (redacteur of the gemeente only: concept → gepubliceerd).
- `/locaties`: list, read, create, change, with the address; buurt and wijk from the point, the
  postcode or a chosen CBS code. A confidential address is only shown here, to its keepers.
- `/aanbieders`: read the directory organisations the user may add entries for.

The same rules and services as the upkeep pages: access via core.toegang (kaart/toegang.py),
writes via kaart/services.py (change history `Wijziging` + audit row, one transaction). Another
gemeente's or organisation's entries give 404; nobody deletes (an entry is ended with
`status: inactive`).
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from socialebasis.gebieden import zoeken as gebiedzoeken
from socialebasis.gebieden.models import Gebied
from socialebasis.kaart import services
from socialebasis.kaart.beheer import BEHEER_ROLLEN
from socialebasis.kaart.models import (
    TALEN,
    Dienst,
    Doelgroep,
    Kosten,
    Laag,
    Locatie,
    Organisatie,
    Publicatie,
    Status,
    Term,
    Toegankelijkheid,
    WmoType,
)
from socialebasis.kaart.toegang import is_aanbieder, is_redacteur

UUID_REGEX = "[0-9a-fA-F-]{36}"


class Beheerder(IsAuthenticated):
    """Logged in as aanbieder, coördinator or beheerder (others: 403)."""

    message = "Alleen aanbieders en redacteuren van de sociale kaart kunnen dit."

    def has_permission(self, request, view):
        return super().has_permission(request, view) and request.user.rol in BEHEER_ROLLEN


def _organisaties(user):
    if is_aanbieder(user):
        return Organisatie.objects.filter(organisatie_id=user.organisatie_id)
    if is_redacteur(user):
        return Organisatie.objects.filter(gemeente_id=user.gemeente_id)
    return Organisatie.objects.none()


class OrganisatieVeld(serializers.PrimaryKeyRelatedField):
    """A directory organisation the user keeps entries for."""

    def get_queryset(self):
        return _organisaties(self.context["request"].user)


class LocatieVeld(serializers.PrimaryKeyRelatedField):
    """The entry's (main) location: one of the locations the user keeps."""

    def get_queryset(self):
        return services.beheerbare_locaties(self.context["request"].user)

    def use_pk_only_optimization(self):
        return False

    def get_attribute(self, instance):
        dol = instance.op_locaties.select_related("locatie").first()
        return dol.locatie if dol else None


class AanbiederSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisatie
        fields = ["id", "naam", "beschrijving", "email", "website", "gewijzigd_op"]
        read_only_fields = fields


class DienstSerializer(serializers.ModelSerializer):
    organisatie = OrganisatieVeld(
        queryset=Organisatie.objects.all(),
        required=False,
        help_text="Id van de aanbieder (/aanbieders). Een aanbieder mag het weglaten: dan is "
        "het de eigen organisatie. Kan na het aanmaken niet meer veranderen.",
    )
    categorieen = serializers.PrimaryKeyRelatedField(
        source="termen",
        many=True,
        queryset=Term.objects.all(),
        help_text="Ids van categorieën (HSDS taxonomy_term, /api/hsds/taxonomy_terms).",
    )
    locatie = LocatieVeld(
        queryset=Locatie.objects.all(),
        required=False,
        allow_null=True,
        help_text="Id van de locatie (/locaties) waar het plaatsvindt.",
    )
    doelgroepen = serializers.ListField(
        child=serializers.ChoiceField(Doelgroep.choices), required=False
    )
    talen = serializers.ListField(
        child=serializers.ChoiceField(list(TALEN)),
        required=False,
        help_text="Taalcodes (ISO 639), bijvoorbeeld nl, en, ar.",
    )
    laag = serializers.ChoiceField(Laag.choices, required=False)
    kosten = serializers.ChoiceField(Kosten.choices, required=False, allow_blank=True)
    wmo_type = serializers.ChoiceField(WmoType.choices, required=False, allow_blank=True)
    status = serializers.ChoiceField(
        Status.choices,
        required=False,
        help_text="Gestopt? Zet 'inactive'. Een activiteit wordt nooit verwijderd.",
    )
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    publicatie = serializers.ChoiceField(Publicatie.choices, read_only=True)

    class Meta:
        model = Dienst
        fields = [
            "id",
            "organisatie",
            "naam",
            "naam_en",
            "beschrijving",
            "beschrijving_en",
            "categorieen",
            "locatie",
            "doelgroepen",
            "laag",
            "kosten",
            "kosten_bedrag",
            "kosten_toelichting",
            "wmo_type",
            "talen",
            "aanmelden",
            "email",
            "url",
            "status",
            "publicatie",
            "gemeente",
            "laatst_gecontroleerd",
            "gewijzigd_op",
        ]
        read_only_fields = ["id", "publicatie", "gemeente", "laatst_gecontroleerd", "gewijzigd_op"]
        extra_kwargs = {"beschrijving": {"required": True, "allow_blank": False}}

    def validate_categorieen(self, termen):
        if not termen:
            raise serializers.ValidationError("Kies minstens één categorie.")
        return termen

    def validate(self, data):
        if self.instance is None and "organisatie" not in data:
            user = self.context["request"].user
            if not is_aanbieder(user):
                raise serializers.ValidationError(
                    {"organisatie": "Kies de aanbieder van deze activiteit."}
                )
        if self.instance is not None and "organisatie" in data:
            if data["organisatie"] != self.instance.organisatie:
                raise serializers.ValidationError(
                    {"organisatie": "De aanbieder van een activiteit verandert niet."}
                )
        return data


class LocatieSerializer(serializers.ModelSerializer):
    organisatie = OrganisatieVeld(
        queryset=Organisatie.objects.all(),
        required=False,
        help_text="Id van de aanbieder (/aanbieders). Een aanbieder mag het weglaten: dan is "
        "het de eigen organisatie.",
    )
    toegankelijkheid = serializers.ListField(
        child=serializers.ChoiceField(Toegankelijkheid.choices), required=False
    )
    straat = serializers.CharField(
        max_length=250, help_text="Straat en huisnummer.", source="adres.straat"
    )
    postcode = serializers.CharField(
        max_length=12,
        required=False,
        allow_blank=True,
        help_text="Bijvoorbeeld 3511 AB. Zonder gekozen buurt zoeken we die bij de postcode.",
        source="adres.postcode",
    )
    plaats = serializers.CharField(max_length=100, source="adres.plaats")
    lat = serializers.FloatField(
        required=False, allow_null=True, min_value=-90, max_value=90, help_text="WGS84"
    )
    lon = serializers.FloatField(
        required=False, allow_null=True, min_value=-180, max_value=180, help_text="WGS84"
    )
    buurt = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Gebied.objects.filter(niveau__in=["wijk", "buurt"]),
        required=False,
        allow_null=True,
        help_text="CBS-code van de buurt (BU…) of wijk (WK…). Leeg: afgeleid van het punt of "
        "de postcode.",
    )
    wijk = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Locatie
        fields = [
            "id",
            "organisatie",
            "naam",
            "beschrijving",
            "straat",
            "postcode",
            "plaats",
            "vertrouwelijk",
            "toegankelijkheid",
            "lat",
            "lon",
            "buurt",
            "wijk",
            "gewijzigd_op",
        ]
        read_only_fields = ["id", "wijk", "gewijzigd_op"]

    def to_representation(self, instance):
        instance.adres = instance.adressen.first() or _LeegAdres()
        return super().to_representation(instance)

    def validate_postcode(self, waarde):
        if not (waarde or "").strip():
            return ""
        try:
            return gebiedzoeken.postcode_normaliseren(waarde)
        except gebiedzoeken.OngeldigePostcode as fout:
            raise serializers.ValidationError(str(fout)) from None

    def validate_buurt(self, gebied):
        user = self.context["request"].user
        if gebied is not None and gebied.gemeente_id != user.gemeente_id:
            raise serializers.ValidationError("Deze buurt of wijk ligt niet in uw gemeente.")
        return gebied

    def validate(self, data):
        if self.instance is None and "organisatie" not in data:
            if not is_aanbieder(self.context["request"].user):
                raise serializers.ValidationError(
                    {"organisatie": "Kies de aanbieder van deze locatie."}
                )
        if self.instance is not None and data.get("organisatie", self.instance.organisatie) != (
            self.instance.organisatie
        ):
            raise serializers.ValidationError(
                {"organisatie": "De aanbieder van een locatie verandert niet."}
            )
        return data


class _LeegAdres:
    straat = postcode = plaats = ""


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Dit kan nu niet."


@extend_schema_view(
    list=extend_schema(
        summary="Activiteiten en diensten die u bijhoudt",
        description="Aanbieder: van de eigen organisatie; redacteur: van de gemeente. Ook "
        "concepten.",
    ),
    retrieve=extend_schema(summary="Eén activiteit of dienst"),
    create=extend_schema(summary="Nieuwe activiteit (altijd als concept)"),
    update=extend_schema(summary="Activiteit wijzigen (telt als controle)"),
    partial_update=extend_schema(summary="Activiteit deels wijzigen (telt als controle)"),
)
class DienstViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = DienstSerializer
    permission_classes = [Beheerder]
    lookup_url_kwarg = "id"
    lookup_value_regex = UUID_REGEX
    queryset = Dienst.objects.none()  # for the schema; the real one is get_queryset

    def get_queryset(self):
        return (
            services.beheerbare_diensten(self.request.user)
            .select_related("gemeente", "organisatie")
            .prefetch_related("termen")
            .order_by("naam", "id")
        )

    @staticmethod
    def _velden(data: dict) -> dict:
        velden = {k: v for k, v in data.items() if k in services.VELDEN}
        if "termen" in data:
            velden["termen"] = data["termen"]
        if data.get("locatie") is not None:
            velden["locatie"] = data["locatie"]
        return velden

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        org = data.pop("organisatie", None) or services.kaart_organisatie_voor(self.request.user)
        serializer.instance = services.aanmaken(
            self.request.user, organisatie=org, **self._velden(data)
        )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        # locatie null or left out keeps the current location (removing one is not offered)
        serializer.instance = services.wijzigen(
            self.request.user, serializer.instance, **self._velden(data)
        )

    @extend_schema(
        summary="Publiceren (concept → gepubliceerd)",
        description="Alleen een coördinator of beheerder van de gemeente van de activiteit.",
        request=None,
        responses={
            200: DienstSerializer,
            403: OpenApiResponse(description="Geen redacteur van deze gemeente."),
            409: OpenApiResponse(description="Is al gepubliceerd."),
        },
    )
    @action(detail=True, methods=["post"], url_path="publiceren", url_name="publiceren")
    def publiceren(self, request, id=None):
        dienst = self.get_object()
        if dienst.publicatie == Publicatie.GEPUBLICEERD:
            raise Conflict("Deze activiteit is al gepubliceerd.")
        dienst = services.publiceren(request.user, dienst)
        return Response(self.get_serializer(dienst).data)


@extend_schema_view(
    list=extend_schema(
        summary="Locaties die u bijhoudt",
        description="Met het adres, ook bij een geheim adres (alleen voor wie de locatie "
        "bijhoudt; openbaar staat alleen de wijk).",
    ),
    retrieve=extend_schema(summary="Eén locatie"),
    create=extend_schema(summary="Nieuwe locatie"),
    update=extend_schema(summary="Locatie wijzigen"),
    partial_update=extend_schema(summary="Locatie deels wijzigen"),
)
class LocatieViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = LocatieSerializer
    permission_classes = [Beheerder]
    lookup_url_kwarg = "id"
    lookup_value_regex = UUID_REGEX
    queryset = Locatie.objects.none()

    def get_queryset(self):
        return (
            services.beheerbare_locaties(self.request.user)
            .prefetch_related("adressen")
            .order_by("naam", "id")
        )

    @staticmethod
    def _velden(data: dict) -> dict:
        velden = {k: v for k, v in data.items() if k in services.LOCATIE_VELDEN}
        velden.update(data.get("adres", {}))
        if "buurt" in data:
            velden["buurt"] = data["buurt"]
        return velden

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        org = data.pop("organisatie", None) or services.kaart_organisatie_voor(self.request.user)
        serializer.instance = services.locatie_opslaan(
            self.request.user, None, organisatie=org, **self._velden(data)
        )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("organisatie", None)
        velden = self._velden(data)
        plek = {"lat", "lon"} & set(data) or "postcode" in data.get("adres", {})
        if serializer.partial and "buurt" not in data and not plek:
            # Nothing about the place changed: keep the buurt/wijk as it is.
            velden["buurt"] = serializer.instance.buurt or serializer.instance.wijk
        serializer.instance = services.locatie_opslaan(
            self.request.user, serializer.instance, **velden
        )


@extend_schema_view(
    list=extend_schema(summary="Aanbieders waarvoor u activiteiten en locaties invoert"),
    retrieve=extend_schema(summary="Eén aanbieder"),
)
class AanbiederViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = AanbiederSerializer
    permission_classes = [Beheerder]
    lookup_url_kwarg = "id"
    lookup_value_regex = UUID_REGEX
    queryset = Organisatie.objects.none()

    def get_queryset(self):
        return _organisaties(self.request.user).order_by("naam", "id")


def registreer(router) -> None:
    router.register("diensten", DienstViewSet, basename="dienst")
    router.register("locaties", LocatieViewSet, basename="locatie")
    router.register("aanbieders", AanbiederViewSet, basename="aanbieder")
