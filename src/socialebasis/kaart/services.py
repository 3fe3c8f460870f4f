"""All reads for search and all writes of the sociale kaart.

Search: free text (PostgreSQL full-text search with the 'dutch' configuration; on SQLite an FTS5
index with diacritics removed, stop words and a light Dutch stem as prefix), expanded with the need
thesaurus (resident words → categories), filters, and a sort by distance from a chosen area.
Writes: every write is audited (activity "sociale-kaart-beheer") and keeps a change history.
"""

import math
import re
import time
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Exists,
    Expression,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.db.models.signals import m2m_changed, post_delete, post_save
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
    zoekwoorden, termnamen = _thesaurus()
    for woord, term_ids in zoekwoorden:
        if f" {woord} " in schoon:
            ids.update(term_ids)
    # A word that is itself (part of) a category name also counts: "taal" → Leren en taal.
    lang = [w for w in woorden(tekst) if len(w) >= 4]
    for term_id, naam in termnamen:
        if any(w in naam for w in lang):
            ids.add(term_id)
    return ids


# The thesaurus and category names, kept per process for THESAURUS_SECONDEN: every search needs
# them and they rarely change. A change in this process (services, admin, import) empties the
# copy at once (signals below); other worker processes see it within THESAURUS_SECONDEN.
THESAURUS_SECONDEN = 60
_thesaurus_kopie: dict = {"tot": 0.0, "inhoud": None}


def _thesaurus():
    nu = time.monotonic()
    if _thesaurus_kopie["inhoud"] is None or nu > _thesaurus_kopie["tot"]:
        zoekwoorden = [
            (zw.woord.lower(), [t.id for t in zw.termen.all()])
            for zw in Zoekwoord.objects.prefetch_related("termen")
        ]
        termnamen = [(t.id, t.naam.lower()) for t in Term.objects.all()]
        _thesaurus_kopie.update(inhoud=(zoekwoorden, termnamen), tot=nu + THESAURUS_SECONDEN)
    return _thesaurus_kopie["inhoud"]


def thesaurus_vergeten(*args, **kwargs) -> None:
    _thesaurus_kopie["inhoud"] = None


for _model in (Zoekwoord, Term):
    post_save.connect(thesaurus_vergeten, sender=_model, dispatch_uid=f"thesaurus-{_model}")
    post_delete.connect(thesaurus_vergeten, sender=_model, dispatch_uid=f"thesaurus-d-{_model}")
m2m_changed.connect(thesaurus_vergeten, sender=Zoekwoord.termen.through, dispatch_uid="thesaurus-m")


def _met_term(ids) -> Q:
    """Has one of these categories. PostgreSQL: `term_ids && ARRAY[…]` on the GIN-indexed
    category array of migration 0007, so it can be OR-ed with the text index (BitmapOr) — with
    no area filter the EXISTS below made PostgreSQL scan all services. SQLite: a correlated
    EXISTS on the link table."""
    if connection.vendor == "postgresql":
        return Q(_PgTermen(list(ids)))
    return Q(
        Exists(
            Dienst.termen.through.objects.filter(dienst_id=OuterRef("pk"), term_id__in=list(ids))
        )
    )


class _PgKolom(Expression):
    """An expression on one of migration 0007's PostgreSQL-only columns of kaart_dienst (not
    model fields), qualified with the alias the query gives kaart_dienst."""

    def __init__(self, output_field):
        super().__init__(output_field=output_field)
        self.pk = F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def kolom(self, compiler, naam: str) -> tuple[str, list]:
        pk_sql, params = compiler.compile(self.pk)  # '"kaart_dienst"."id"' or 'U0."id"'
        tabel, punt, _ = pk_sql.rpartition(".")
        return f"{tabel}{punt}{naam}", list(params)


class _PgTermen(_PgKolom):
    """PostgreSQL: `term_ids && %s::uuid[]` — the service has one of these categories."""

    def __init__(self, ids: list):
        super().__init__(BooleanField())
        self.ids = ids

    def as_sql(self, compiler, connection):
        kolom, params = self.kolom(compiler, "term_ids")
        return f"{kolom} && %s::uuid[]", [*params, self.ids]


