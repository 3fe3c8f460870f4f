"""HSDS 3.0 `postcode` + `proximity` for /api/hsds/ (see the HSDS OpenAPI, parameters
`postcode` and `proximity`: "Return services that exist within meters from the centroid of the
provided postcode").

We know a postcode only at PC4 level, through the CBS "meest voorkomende postcode" per buurt
(gebieden.zoeken.plaats_bij_postcode): the centre is the inhabitant-weighted middle of the
buurten that have that PC4 as their most common postcode. With `postcode` alone the results are
sorted by distance from that centre (we have no `service_area`); with `proximity` (metres) only
results within that distance are returned, nearest first.

Distances use the public point only: for a confidential location that is the point of its wijk,
never its own address, so no combination of postcode and proximity can reveal where it is.
"""

import math

from django.db.models import Case, F, FloatField, Value, When
from django.db.models.functions import Cast

from socialebasis.gebieden.zoeken import OngeldigePostcode, plaats_bij_postcode

KM_PER_GRAAD = 111.2  # as kaart.services.afstand_km
MAX_PROXIMITY_M = 100_000


def lezen(request):
    """(Postcodeplaats or None, metres or None) from ?postcode=&proximity=; Fout 400 when wrong."""
    from socialebasis.kaart.hsds_api import Fout

    tekst = (request.GET.get("postcode") or "").strip()
    ruw = (request.GET.get("proximity") or "").strip()
    if not tekst:
        if ruw:
            raise Fout(400, "'proximity' werkt alleen samen met 'postcode'.")
        return None, None
    try:
        plaats = plaats_bij_postcode(None, tekst)
    except OngeldigePostcode as fout:
        raise Fout(400, f"'postcode': {fout}") from None
    if plaats is None or plaats.punt_lat is None:
        raise Fout(
            400,
            f"'postcode': {plaats.postcode if plaats else tekst} is onbekend. We kennen alleen "
            "postcodes die in een geladen buurt het meest voorkomen (CBS).",
        )
    meters = None
    if ruw:
        try:
            meters = float(ruw)
        except ValueError:
            meters = math.nan
        if not math.isfinite(meters) or meters <= 0 or meters > MAX_PROXIMITY_M:
            raise Fout(
                400,
                f"'proximity' moet een afstand in meters zijn, groter dan 0 en hoogstens "
                f"{MAX_PROXIMITY_M}.",
            )
    return plaats, meters


def _grens(meters: float) -> float:
    """Metres → the squared-degree value of kaart.services' `afstand2` annotation."""
    return (meters / 1000 / KM_PER_GRAAD) ** 2


def diensten_binnen(qs, meters: float | None):
    """Services already annotated with `afstand2` (services.zoeken with `vanaf`)."""
    if meters is None:
        return qs
    return qs.filter(afstand2__lte=_grens(meters))


def locaties_op_afstand(qs, plaats, meters: float | None):
    """service_at_location rows sorted by the public point of their location, nearest first."""

    # As Locatie.openbaar_punt: a confidential location counts at its wijk's (or buurt's) point.
    def openbaar(as_: str):
        return Case(
            When(
                locatie__vertrouwelijk=True,
                locatie__wijk__isnull=False,
                then=F(f"locatie__wijk__punt_{as_}"),
            ),
            When(locatie__vertrouwelijk=True, then=F(f"locatie__buurt__punt_{as_}")),
            default=F(f"locatie__{as_}"),
            output_field=FloatField(),
        )

    openbaar_lat, openbaar_lon = openbaar("lat"), openbaar("lon")
    cos = math.cos(math.radians(plaats.punt_lat))
    dlat = openbaar_lat - Value(plaats.punt_lat)
    dlon = (openbaar_lon - Value(plaats.punt_lon)) * Value(cos)
    qs = qs.annotate(afstand2=Cast(dlat * dlat + dlon * dlon, FloatField()))
    if meters is not None:
        qs = qs.filter(afstand2__lte=_grens(meters))
    return qs.order_by(F("afstand2").asc(nulls_last=True), "dienst__naam", "id")
