"""All reads for search and all writes of the sociale kaart.

Search: free text (PostgreSQL full-text search with the 'dutch' configuration; on SQLite a
documented fallback of case-insensitive substring matching per word), expanded with the need
thesaurus (resident words → categories), filters, and a sort by distance from a chosen area.
Writes: every write is audited (activity "sociale-kaart-beheer") and keeps a change history.
"""

import math
import re
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Exists, F, FloatField, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Cast
from django.utils import timezone

from socialebasis.accounts.models import Rol
from socialebasis.audit.services import vastleggen
from socialebasis.core.toegang import Actie, vereis, zichtbaar
from socialebasis.gebieden.models import Gebied
from socialebasis.kaart.models import (
    Dienst,
    DienstOpLocatie,
    Publicatie,
    Rooster,
    Term,
    Wijziging,
    Zoekwoord,
)
from socialebasis.kaart.toegang import mag_publiceren

ACTIVITEIT = "sociale-kaart-beheer"


# --- search ---------------------------------------------------------------------------------


@dataclass
class Zoekvraag:
    tekst: str = ""
    termen: list = field(default_factory=list)  # Term ids
    doelgroep: str = ""
    gebied: Gebied | None = None  # wijk or buurt to filter on
    kosten: str = ""
    weekdag: int | None = None  # 0 = maandag
    toegankelijkheid: str = ""
    vanaf: Gebied | None = None  # sort by distance from this area's point


def woorden(tekst: str) -> list[str]:
    return [w for w in re.findall(r"\w+", tekst.lower()) if len(w) >= 2]


def thesaurus_termen(tekst: str) -> set:
    """Term ids for the resident's words: 'ik voel me eenzaam' → {ontmoeting}."""
    schoon = " " + " ".join(woorden(tekst)) + " "
    if not schoon.strip():
        return set()
    ids = set()
    for zw in Zoekwoord.objects.prefetch_related("termen"):
        if f" {zw.woord.lower()} " in schoon:
            ids.update(t.id for t in zw.termen.all())
    # A word that is itself (part of) a category name also counts: "taal" → Leren en taal.
    for term in Term.objects.all():
        naam = term.naam.lower()
        if any(len(w) >= 4 and w in naam for w in woorden(tekst)):
            ids.add(term.id)
    return ids


def _met_term(ids) -> Q:
    """Has one of these categories: a correlated EXISTS, cheap once other filters narrowed."""
    return Q(
        Exists(
            Dienst.termen.through.objects.filter(dienst_id=OuterRef("pk"), term_id__in=list(ids))
        )
    )