def zoekvector():
    """The full-text expression (PostgreSQL). Migration 0003 put a GIN index on it; migration
    0007 stores it as the generated column kaart_dienst.zoekvector, which _PgTekst uses."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector("naam", weight="A", config="dutch") + SearchVector(
        "beschrijving", weight="B", config="dutch"
    )


# PostgreSQL's 'dutch' stop words (tsearch_data/dutch.stop, from Snowball): left out on SQLite
# too, so "koffie bij de buren" means the same on both databases.
STOPWOORDEN = frozenset(
    "de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om "
    "hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar "
    "naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al "
    "waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd "
    "altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest "
    "andere".split()
)


def _stam(woord: str) -> str:
    """A light Dutch stem for SQLite (which has no Dutch stemmer): maaltijden → maaltijd,
    kinderen → kinder, lessen → les. Used as a prefix, so it also finds the other forms."""
    if len(woord) >= 5:
        if woord.endswith("en"):
            woord = woord[:-2]
        elif woord.endswith("e") or (woord.endswith("s") and not woord.endswith("ss")):
            woord = woord[:-1]
        if len(woord) > 3 and woord[-1] == woord[-2] and woord[-1] not in "aeiou":
            woord = woord[:-1]
    return woord


def fts5_vraag(tekst: str) -> str:
    """The FTS5 query for SQLite: every word (stop words left out) as a prefix of its stem,
    all required. '' when nothing is left to search for."""
    delen = [w for w in woorden(tekst) if w not in STOPWOORDEN]
    return " ".join(f'"{_stam(w)}"*' for w in delen)


def tsquery(tekst: str) -> str:
    """The tsquery for PostgreSQL ('dutch' stems and drops stop words): every word required,
    the last one also as a prefix so "koff" finds "koffie" while typing."""
    delen = woorden(tekst)
    if not delen:
        return ""
    return " & ".join(delen[:-1] + [f"{delen[-1]}:*"])


class _PgTekst(_PgKolom):
    """PostgreSQL: `zoekvector @@ to_tsquery('dutch', q)` (or with rang=True
    `ts_rank(zoekvector, …)`), on the stored, GIN-indexed column of migration 0007 (the same
    vector as zoekvector(): name weight A, description weight B). Filtering and ranking on the
    stored vector spares parsing and stemming the text of every hit again. Written out because
    Django's SearchVector/SearchQuery/SearchRank cost ~2 ms of expression work per request."""

    def __init__(self, vraag: str, rang: bool = False):
        super().__init__(FloatField() if rang else BooleanField())
        self.vraag, self.rang = vraag, rang

    def as_sql(self, compiler, connection):
        vector, params = self.kolom(compiler, "zoekvector")
        vraag = "to_tsquery('dutch'::regconfig, %s)"
        sql = f"ts_rank({vector}, {vraag})" if self.rang else f"{vector} @@ {vraag}"
        return sql, [*params, self.vraag]


class _FtsRang(Expression):
    """SQLite: -bm25 of the service in kaart_dienst_fts (name weighs 10, description 4, like
    weights A and B on PostgreSQL); NULL when only the thesaurus matched."""

    output_field = FloatField()

    def __init__(self, vraag: str):
        super().__init__()
        self.vraag = vraag
        self.pk = F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = compiler.compile(self.pk)
        return (
            "(SELECT -bm25(kaart_dienst_fts, 10.0, 4.0) FROM kaart_dienst_fts"
            " WHERE kaart_dienst_fts MATCH %s AND kaart_dienst_fts.rowid ="
            f" (SELECT rij FROM kaart_dienst_zoekrij WHERE dienst_id = {pk_sql}))",
            [self.vraag, *pk_params],
        )


