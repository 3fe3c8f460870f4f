"""HSDS 3.0 API at /api/hsds/: public, read-only, open to every origin (CORS *).

Plain Django views on purpose: HSDS fixes snake_case field names and its own page format, which
differ from our /api/v1/ conventions (camelCase, Dutch names). Only published entries are shown;
confidential locations never show their address (see hsds_export.locatie).
"""

import datetime as dt
import gc
import json
import math
import uuid

from django.db.models import Prefetch
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import make_aware
from django.views.decorators.http import require_GET

from socialebasis.gebieden.models import Gebied
from socialebasis.kaart import hsds_export as ex
from socialebasis.kaart import hsds_postcode
from socialebasis.kaart import services as kaartdiensten
from socialebasis.kaart.models import (
    Dienst,
    DienstOpLocatie,
    Locatie,
    Organisatie,
    Publicatie,
    Rooster,
    Taxonomie,
    Term,
)

STANDAARD_PER_PAGINA = 50
MAX_PER_PAGINA = 500


class Fout(Exception):
    def __init__(self, status: int, detail: str):
        self.status, self.detail = status, detail


def _cors(resp):
    resp["Access-Control-Allow-Origin"] = "*"
    resp["Access-Control-Allow-Methods"] = "GET, OPTIONS"
    return resp


def _json(data, status=200):
    return _cors(JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False}))