def zoekvector():
    """The full-text expression; migration 0003 puts a GIN index on exactly this expression."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector("naam", weight="A", config="dutch") + SearchVector(
        "beschrijving", weight="B", config="dutch"
    )


def _tekst_filter(qs: QuerySet, tekst: str) -> QuerySet:
    ids = thesaurus_termen(tekst)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank

        vector = zoekvector()
        query = SearchQuery(tekst, config="dutch", search_type="websearch")
        qs = qs.annotate(zoek=vector, rang=SearchRank(vector, query))
        voorwaarde = Q(zoek=query)
    else:
        # Honest fallback on SQLite: every word must occur in name or description.
        voorwaarde = Q()
        for w in woorden(tekst):
            voorwaarde &= Q(naam__icontains=w) | Q(beschrijving__icontains=w)
        qs = qs.annotate(rang=Value(0.0, output_field=FloatField()))
    if ids:
        voorwaarde |= _met_term(ids)
    return qs.filter(voorwaarde)


def zoeken(vraag: Zoekvraag, basis: QuerySet | None = None) -> QuerySet:
    """Published, active entries matching `vraag`, best first (or nearest first)."""
    qs = basis if basis is not None else Dienst.objects.all()
    qs = qs.filter(publicatie=Publicatie.GEPUBLICEERD, status="active")
    if vraag.tekst.strip():
        qs = _tekst_filter(qs, vraag.tekst)
    if vraag.termen:
        qs = qs.filter(_met_term(vraag.termen))
    if vraag.doelgroep:
        qs = (
            qs.filter(doelgroepen__contains=[vraag.doelgroep])
            if connection.vendor == ("postgresql")
            else qs.filter(doelgroepen__icontains=f'"{vraag.doelgroep}"')
        )
    if vraag.kosten:
        qs = qs.filter(kosten=vraag.kosten)
    if vraag.gebied is not None:
        # main location's area (denormalised, indexed); a confidential entry has no buurt
        qs = qs.filter(**{"wijk" if vraag.gebied.niveau == "wijk" else "buurt": vraag.gebied})
    if vraag.toegankelijkheid:
        from socialebasis.kaart.models import Locatie

        if connection.vendor == "postgresql":
            loc = Locatie.objects.filter(toegankelijkheid__contains=[vraag.toegankelijkheid])
        else:
            loc = Locatie.objects.filter(toegankelijkheid__icontains=f'"{vraag.toegankelijkheid}"')
        qs = qs.filter(id__in=DienstOpLocatie.objects.filter(locatie__in=loc).values("dienst_id"))
    if vraag.weekdag is not None:
        qs = qs.filter(
            id__in=Rooster.objects.filter(
                Q(weekdag=vraag.weekdag) | Q(datum__iso_week_day=vraag.weekdag + 1)
            ).values("dienst_id")
        )
    if vraag.vanaf is not None and vraag.vanaf.punt_lat is not None:
        cos = math.cos(math.radians(vraag.vanaf.punt_lat))
        dlat = F("punt_lat") - Value(vraag.vanaf.punt_lat)
        dlon = (F("punt_lon") - Value(vraag.vanaf.punt_lon)) * Value(cos)
        # squared degrees → km² (1° latitude ≈ 111.2 km); sqrt is done in Python when shown
        qs = qs.annotate(afstand2=Cast((dlat * dlat + dlon * dlon), FloatField()))
        return qs.order_by(F("afstand2").asc(nulls_last=True), "naam", "id")
    if vraag.tekst.strip():
        return qs.order_by("-rang", "naam", "id")
    return qs.order_by("naam", "id")


def afstand_km(dienst) -> float | None:
    a2 = getattr(dienst, "afstand2", None)
    return None if a2 is None else math.sqrt(a2) * 111.2


# --- writes -----------------------------------------------------------------------------------


def punt_bijwerken(dienst: Dienst) -> None:
    """Keep the public point, wijk and buurt of the entry (from its first location with a point).

    For a confidential location: the wijk's point and the wijk only, never the buurt.
    """
    punt, wijk_id, buurt_id = None, None, None
    for dol in dienst.op_locaties.select_related("locatie__wijk", "locatie__buurt"):
        loc = dol.locatie
        punt = loc.openbaar_punt
        wijk_id = loc.wijk_id or (loc.buurt.ouder_id if loc.buurt_id else None)
        buurt_id = None if loc.vertrouwelijk else loc.buurt_id
        if punt:
            break
    lat, lon = punt if punt else (None, None)
    nieuw = {"punt_lat": lat, "punt_lon": lon, "wijk_id": wijk_id, "buurt_id": buurt_id}
    if any(getattr(dienst, k) != v for k, v in nieuw.items()):
        for k, v in nieuw.items():
            setattr(dienst, k, v)
        Dienst.objects.filter(pk=dienst.pk).update(**nieuw)


VELDEN = [
    "naam",
    "naam_en",
    "beschrijving",
    "beschrijving_en",
    "url",
    "email",
    "status",
    "aanmelden",
    "laag",
    "doelgroepen",
    "kosten",
    "kosten_bedrag",
    "kosten_toelichting",
    "wmo_type",
    "talen",
]


def _geschiedenis(dienst, actor, soort, oud: dict, nieuw: dict) -> None:
    door = actor if getattr(actor, "is_authenticated", False) else None
    rijen = [
        Wijziging(
            dienst=dienst,
            door=door,
            soort=soort,
            veld=k,
            oud=str(oud.get(k, "")),
            nieuw=str(nieuw[k]),
        )
        for k in nieuw
        if oud.get(k) != nieuw[k]
    ]
    if not rijen:
        rijen = [Wijziging(dienst=dienst, door=door, soort=soort)]
    Wijziging.objects.bulk_create(rijen)


def _gemeente_voor(actor, organisatie):
    if actor.gemeente_id:
        return actor.gemeente_id
    return organisatie.gemeente_id if organisatie else None


def _rooster_instellen(dienst, rooster: dict | None) -> dict:
    """One simple weekly schedule from the form: {'weekdag', 'begintijd', 'eindtijd'}."""
    if rooster is None:
        return {}
    oud = dienst.roosters.filter(weekdag__isnull=False).first()
    oud_tekst = f"{oud.weekdag} {oud.begintijd}-{oud.eindtijd}" if oud is not None else ""
    if rooster.get("weekdag") is None:
        if oud is not None:
            oud.delete()
        nieuw_tekst = ""
    else:
        if oud is None:
            oud = Rooster(dienst=dienst)
        oud.weekdag = rooster["weekdag"]
        oud.begintijd = rooster.get("begintijd")
        oud.eindtijd = rooster.get("eindtijd")
        oud.save()
        nieuw_tekst = f"{oud.weekdag} {oud.begintijd}-{oud.eindtijd}"
    return {"rooster": (oud_tekst, nieuw_tekst)} if oud_tekst != nieuw_tekst else {}


def _locatie_instellen(dienst, locatie) -> None:
    if locatie is None:
        return
    if not dienst.op_locaties.filter(locatie=locatie).exists():
        dienst.op_locaties.all().delete()
        DienstOpLocatie.objects.create(dienst=dienst, locatie=locatie)
    punt_bijwerken(dienst)


def kaart_organisatie_voor(actor):
    """The directory organisation of an aanbieder's own organisation (made when missing)."""
    from socialebasis.kaart.models import Organisatie

    org = Organisatie.objects.filter(organisatie_id=actor.organisatie_id).first()
    if org is None:
        org = Organisatie.objects.create(
            naam=actor.organisatie.naam,
            organisatie=actor.organisatie,
            gemeente_id=actor.gemeente_id,
        )
    return org