def _tekst_filter(qs: QuerySet, tekst: str) -> QuerySet:
    ids = thesaurus_termen(tekst)
    if connection.vendor == "postgresql":
        vraag = tsquery(tekst)
        if vraag:
            qs = qs.annotate(rang=_PgTekst(vraag, rang=True))
            voorwaarde = Q(_PgTekst(vraag))
        else:
            qs = qs.annotate(rang=Value(0.0, output_field=FloatField()))
            voorwaarde = Q(pk__in=[])
    else:
        # SQLite: the FTS5 index of migration 0005, kept in step by triggers.
        vraag = fts5_vraag(tekst)
        if vraag:
            treffers = RawSQL(
                "SELECT z.dienst_id FROM kaart_dienst_fts"
                " JOIN kaart_dienst_zoekrij z ON z.rij = kaart_dienst_fts.rowid"
                " WHERE kaart_dienst_fts MATCH %s",
                [vraag],
            )
            qs = qs.annotate(rang=_FtsRang(vraag))
            voorwaarde = Q(pk__in=treffers)
        else:
            qs = qs.annotate(rang=Value(0.0, output_field=FloatField()))
            voorwaarde = Q(pk__in=[])
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
        return qs.order_by(F("rang").desc(nulls_last=True), "naam", "id")
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
        if punt is None and not loc.vertrouwelijk and (loc.buurt or loc.wijk):
            # No coordinates (e.g. entered with the form): the buurt's (or wijk's) point.
            gebied = loc.buurt or loc.wijk
            punt = (gebied.punt_lat, gebied.punt_lon) if gebied.punt_lat is not None else None
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
    """Add or change a word: the national list for a platform beheerder, else the gemeente's."""
    from socialebasis.kaart.toegang import is_platformbeheerder

    vereis(actor, Actie.AANMAKEN, Zoekwoord)
    gemeente_id = None if is_platformbeheerder(actor) else actor.gemeente_id
    zw, _ = Zoekwoord.objects.get_or_create(woord=woord.strip().lower(), gemeente_id=gemeente_id)
    vereis(actor, Actie.WIJZIGEN, zw)
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


# --- locations (aanbieder form and /api/v1/locaties) -------------------------------------------

LOCATIE_VELDEN = ["naam", "beschrijving", "vertrouwelijk", "toegankelijkheid", "lat", "lon"]
ADRES_VELDEN = ["straat", "postcode", "plaats"]


def beheerbare_diensten(actor) -> QuerySet:
    """The entries this user keeps: own organisation (aanbieder) or own gemeente (redacteur)."""
    from socialebasis.kaart.toegang import is_aanbieder, is_redacteur

    qs = zichtbaar(actor, Dienst)
    if is_aanbieder(actor):
        return qs.filter(organisatie__organisatie_id=actor.organisatie_id)
    if is_redacteur(actor):
        return qs.filter(gemeente_id=actor.gemeente_id)
    return qs.none()


def beheerbare_locaties(actor) -> QuerySet:
    """The locations this user keeps (and may see the confidential address of)."""
    from socialebasis.kaart.models import Locatie
    from socialebasis.kaart.toegang import is_aanbieder, is_redacteur

    qs = zichtbaar(actor, Locatie).select_related("organisatie", "wijk", "buurt")
    if is_aanbieder(actor):
        return qs.filter(organisatie__organisatie_id=actor.organisatie_id)
    if is_redacteur(actor):
        return qs.filter(organisatie__gemeente_id=actor.gemeente_id)
    return qs.none()