def api(view):
    @require_GET
    def inner(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Fout as f:
            return _json({"status": f.status, "detail": f.detail}, status=f.status)
        except Http404:
            return _json({"status": 404, "detail": "Niet gevonden."}, status=404)

    inner.__name__ = view.__name__
    inner.__doc__ = view.__doc__
    return inner


def _uuid(waarde: str):
    try:
        return uuid.UUID(str(waarde))
    except ValueError:
        raise Http404 from None


def _getal(request, naam: str, standaard: int, maximum: int | None = None) -> int:
    waarde = request.GET.get(naam)
    if waarde in (None, ""):
        return standaard
    try:
        n = int(waarde)
    except ValueError:
        raise Fout(400, f"'{naam}' moet een heel getal zijn.") from None
    if n < 1:
        raise Fout(400, f"'{naam}' moet 1 of meer zijn.")
    return min(n, maximum) if maximum else n


def _gewijzigd_na(request):
    waarde = request.GET.get("modified_after")
    if not waarde:
        return None
    moment = parse_datetime(waarde)
    if moment is None:
        datum = parse_date(waarde)
        if datum is None:
            raise Fout(400, "'modified_after' moet een datum of datum-tijd zijn (ISO 8601).")
        moment = dt.datetime.combine(datum, dt.time.min)
    if moment.tzinfo is None:
        moment = make_aware(moment)
    return moment


def _pagina(request, qs, naar_json):
    if request.GET.get("format") == "ndjson":
        return _ndjson(qs, naar_json)
    per_pagina = _getal(request, "per_page", STANDAARD_PER_PAGINA, MAX_PER_PAGINA)
    nummer = _getal(request, "page", 1)
    start = (nummer - 1) * per_pagina
    # The page first; a first page that is not full is the whole result, so no COUNT is needed.
    rijen = list(qs[start : start + per_pagina])
    totaal = len(rijen) if start == 0 and len(rijen) < per_pagina else qs.count()
    paginas = max(1, math.ceil(totaal / per_pagina))
    inhoud = [naar_json(o) for o in rijen]
    return _json(
        {
            "total_items": totaal,
            "total_pages": paginas,
            "page_number": nummer,
            "size": len(inhoud),
            "first_page": nummer == 1,
            "last_page": nummer >= paginas,
            "empty": not inhoud,
            "contents": inhoud,
        }
    )


def _ndjson(qs, naar_json):
    """One JSON object per line, streamed in chunks: memory stays constant with the size."""

    def regels():
        for i, o in enumerate(qs.iterator(chunk_size=500), 1):
            yield json.dumps(naar_json(o), ensure_ascii=False) + "\n"
            if i % 2000 == 0:
                # Model instances with prefetch caches form reference cycles; free them now
                # instead of when the cyclic GC gets round to it, so memory stays flat.
                gc.collect()

    resp = StreamingHttpResponse(regels(), content_type="application/x-ndjson")
    return _cors(resp)


def _diensten_basis():
    return Dienst.objects.filter(publicatie=Publicatie.GEPUBLICEERD).select_related("organisatie")


def _volledig(qs):
    return qs.prefetch_related(
        "telefoons",
        "contacten",
        "organisatie__telefoons",
        "organisatie__contacten",
        Prefetch(
            "organisatie__locaties",
            queryset=Locatie.objects.select_related("wijk", "buurt").prefetch_related("adressen"),
        ),
        "termen__taxonomie",
        Prefetch("roosters", queryset=Rooster.objects.prefetch_related("uitzonderingen")),
        Prefetch(
            "op_locaties",
            queryset=DienstOpLocatie.objects.select_related(
                "locatie__wijk", "locatie__buurt"
            ).prefetch_related("locatie__adressen"),
        ),
    )


@api
def root(request):
    """HSDS root: version, our profile and its JSON merge patches."""
    return _json(
        {
            "version": ex.HSDS_VERSIE,
            "profile": ex.PROFIEL_URI,
            "openapi_url": "https://raw.githubusercontent.com/openreferral/specification/3.0/"
            "schema/openapi.json",
            "profile_name": "Sociale Basis (NL)",
            "profile_merge_patches": ex.PROFIEL,
            "endpoints": {
                naam: request.build_absolute_uri(reverse(f"kaart:hsds-{naam.replace('_', '-')}"))
                for naam in (
                    "services",
                    "organizations",
                    "taxonomies",
                    "taxonomy_terms",
                    "service_at_locations",
                )
            },
        }
    )


def _gebied(request, naam):
    code = request.GET.get(naam)
    if not code:
        return None
    gebied = (
        Gebied.objects.filter(code=code, niveau__in=["wijk", "buurt"])
        .only("id", "code", "naam", "niveau", "gemeente_id", "ouder_id", "punt_lat", "punt_lon")
        .first()
    )
    if gebied is None:
        raise Fout(400, f"'{naam}': onbekende CBS-code van een wijk of buurt.")
    return gebied


@api
def services(request):
    """Services. Our profile adds `area` (filter on a wijk/buurt CBS code) and `near` (sort by
    distance from a wijk/buurt's point); HSDS `postcode` (+ `proximity` in metres) sorts and
    filters by distance from the PC4's centre (see hsds_postcode)."""
    qs = _diensten_basis()
    zoek = request.GET.get("search", "").strip()
    gebied, dichtbij = _gebied(request, "area"), _gebied(request, "near")
    plaats, meters = hsds_postcode.lezen(request)  # HSDS postcode + proximity
    if zoek or gebied or dichtbij or plaats:
        vraag = kaartdiensten.Zoekvraag(tekst=zoek, gebied=gebied, vanaf=plaats or dichtbij)
        qs = hsds_postcode.diensten_binnen(kaartdiensten.zoeken(vraag, basis=qs), meters)
    else:
        qs = qs.order_by("naam", "id")
    if request.GET.get("taxonomy_term_id"):
        qs = qs.filter(termen__id=_uuid(request.GET["taxonomy_term_id"]))
    if request.GET.get("taxonomy_id"):
        qs = qs.filter(termen__taxonomie_id=_uuid(request.GET["taxonomy_id"])).distinct()
    if request.GET.get("organization_id"):
        qs = qs.filter(organisatie_id=_uuid(request.GET["organization_id"]))
    na = _gewijzigd_na(request)
    if na:
        qs = qs.filter(gewijzigd_op__gt=na)
    if request.GET.get("format") == "ndjson":
        return _pagina(request, _volledig(qs), ex.dienst)
    return _pagina(request, qs, lambda d: ex.dienst(d, volledig=False))


@api
def service(request, pk):
    d = _volledig(_diensten_basis()).filter(pk=_uuid(pk)).first()
    if d is None:
        raise Http404
    return _json(ex.dienst(d))


@api
def organizations(request):
    qs = Organisatie.objects.order_by("naam", "id")
    na = _gewijzigd_na(request)
    if na:
        qs = qs.filter(gewijzigd_op__gt=na)
    return _pagina(request, qs, ex.organisatie)


@api
def organization(request, pk):
    o = (
        Organisatie.objects.prefetch_related(
            "telefoons",
            "contacten",
            Prefetch(
                "locaties",
                queryset=Locatie.objects.select_related("wijk", "buurt").prefetch_related(
                    "adressen"
                ),
            ),
        )
        .filter(pk=_uuid(pk))
        .first()
    )
    if o is None:
        raise Http404
    return _json(ex.organisatie(o, volledig=True))


@api
def taxonomies(request):
    return _pagina(request, Taxonomie.objects.order_by("naam", "id"), ex.taxonomie)


@api
def taxonomy(request, pk):
    t = Taxonomie.objects.filter(pk=_uuid(pk)).first()
    if t is None:
        raise Http404
    return _json(ex.taxonomie(t))


@api
def taxonomy_terms(request):
    qs = Term.objects.select_related("taxonomie").order_by("volgorde", "naam", "id")
    if request.GET.get("taxonomy_id"):
        qs = qs.filter(taxonomie_id=_uuid(request.GET["taxonomy_id"]))
    if request.GET.get("parent_id"):
        qs = qs.filter(ouder_id=_uuid(request.GET["parent_id"]))
    if request.GET.get("top_only") in ("true", "1"):
        qs = qs.filter(ouder__isnull=True)
    return _pagina(request, qs, ex.term)


@api
def taxonomy_term(request, pk):
    t = Term.objects.select_related("taxonomie").filter(pk=_uuid(pk)).first()
    if t is None:
        raise Http404
    return _json(ex.term(t))


def _sal_basis():
    return (
        DienstOpLocatie.objects.filter(dienst__publicatie=Publicatie.GEPUBLICEERD)
        .select_related("locatie__wijk", "locatie__buurt", "dienst")
        .prefetch_related("locatie__adressen")
        .order_by("dienst__naam", "id")
    )


@api
def service_at_locations(request):
    qs = _sal_basis()
    zoek = request.GET.get("search", "").strip()
    if zoek:
        gevonden = kaartdiensten.zoeken(
            kaartdiensten.Zoekvraag(tekst=zoek), basis=Dienst.objects.all()
        )
        qs = qs.filter(dienst__in=gevonden.values("id"))
    if request.GET.get("taxonomy_term_id"):
        qs = qs.filter(dienst__termen__id=_uuid(request.GET["taxonomy_term_id"]))
    if request.GET.get("taxonomy_id"):
        qs = qs.filter(dienst__termen__taxonomie_id=_uuid(request.GET["taxonomy_id"])).distinct()
    if request.GET.get("organization_id"):
        qs = qs.filter(dienst__organisatie_id=_uuid(request.GET["organization_id"]))
    plaats, meters = hsds_postcode.lezen(request)  # HSDS postcode + proximity
    if plaats is not None:
        qs = hsds_postcode.locaties_op_afstand(qs, plaats, meters)
    return _pagina(request, qs, lambda x: ex.dienst_op_locatie(x, met_dienst=True))


@api
def service_at_location(request, pk):
    x = _sal_basis().filter(pk=_uuid(pk)).first()
    if x is None:
        raise Http404
    return _json(ex.dienst_op_locatie(x, met_dienst=True))