@transaction.atomic
def aanmaken(actor, *, organisatie, termen=(), locatie=None, rooster=None, **velden) -> Dienst:
    """A new entry, always as concept (a redacteur publishes it)."""
    vereis(actor, Actie.AANMAKEN, Dienst)
    if actor.rol == Rol.AANBIEDER and (
        organisatie is None or organisatie.organisatie_id != actor.organisatie_id
    ):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("Alleen voor uw eigen organisatie.")
    dienst = Dienst.objects.create(
        organisatie=organisatie,
        gemeente_id=_gemeente_voor(actor, organisatie),
        publicatie=Publicatie.CONCEPT,
        laatst_gecontroleerd=timezone.localdate(),
        **{k: v for k, v in velden.items() if k in VELDEN},
    )
    dienst.termen.set(termen)
    _locatie_instellen(dienst, locatie)
    _rooster_instellen(dienst, rooster)
    _geschiedenis(dienst, actor, "create", {}, {k: velden[k] for k in velden if k in VELDEN})
    vastleggen(
        handeling="kaart.dienst.aanmaken",
        activiteit=ACTIVITEIT,
        actor=actor,
        gemeente=dienst.gemeente_id,
        obj=dienst,
    )
    return dienst


@transaction.atomic
def wijzigen(actor, dienst: Dienst, *, termen=None, locatie=None, rooster=None, **velden) -> Dienst:
    """Change an entry; the change counts as a check ('laatst gecontroleerd' = today)."""
    dienst = Dienst.objects.select_for_update().get(pk=dienst.pk)
    vereis(actor, Actie.WIJZIGEN, dienst)
    oud = {k: getattr(dienst, k) for k in VELDEN}
    nieuw = {k: v for k, v in velden.items() if k in VELDEN}
    for k, v in nieuw.items():
        setattr(dienst, k, v)
    dienst.laatst_gecontroleerd = timezone.localdate()
    dienst.herinnerd_op = None
    dienst.gewijzigd_op = timezone.now()
    dienst.save()
    if termen is not None:
        oude = sorted(str(t.naam) for t in dienst.termen.all())
        dienst.termen.set(termen)
        nieuwe = sorted(str(t.naam) for t in dienst.termen.all())
        if oude != nieuwe:
            oud["categorieen"], nieuw["categorieen"] = ", ".join(oude), ", ".join(nieuwe)
    _locatie_instellen(dienst, locatie)
    for k, (o, n) in _rooster_instellen(dienst, rooster).items():
        oud[k], nieuw[k] = o, n
    _geschiedenis(dienst, actor, "update", oud, nieuw)
    vastleggen(
        handeling="kaart.dienst.wijzigen",
        activiteit=ACTIVITEIT,
        actor=actor,
        gemeente=dienst.gemeente_id,
        obj=dienst,
    )
    return dienst