def gebied_voor_locatie(gemeente_id, *, lat=None, lon=None, postcode="") -> tuple:
    """(buurt, wijk) suggested for an address: from the point when there is one, otherwise
    from the postcode (CBS most common PC4; a PC4 shared by buurten of one wijk gives only the
    wijk). (None, None) when nothing is known. A suggestion, see docs/gebieden.md."""
    from socialebasis.gebieden import zoeken as gebiedzoeken

    if lat is not None and lon is not None:
        buurt = gebiedzoeken.buurt_bij(lat, lon, gemeente=gemeente_id)
        if buurt is not None:
            return buurt, buurt.ouder
    if postcode:
        try:
            plaats = gebiedzoeken.plaats_bij_postcode(gemeente_id, postcode)
        except gebiedzoeken.OngeldigePostcode:
            return None, None
        if plaats is not None:
            if len(plaats.buurten) == 1:
                return plaats.buurten[0], plaats.buurten[0].ouder
            wijken = {b.ouder_id for b in plaats.buurten}
            if len(wijken) == 1:
                return None, plaats.buurten[0].ouder
    return None, None


@transaction.atomic
def locatie_opslaan(actor, locatie=None, *, organisatie=None, buurt=None, **velden):
    """Add or change a location with its address. Buurt and wijk: the chosen buurt, otherwise
    derived from the point or the postcode. Every entry at this location gets its public point
    renewed and a history row per changed field ('locatie.<veld>'); the write is audited."""
    from django.core.exceptions import PermissionDenied

    from socialebasis.kaart.models import Adres, Locatie

    nieuw_object = locatie is None
    if nieuw_object:
        if organisatie is None:
            raise PermissionDenied("Kies de organisatie van de locatie.")
        locatie = Locatie(organisatie=organisatie)
        vereis(actor, Actie.AANMAKEN, locatie)
        oud = {}
    else:
        locatie = (
            Locatie.objects.select_for_update(of=("self",))
            .select_related("organisatie")
            .get(pk=locatie.pk)
        )
        vereis(actor, Actie.WIJZIGEN, locatie)
        adres = locatie.adressen.first()
        oud = {k: getattr(locatie, k) for k in LOCATIE_VELDEN}
        oud.update({k: getattr(adres, k) if adres else "" for k in ADRES_VELDEN})
        oud["buurt"] = locatie.buurt.naam if locatie.buurt_id else ""
        oud["wijk"] = locatie.wijk.naam if locatie.wijk_id else ""
    for k in LOCATIE_VELDEN:
        if k in velden:
            setattr(locatie, k, velden[k])
    gemeente_id = locatie.organisatie.gemeente_id or actor.gemeente_id
    if buurt is not None:
        wijk = buurt.ouder if buurt.niveau == "buurt" else buurt
        buurt = buurt if buurt.niveau == "buurt" else None
    else:
        buurt, wijk = gebied_voor_locatie(
            gemeente_id, lat=locatie.lat, lon=locatie.lon, postcode=velden.get("postcode", "")
        )
    locatie.buurt, locatie.wijk = buurt, wijk
    locatie.gewijzigd_op = timezone.now()
    locatie.save()
    adres = locatie.adressen.first() or Adres(locatie=locatie)
    for k in ADRES_VELDEN:
        if k in velden:
            setattr(adres, k, velden[k] or "")
    if adres.straat or adres.plaats or adres.postcode:
        adres.save()
    nieuw = {k: getattr(locatie, k) for k in LOCATIE_VELDEN}
    nieuw.update({k: getattr(adres, k) for k in ADRES_VELDEN})
    nieuw["buurt"] = buurt.naam if buurt else ""
    nieuw["wijk"] = wijk.naam if wijk else ""
    veranderd = {f"locatie.{k}": v for k, v in nieuw.items() if oud.get(k) != v}
    if veranderd:
        for dienst in Dienst.objects.filter(op_locaties__locatie=locatie).distinct():
            punt_bijwerken(dienst)
            Dienst.objects.filter(pk=dienst.pk).update(gewijzigd_op=timezone.now())
            _geschiedenis(
                dienst,
                actor,
                "update",
                {f"locatie.{k}": v for k, v in oud.items()},
                veranderd,
            )
    vastleggen(
        handeling="kaart.locatie.aanmaken" if nieuw_object else "kaart.locatie.wijzigen",
        activiteit=ACTIVITEIT,
        actor=actor,
        gemeente=gemeente_id,
        obj=locatie,
    )
    return locatie