@transaction.atomic
def controleren(actor, dienst: Dienst) -> Dienst:
    """'Still correct': sets laatst gecontroleerd to today without other changes."""
    vereis(actor, Actie.WIJZIGEN, dienst)
    Dienst.objects.filter(pk=dienst.pk).update(
        laatst_gecontroleerd=timezone.localdate(), herinnerd_op=None
    )
    dienst.refresh_from_db()
    _geschiedenis(
        dienst, actor, "verify", {}, {"laatst_gecontroleerd": dienst.laatst_gecontroleerd}
    )
    vastleggen(
        handeling="kaart.dienst.controleren",
        activiteit=ACTIVITEIT,
        actor=actor,
        gemeente=dienst.gemeente_id,
        obj=dienst,
    )
    return dienst


@transaction.atomic
def publiceren(actor, dienst: Dienst) -> Dienst:
    """A coördinator or beheerder of the gemeente approves: concept → gepubliceerd."""
    from django.core.exceptions import PermissionDenied

    if not mag_publiceren(actor, dienst):
        raise PermissionDenied("Alleen een redacteur van de gemeente mag publiceren.")
    oud = dienst.publicatie
    Dienst.objects.filter(pk=dienst.pk).update(
        publicatie=Publicatie.GEPUBLICEERD, gewijzigd_op=timezone.now()
    )
    dienst.refresh_from_db()
    _geschiedenis(dienst, actor, "update", {"publicatie": oud}, {"publicatie": dienst.publicatie})
    vastleggen(
        handeling="kaart.dienst.publiceren",
        activiteit=ACTIVITEIT,
        actor=actor,
        gemeente=dienst.gemeente_id,
        obj=dienst,
    )
    return dienst


def te_beoordelen(actor) -> QuerySet:
    """Concepts waiting for approval in the redacteur's gemeente."""
    return zichtbaar(actor, Dienst).filter(
        publicatie=Publicatie.CONCEPT, gemeente_id=actor.gemeente_id
    )


# --- taxonomy and thesaurus (beheerder) -------------------------------------------------------


@transaction.atomic
def term_opslaan(actor, term: Term | None, **velden) -> Term:
    from socialebasis.kaart.models import Taxonomie
    from socialebasis.kaart.taxonomie import TAXONOMIE_ID

    vereis(actor, Actie.WIJZIGEN if term else Actie.AANMAKEN, term or Term)
    if term is None:
        term = Term(taxonomie=Taxonomie.objects.filter(pk=TAXONOMIE_ID).first())
    for k in ("naam", "naam_en", "beschrijving", "beschrijving_en", "code"):
        if k in velden:
            setattr(term, k, velden[k])
    term.gewijzigd_op = timezone.now()
    term.save()
    vastleggen(
        handeling="kaart.categorie.opslaan",
        activiteit=ACTIVITEIT,
        actor=actor,
        gemeente=actor.gemeente_id,
        obj=term,
    )
    return term


@transaction.atomic
def zoekwoord_opslaan(actor, woord: str, termen) -> Zoekwoord:
    vereis(actor, Actie.AANMAKEN, Zoekwoord)
    zw, _ = Zoekwoord.objects.get_or_create(woord=woord.strip().lower())
    zw.termen.set(termen)
    vastleggen(
        handeling="kaart.zoekwoord.opslaan",
        activiteit=ACTIVITEIT,
        actor=actor,
        gemeente=actor.gemeente_id,
        obj=zw,
    )
    return zw


@transaction.atomic
def zoekwoord_verwijderen(actor, zw: Zoekwoord) -> None:
    vereis(actor, Actie.VERWIJDEREN, zw)
    vastleggen(
        handeling="kaart.zoekwoord.verwijderen",
        activiteit=ACTIVITEIT,
        actor=actor,
        gemeente=actor.gemeente_id,
        obj=zw,
    )
    zw.delete()
