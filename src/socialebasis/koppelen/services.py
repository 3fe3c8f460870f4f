"""All writes for Koppelen, and every read of personal data, audited in the same transaction.

Activity in the Logboek: "koppelen-vrijwilligers". Access: koppelen/toegang.py via core.toegang.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from socialebasis.accounts.models import Rol, User
from socialebasis.audit import services as audit
from socialebasis.core.toegang import Actie, mag, vereis, zichtbaar
from socialebasis.koppelen import engine, meldingen
from socialebasis.koppelen.models import (
    DAG_KORT,
    LOPEND,
    NA_AKKOORD,
    Aanbod,
    Aanmeldpoging,
    AfgewezenVoorstel,
    Contactmoment,
    Dieet,
    EindReden,
    Hulpvraag,
    HulpvraagStatus,
    Koppeling,
    KoppelingStatus,
    Soort,
    Statuswijziging,
    Urgentie,
    Vacature,
    Vrijwilliger,
    VrijwilligerStatus,
    Zorgsignaal,
    ZorgsignaalStatus,
    contact_na_weken,
    max_afstand_m,
)
from socialebasis.personen import services as personen
from socialebasis.personen.models import Doel, Persoon

ACTIVITEIT = "koppelen-vrijwilligers"


def _log(actor, handeling, obj, *, betrokkene=None, gemeente=None, status="ok"):
    audit.vastleggen(
        handeling=handeling,
        activiteit=ACTIVITEIT,
        actor=actor,
        betrokkene=betrokkene,
        gemeente=gemeente,
        obj=obj,
        status=status,
    )


def _na_commit(taak, *args) -> None:
    transaction.on_commit(lambda: taak.enqueue(*args))


def _dagen(waarden) -> list[int]:
    dagen = sorted({int(d) for d in waarden or []})
    if any(d < 0 or d > 6 for d in dagen):
        raise ValidationError({"dagen": "Kies dagen van maandag tot en met zondag."})
    return dagen


def _dieten(waarden) -> list[str]:
    dieten = sorted(set(waarden or []))
    onbekend = set(dieten) - set(Dieet.values)
    if onbekend:
        raise ValidationError({"dieten": f"Onbekend dieet: {', '.join(sorted(onbekend))}."})
    return dieten


def punt_van(buurt):
    """The buurt's representative point: we never geocode a home address."""
    if buurt is None or buurt.punt_lat is None:
        return None, None
    return buurt.punt_lat, buurt.punt_lon


def _actief_toestemming(persoon: Persoon) -> bool:
    return persoon.toestemmingen.filter(doel=Doel.KOPPELEN, ingetrokken_op__isnull=True).exists()


# --------------------------------------------------------------------------- vrijwilligers

VRIJWILLIGER_OVERGANGEN = {
    VrijwilligerStatus.AANGEMELD: {VrijwilligerStatus.INTAKE, VrijwilligerStatus.GESTOPT},
    VrijwilligerStatus.INTAKE: {VrijwilligerStatus.ACTIEF, VrijwilligerStatus.GESTOPT},
    VrijwilligerStatus.ACTIEF: {VrijwilligerStatus.GEPAUZEERD, VrijwilligerStatus.GESTOPT},
    VrijwilligerStatus.GEPAUZEERD: {VrijwilligerStatus.ACTIEF, VrijwilligerStatus.GESTOPT},
    VrijwilligerStatus.GESTOPT: set(),
}


@transaction.atomic
def aanmelden(gegevens: dict) -> Vrijwilliger:
    """A resident signs up as a volunteer on the public page (no account, no actor).

    Their consent for using these data to find a match is a personen.Toestemming (doel
    'koppelen', bron 'aanmeldformulier'), which they can later see and withdraw.
    """
    from socialebasis.gebieden.models import Gebied

    gemeente = gegevens["gemeente"]
    buurt = (
        Gebied.objects.buurten().filter(gemeente=gemeente, pk=gegevens.get("buurt_id")).first()
        if gegevens.get("buurt_id")
        else None
    )
    if not gegevens.get("toestemming"):
        raise ValidationError({"toestemming": "Zonder toestemming kunnen wij u niet koppelen."})
    persoon = Persoon(
        gemeente=gemeente,
        voornaam=gegevens["voornaam"],
        achternaam=gegevens.get("achternaam", ""),
        email=gegevens.get("email", ""),
        telefoon=gegevens.get("telefoon", ""),
        postcode=gegevens.get("postcode", ""),
        buurt=buurt,
    )
    persoon.full_clean()
    persoon.save()
    lat, lon = punt_van(buurt)
    v = Vrijwilliger.objects.create(
        persoon=persoon,
        gemeente=gemeente,
        motivatie=gegevens.get("motivatie", ""),
        lat=lat,
        lon=lon,
    )
    personen.toestemming_formulier(
        persoon, Doel.KOPPELEN, "Gegeven op het aanmeldformulier 'Word vrijwilliger'."
    )
    for soort in gegevens.get("soorten", []):
        Aanbod.objects.create(
            vrijwilliger=v, soort=soort, dagen=_dagen(gegevens.get("dagen")), actief=False
        )
    Statuswijziging.objects.create(vrijwilliger=v, naar=v.status, toelichting="zelf aangemeld")
    _log(None, "vrijwilliger.aanmelden", v, betrokkene=persoon, gemeente=gemeente.pk)
    return v


@transaction.atomic
def vrijwilliger_status(actor, v: Vrijwilliger, naar: str, toelichting: str = "") -> Vrijwilliger:
    vereis(actor, Actie.WIJZIGEN, v)
    if naar not in VRIJWILLIGER_OVERGANGEN.get(v.status, set()):
        raise ValidationError(
            f"Een vrijwilliger met status '{v.get_status_display()}' kan niet naar "
            f"'{VrijwilligerStatus(naar).label if naar in VrijwilligerStatus.values else naar}'."
        )
    if naar == VrijwilligerStatus.ACTIEF:
        if not v.aanbod.exists():
            raise ValidationError("Leg eerst vast wat de vrijwilliger wil doen (aanbod).")
        v.aanbod.update(actief=True)
    if v.organisatie_id is None and actor.organisatie_id:
        v.organisatie_id = actor.organisatie_id  # the coördinator takes on the intake
    Statuswijziging.objects.create(
        vrijwilliger=v, van=v.status, naar=naar, door=actor, toelichting=toelichting
    )
    v.status = naar
    v.save(update_fields=["status", "organisatie"])
    _log(actor, "vrijwilliger.status", v, betrokkene=v.persoon, gemeente=v.gemeente_id)
    return v


@transaction.atomic
def vog_vastleggen(actor, v: Vrijwilliger, datum) -> Vrijwilliger:
    vereis(actor, Actie.WIJZIGEN, v)
    if datum > timezone.localdate():
        raise ValidationError({"vog_datum": "De datum van de VOG ligt in de toekomst."})
    v.vog_datum = datum
    v.save(update_fields=["vog_datum"])
    _log(actor, "vrijwilliger.vog", v, betrokkene=v.persoon, gemeente=v.gemeente_id)
    return v


@transaction.atomic
def profiel_vastleggen(actor, v: Vrijwilliger, *, talen, huisdieren_geen_bezwaar: bool, buurt=None):
    """Languages, pets and the buurt (for the distance), as agreed at the intake."""
    vereis(actor, Actie.WIJZIGEN, v)
    v.talen = sorted(set(talen))
    v.huisdieren_geen_bezwaar = huisdieren_geen_bezwaar
    if buurt is not None:
        if buurt.gemeente_id != v.gemeente_id:
            raise ValidationError({"buurt": "Deze buurt ligt niet in de gemeente."})
        v.persoon.buurt = buurt
        v.persoon.save(update_fields=["buurt", "gewijzigd"])
        v.lat, v.lon = punt_van(buurt)
    v.save(update_fields=["talen", "huisdieren_geen_bezwaar", "lat", "lon"])
    _log(actor, "vrijwilliger.profiel", v, betrokkene=v.persoon, gemeente=v.gemeente_id)
    return v


AANBOD_VELDEN = {"soort", "capaciteit", "dagen", "tijden", "straal_m", "kan_bezorgen"}
AANBOD_VELDEN |= {"dieten", "talen", "actief"}


@transaction.atomic
def aanbod_opslaan(actor, v: Vrijwilliger, gegevens: dict, aanbod: Aanbod | None = None) -> Aanbod:
    """A coördinator, or the volunteer themself, adds or changes an offer."""
    eigen = actor.rol == Rol.VRIJWILLIGER and v.account_id == actor.pk
    if not eigen:
        vereis(actor, Actie.WIJZIGEN, v)
    onbekend = set(gegevens) - AANBOD_VELDEN
    if onbekend:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
    if eigen and "actief" in gegevens:
        raise ValidationError({"actief": "Of een aanbod actief is, regelt de coördinator."})
    aanbod = aanbod or Aanbod(vrijwilliger=v, actief=v.status == VrijwilligerStatus.ACTIEF)
    if aanbod.vrijwilliger_id != v.pk:
        raise PermissionDenied
    for veld, waarde in gegevens.items():
        setattr(aanbod, veld, waarde)
    aanbod.dagen = _dagen(aanbod.dagen)
    aanbod.dieten = _dieten(aanbod.dieten)
    aanbod.full_clean()
    aanbod.save()
    _log(actor, "aanbod.opslaan", aanbod, betrokkene=v.persoon, gemeente=v.gemeente_id)
    return aanbod


# --------------------------------------------------------------------------- hulpvragen

HULPVRAAG_VELDEN = {
    "soort",
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
}


@transaction.atomic
def hulpvraag_aanmaken(
    actor, persoon: Persoon, gegevens: dict, *, toestemming_koppelen: bool = False
) -> Hulpvraag:
    """A professional or coördinator enters a request for a resident they may see.

    The request reaches a coördinator only with the resident's consent for matching: a
    professional ticks that the resident agrees, and we record it (personen service).
    """
    vereis(actor, Actie.AANMAKEN, Hulpvraag)
    if not mag(actor, Actie.LEZEN, persoon):
        raise PermissionDenied("U heeft geen toegang tot deze gegevens.")
    onbekend = set(gegevens) - HULPVRAAG_VELDEN - {"organisatie"}
    if onbekend:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
    if not _actief_toestemming(persoon):
        if not toestemming_koppelen:
            raise ValidationError(
                {
                    "toestemming_koppelen": "Vraag de inwoner om toestemming om een vrijwilliger "
                    "te zoeken. Zonder toestemming ziet de coördinator de vraag niet."
                }
            )
        personen.toestemming_vastleggen(
            actor, persoon, Doel.KOPPELEN, "Vastgelegd bij het invoeren van een hulpvraag."
        )
    hv = Hulpvraag(
        persoon=persoon,
        gemeente_id=persoon.gemeente_id,
        ingevoerd_door=actor,
        ingevoerd_rol=actor.rol,
        **gegevens,
    )
    if actor.rol == Rol.COORDINATOR and hv.organisatie_id is None:
        hv.organisatie_id = actor.organisatie_id
    elif hv.organisatie_id is not None and hv.organisatie_id != actor.organisatie_id:
        if not koppel_organisaties(hv.gemeente_id).filter(pk=hv.organisatie_id).exists():
            raise ValidationError(
                {"organisatie": "Deze organisatie koppelt geen vrijwilligers in deze gemeente."}
            )
    hv.dagen = _dagen(hv.dagen) or list(range(7))
    hv.voorkeursdagen = _dagen(hv.voorkeursdagen)
    hv.dieten = _dieten(hv.dieten)
    hv.lat, hv.lon = punt_van(persoon.buurt)
    hv.full_clean()
    hv.save()
    _log(actor, "hulpvraag.aanmaken", hv, betrokkene=persoon, gemeente=hv.gemeente_id)
    return hv


def koppel_organisaties(gemeente_id):
    """Organisations that match volunteers in this gemeente: they work there and have an
    active coördinator there."""
    from socialebasis.accounts.models import Organisatie

    coordinatoren = User.objects.filter(
        rol=Rol.COORDINATOR, gemeente_id=gemeente_id, is_active=True
    ).values("organisatie_id")
    return Organisatie.objects.filter(gemeenten__id=gemeente_id, pk__in=coordinatoren).distinct()


# What a resident fills in themself. Urgency and vulnerability are the coördinator's call.
ZELF_VELDEN = HULPVRAAG_VELDEN - {"urgentie", "kwetsbaar", "wacht_sinds"}


@transaction.atomic
def eigen_hulpvraag_aanmaken(actor, gegevens: dict, *, organisatie, toestemming: bool):
    """A resident (logged in) asks for a volunteer for themself, at an organisation that
    matches in their gemeente, and gives consent for matching in the same step."""
    persoon = getattr(actor, "persoon", None) if actor.rol == Rol.INWONER else None
    if persoon is None:
        raise PermissionDenied("Alleen een inwoner met eigen gegevens kan dit doen.")
    vereis(actor, Actie.AANMAKEN, Hulpvraag)
    verboden = set(gegevens) - ZELF_VELDEN
    if verboden:
        raise ValidationError(
            {veld: "Dit vult de coördinator in, niet de inwoner." for veld in sorted(verboden)}
        )
    if (
        organisatie is None
        or not koppel_organisaties(persoon.gemeente_id)
        .filter(pk=getattr(organisatie, "pk", organisatie))
        .exists()
    ):
        raise ValidationError({"organisatie": "Kies een organisatie uit uw gemeente."})
    if not toestemming:
        raise ValidationError(
            {
                "toestemming_koppelen": "Zonder uw toestemming kan de coördinator geen "
                "vrijwilliger voor u zoeken."
            }
        )
    if not _actief_toestemming(persoon):
        personen.toestemming_vastleggen(
            actor, persoon, Doel.KOPPELEN, "Gegeven bij het aanvragen van een vrijwilliger."
        )
    hv = Hulpvraag(
        persoon=persoon,
        gemeente_id=persoon.gemeente_id,
        organisatie_id=getattr(organisatie, "pk", organisatie),
        ingevoerd_door=actor,
        ingevoerd_rol=Rol.INWONER,
        **gegevens,
    )
    hv.dagen = _dagen(hv.dagen) or list(range(7))
    hv.voorkeursdagen = _dagen(hv.voorkeursdagen)
    hv.dieten = _dieten(hv.dieten)
    hv.lat, hv.lon = punt_van(persoon.buurt)
    hv.full_clean()
    hv.save()
    _log(actor, "hulpvraag.aanmaken", hv, betrokkene=persoon, gemeente=hv.gemeente_id)
    return hv


@transaction.atomic
def eigen_hulpvraag_intrekken(actor, hv: Hulpvraag) -> Hulpvraag:
    """The resident withdraws their own request. A proposal the volunteer has not answered yet
    is withdrawn with it; once a volunteer said yes, the coördinator ends the match."""
    if actor.rol != Rol.INWONER or hv.persoon.account_id != actor.pk:
        raise PermissionDenied("U kunt alleen uw eigen hulpvraag intrekken.")
    vereis(actor, Actie.WIJZIGEN, hv)
    hv = Hulpvraag.objects.select_for_update().get(pk=hv.pk)
    if hv.status == HulpvraagStatus.GESLOTEN:
        raise ValidationError("Deze hulpvraag is al gesloten.")
    lopend = list(hv.koppelingen.filter(status__in=LOPEND))
    if any(k.status != KoppelingStatus.VOORGESTELD for k in lopend):
        raise ValidationError(
            "U heeft al een vrijwilliger. Wilt u stoppen? Neem contact op met de coördinator; "
            "die rondt het samen met u en de vrijwilliger af."
        )
    for k in lopend:
        Statuswijziging.objects.create(
            koppeling=k,
            van=k.status,
            naar=KoppelingStatus.AFGEWEZEN,
            door=actor,
            toelichting="De inwoner heeft de vraag ingetrokken.",
        )
        k.status, k.afwijzing = KoppelingStatus.AFGEWEZEN, "De inwoner heeft de vraag ingetrokken."
        k.save(update_fields=["status", "afwijzing"])
    hv.status = HulpvraagStatus.GESLOTEN
    hv.save(update_fields=["status"])
    _log(actor, "hulpvraag.intrekken", hv, betrokkene=hv.persoon, gemeente=hv.gemeente_id)
    return hv


@transaction.atomic
def hulpvraag_beoordelen(actor, hv: Hulpvraag, *, urgentie: int, kwetsbaar: bool) -> Hulpvraag:
    """The coördinator sets urgency and vulnerability (a VOG is then required), e.g. after a
    conversation about a request the resident entered themself."""
    if actor.rol != Rol.COORDINATOR:
        raise PermissionDenied("Alleen de coördinator kan dit doen.")
    vereis(actor, Actie.WIJZIGEN, hv)
    if urgentie not in Urgentie.values:
        raise ValidationError({"urgentie": "Kies normaal, hoog of spoed."})
    if kwetsbaar and not hv.kwetsbaar:
        for k in hv.koppelingen.filter(status__in=LOPEND).select_related("aanbod__vrijwilliger"):
            if not k.vrijwilliger.heeft_geldige_vog():
                raise ValidationError(
                    {
                        "kwetsbaar": "De vrijwilliger van de lopende koppeling heeft geen geldige "
                        "VOG. Regel eerst een VOG of beëindig de koppeling."
                    }
                )
    hv.urgentie, hv.kwetsbaar = urgentie, kwetsbaar
    hv.save(update_fields=["urgentie", "kwetsbaar"])
    _log(actor, "hulpvraag.beoordelen", hv, betrokkene=hv.persoon, gemeente=hv.gemeente_id)
    return hv


@transaction.atomic
def hulpvraag_sluiten(actor, hv: Hulpvraag, toelichting: str = "") -> Hulpvraag:
    vereis(actor, Actie.WIJZIGEN, hv)
    if hv.koppelingen.filter(status__in=LOPEND).exists():
        raise ValidationError("Beëindig eerst de lopende koppeling van deze hulpvraag.")
    hv.status = HulpvraagStatus.GESLOTEN
    hv.save(update_fields=["status"])
    _log(actor, "hulpvraag.sluiten", hv, betrokkene=hv.persoon, gemeente=hv.gemeente_id)
    return hv


def hulpvraag_lezen(actor, hulpvraag_uuid) -> Hulpvraag:
    """One request with the resident's details, audited; 404-style when not visible."""
    hv = (
        zichtbaar(actor, Hulpvraag)
        .select_related("persoon__buurt", "organisatie", "ingevoerd_door")
        .filter(uuid=hulpvraag_uuid)
        .first()
    )
    if hv is None:
        raise Hulpvraag.DoesNotExist
    with transaction.atomic():
        _log(actor, "hulpvraag.lezen", hv, betrokkene=hv.persoon, gemeente=hv.gemeente_id)
    return hv


def gelezen_lijst(actor, objecten, handeling: str) -> None:
    """Log a list read: one row per resident (or volunteer) shown."""
    with transaction.atomic():
        audit.vastleggen_lijst(
            handeling=handeling,
            activiteit=ACTIVITEIT,
            actor=actor,
            objecten=[o.persoon for o in objecten],
        )


def wachtlijst(actor):
    """Waiting requests the actor may see: urgent first, then who waits longest."""
    return (
        zichtbaar(actor, Hulpvraag)
        .filter(status=HulpvraagStatus.WACHTEND)
        .select_related("persoon__buurt")
        .order_by("-urgentie", "wacht_sinds", "id")
    )


@dataclass
class Tekort:
    soort: str
    label: str
    wachtend: int
    aanbod_met_ruimte: int
    vrije_plekken: int

    @property
    def tekort(self) -> int:
        return max(0, self.wachtend - self.vrije_plekken)


def tekort(actor) -> list[Tekort]:
    """Per kind of help: requests waiting vs. active offers with free capacity."""
    wachtend = Counter(wachtlijst(actor).values_list("soort", flat=True))
    offers = (
        zichtbaar(actor, Aanbod)
        .filter(actief=True, vrijwilliger__status=VrijwilligerStatus.ACTIEF)
        .annotate(bezet=Count("koppelingen", filter=Q(koppelingen__status__in=LOPEND)))
    )
    met_ruimte, plekken = Counter(), Counter()
    for soort, cap, bezet in offers.values_list("soort", "capaciteit", "bezet"):
        vrij = max(0, cap - bezet)
        if vrij:
            met_ruimte[soort] += 1
            plekken[soort] += vrij
    rijen = [
        Tekort(s.value, s.label, wachtend[s.value], met_ruimte[s.value], plekken[s.value])
        for s in Soort
        if wachtend[s.value] or met_ruimte[s.value]
    ]
    return sorted(rijen, key=lambda r: (-r.tekort, r.label))


# --------------------------------------------------------------------------- engine


def _plek(hv: Hulpvraag):
    """The request's point; when it was entered before the buurt was known, the buurt's now."""
    if hv.lat is not None:
        return hv.lat, hv.lon
    return punt_van(hv.persoon.buurt)


def _verzoek(hv: Hulpvraag) -> engine.Request:
    lat, lon = _plek(hv)
    return engine.Request(
        id=hv.pk,
        need=hv.soort,
        lat=lat,
        lon=lon,
        diets=frozenset(hv.dieten),
        days=frozenset(hv.dagen or range(7)),
        needs_vog=hv.kwetsbaar,
        priority=hv.urgentie,
        languages=frozenset(hv.talen),
        preferred_days=frozenset(hv.voorkeursdagen),
        has_pets=hv.huisdieren,
    )


def _aanbieding(a: Aanbod, capaciteit: int) -> engine.Offer:
    v = a.vrijwilliger
    return engine.Offer(
        id=a.pk,
        need=a.soort,
        lat=v.lat,
        lon=v.lon,
        radius_m=a.straal_m,
        capacity=max(0, capaciteit),
        diets=frozenset(a.dieten),
        days=frozenset(a.dagen or range(7)),
        has_vog=v.heeft_geldige_vog(),
        languages=frozenset(a.talen) | frozenset(v.talen),
        accepts_pets=v.huisdieren_geen_bezwaar,
    )


def beleid() -> engine.Policy:
    return engine.Policy(max_distance_m=max_afstand_m())


@dataclass
class Invoer:
    requests: list
    offers: list
    existing: list
    hulpvragen: dict = field(default_factory=dict)
    aanbod: dict = field(default_factory=dict)


def engine_invoer(actor, soort: str | None = None) -> Invoer:
    """DB -> engine: waiting requests, active offers, and running matches that keep capacity."""
    hv_qs, a_qs = zichtbaar(actor, Hulpvraag), zichtbaar(actor, Aanbod)
    if soort:
        hv_qs, a_qs = hv_qs.filter(soort=soort), a_qs.filter(soort=soort)
    return invoer_uit(hv_qs, a_qs)


def invoer_uit(hv_qs, a_qs) -> Invoer:
    """Engine input from querysets of requests and offers (already narrowed by access)."""
    hv_qs = hv_qs.filter(
        Q(lat__isnull=False) | Q(persoon__buurt__punt_lat__isnull=False)
    ).select_related("persoon__buurt")
    a_qs = a_qs.filter(
        actief=True,
        vrijwilliger__status=VrijwilligerStatus.ACTIEF,
        vrijwilliger__lat__isnull=False,
    ).select_related("vrijwilliger__persoon")
    aanbod = {a.pk: a for a in a_qs}
    lopend = list(
        Koppeling.objects.filter(aanbod_id__in=aanbod, status__in=LOPEND).values_list(
            "hulpvraag_id", "aanbod_id"
        )
    )
    hulpvragen = {hv.pk: hv for hv in hv_qs.filter(status=HulpvraagStatus.WACHTEND)}
    bekend = {hv.pk: hv for hv in hv_qs.filter(pk__in=[h for h, _ in lopend])}
    existing = [(h, a) for h, a in lopend if h in bekend]
    # Running matches whose request this actor cannot see still take capacity.
    buiten = Counter(a for h, a in lopend if h not in bekend)
    requests = [_verzoek(hv) for hv in [*hulpvragen.values(), *bekend.values()]]
    offers = [_aanbieding(a, a.capaciteit - buiten[a.pk]) for a in aanbod.values()]
    return Invoer(requests, offers, existing, {**hulpvragen, **bekend}, aanbod)


@dataclass
class Voorstel:
    hulpvraag: Hulpvraag
    aanbod: Aanbod
    afstand_m: int
    uitleg: tuple
    wensen: tuple

    @property
    def sleutel(self) -> str:
        return f"{self.hulpvraag.uuid}:{self.aanbod.uuid}"


def afgewezen(actor):
    """The pairs the actor's organisation said no to in earlier rounds (in their gemeente)."""
    return zichtbaar(actor, AfgewezenVoorstel)


def ronde(actor, soort: str | None = None) -> tuple[list[Voorstel], list]:
    """Preview of a matching round: nothing is saved. Returns (voorstellen, niet gekoppeld).

    Pairs the organisation rejected before are excluded, so the engine may find another
    volunteer for that request."""
    if actor.rol != Rol.COORDINATOR:
        raise PermissionDenied
    inv = engine_invoer(actor, soort)
    uitgesloten = list(afgewezen(actor).values_list("hulpvraag_id", "aanbod_id"))
    result = engine.solve(inv.requests, inv.offers, beleid(), inv.existing, uitgesloten)
    voorstellen = [
        Voorstel(
            inv.hulpvragen[m.request_id],
            inv.aanbod[m.offer_id],
            m.distance_m,
            m.explanation,
            m.unmet_wishes,
        )
        for m in result.matches
    ]
    voorstellen.sort(key=lambda v: (-v.hulpvraag.urgentie, v.hulpvraag.wacht_sinds))
    niet = [
        (inv.hulpvragen[rid], reden)
        for rid, reden in result.unmatched.items()
        if inv.hulpvragen[rid].status == HulpvraagStatus.WACHTEND
    ]
    # Requests without a location never reach the engine: say so instead of hiding them.
    zonder = wachtlijst(actor).filter(lat__isnull=True, persoon__buurt__punt_lat__isnull=True)
    if soort:
        zonder = zonder.filter(soort=soort)
    niet += [(hv, "buurt van de inwoner is onbekend: vul die aan") for hv in zonder]
    niet.sort(key=lambda p: (-p[0].urgentie, p[0].wacht_sinds))
    return voorstellen, niet


@transaction.atomic
def voorstel_afwijzen(actor, hv: Hulpvraag, aanbod: Aanbod, reden: str = "") -> AfgewezenVoorstel:
    """A coördinator says no to a proposed pair: no round of their organisation proposes it
    again (until the list is cleared). The request keeps waiting."""
    vereis(actor, Actie.AANMAKEN, AfgewezenVoorstel)
    if not mag(actor, Actie.LEZEN, hv) or not mag(actor, Actie.LEZEN, aanbod.vrijwilliger):
        raise PermissionDenied("U heeft geen toegang tot deze gegevens.")
    rij, _nieuw = AfgewezenVoorstel.objects.update_or_create(
        hulpvraag=hv,
        aanbod=aanbod,
        organisatie_id=actor.organisatie_id,
        defaults={
            "gemeente_id": hv.gemeente_id,
            "afgewezen_door": actor,
            "afgewezen_op": timezone.now(),
            "reden": reden.strip()[:300],
        },
    )
    _log(actor, "ronde.afwijzen", rij, betrokkene=hv.persoon, gemeente=hv.gemeente_id)
    return rij


@transaction.atomic
def afwijzingen_wissen(actor, soort: str | None = None) -> int:
    """Forget the organisation's rejected proposals (of one kind, or all): they may be
    proposed again. Logged per resident."""
    if actor.rol != Rol.COORDINATOR:
        raise PermissionDenied
    qs = afgewezen(actor).select_related("hulpvraag__persoon")
    if soort:
        qs = qs.filter(hulpvraag__soort=soort)
    rijen = list(qs)
    for rij in rijen:
        if not mag(actor, Actie.VERWIJDEREN, rij):
            raise PermissionDenied
    audit.vastleggen_lijst(
        handeling="ronde.afwijzingen_wissen",
        activiteit=ACTIVITEIT,
        actor=actor,
        objecten=[rij.hulpvraag.persoon for rij in rijen],
    )
    AfgewezenVoorstel.objects.filter(pk__in=[rij.pk for rij in rijen]).delete()
    return len(rijen)


def controleer(hv: Hulpvraag, aanbod: Aanbod) -> engine.Match:
    """The hard constraints for one pair (same as the engine's); Dutch error when one fails."""
    v = aanbod.vrijwilliger
    if hv.status != HulpvraagStatus.WACHTEND:
        raise ValidationError("Deze hulpvraag staat niet (meer) op de wachtlijst.")
    if aanbod.soort != hv.soort:
        raise ValidationError(
            f"Deze vrijwilliger biedt {aanbod.get_soort_display().lower()}, de inwoner vraagt "
            f"{hv.get_soort_display().lower()}."
        )
    if v.status != VrijwilligerStatus.ACTIEF or not aanbod.actief:
        raise ValidationError("Deze vrijwilliger is nu niet actief.")
    if hv.kwetsbaar and not v.heeft_geldige_vog():
        raise ValidationError(
            "Deze inwoner is kwetsbaar: de vrijwilliger heeft een geldige VOG nodig."
        )
    ontbreekt = set(hv.dieten) - set(aanbod.dieten)
    if ontbreekt:
        raise ValidationError(
            f"De vrijwilliger kookt niet {', '.join(sorted(ontbreekt))}: dat dieet is nodig."
        )
    if hv.dagen and aanbod.dagen and not set(hv.dagen) & set(aanbod.dagen):
        raise ValidationError("De vrijwilliger kan niet op de dagen dat de inwoner hulp vraagt.")
    lat, lon = _plek(hv)
    if lat is None or v.lat is None:
        raise ValidationError("De buurt van de inwoner of de vrijwilliger is niet bekend.")
    afstand = engine.haversine_m(lat, lon, v.lat, v.lon)
    grens = min(aanbod.straal_m, max_afstand_m())
    if afstand > grens:
        raise ValidationError(
            f"De afstand ({round(afstand / 100) / 10:.1f} km) is groter dan de vrijwilliger "
            f"wil reizen ({grens / 1000:.1f} km).".replace(".", ",", 2)
        )
    bezet = aanbod.koppelingen.filter(status__in=LOPEND).count()
    if bezet >= aanbod.capaciteit:
        raise ValidationError(
            f"Deze vrijwilliger helpt al {bezet} inwoner(s): dat is het maximum voor dit aanbod."
        )
    result = engine.solve([_verzoek(hv)], [_aanbieding(aanbod, 1)], beleid())
    if not result.matches:  # defensive: the engine and the checks above must agree
        raise ValidationError(
            f"Deze koppeling past niet: {next(iter(result.unmatched.values()), '')}."
        )
    return result.matches[0]


@transaction.atomic
def voorstellen(actor, hv: Hulpvraag, aanbod: Aanbod, *, handmatig: bool = False) -> Koppeling:
    """Save a proposal (from a round, or by hand) after checking the hard constraints again."""
    vereis(actor, Actie.AANMAKEN, Koppeling)
    hv = Hulpvraag.objects.select_for_update().get(pk=hv.pk)
    if not mag(actor, Actie.LEZEN, hv) or not mag(actor, Actie.LEZEN, aanbod.vrijwilliger):
        raise PermissionDenied("U heeft geen toegang tot deze gegevens.")
    match = controleer(hv, aanbod)
    k = Koppeling.objects.create(
        hulpvraag=hv,
        aanbod=aanbod,
        afstand_m=match.distance_m,
        uitleg=list(match.explanation),
        onvervulde_wensen=list(match.unmet_wishes),
        handmatig=handmatig,
        voorgesteld_door=actor,
    )
    hv.status = HulpvraagStatus.GEKOPPELD
    hv.save(update_fields=["status"])
    Statuswijziging.objects.create(koppeling=k, naar=k.status, door=actor)
    _log(actor, "koppeling.voorstellen", k, betrokkene=hv.persoon, gemeente=hv.gemeente_id)
    _na_commit(meldingen.nieuw_voorstel, k.pk)
    return k


# --------------------------------------------------------------------------- koppelingen

OVERGANGEN = {
    KoppelingStatus.VOORGESTELD: {KoppelingStatus.GEACCEPTEERD, KoppelingStatus.AFGEWEZEN},
    KoppelingStatus.GEACCEPTEERD: {KoppelingStatus.KENNISMAKING, KoppelingStatus.BEEINDIGD},
    KoppelingStatus.KENNISMAKING: {KoppelingStatus.ACTIEF, KoppelingStatus.BEEINDIGD},
    KoppelingStatus.ACTIEF: {KoppelingStatus.GEEVALUEERD, KoppelingStatus.BEEINDIGD},
    KoppelingStatus.GEEVALUEERD: {KoppelingStatus.BEEINDIGD},
    KoppelingStatus.AFGEWEZEN: set(),
    KoppelingStatus.BEEINDIGD: set(),
}
VOLGENDE_STAP = {
    KoppelingStatus.VOORGESTELD: "Eerst moet de vrijwilliger het voorstel accepteren.",
    KoppelingStatus.GEACCEPTEERD: "Plan eerst de kennismaking.",
    KoppelingStatus.KENNISMAKING: "Zet de koppeling eerst op actief.",
    KoppelingStatus.ACTIEF: "Leg eerst de evaluatie vast.",
}


def _overgang(actor, k: Koppeling, naar: str, toelichting: str = "") -> None:
    if naar not in OVERGANGEN[k.status]:
        tekst = (
            f"Een koppeling met status '{k.get_status_display()}' kan niet naar "
            f"'{KoppelingStatus(naar).label}'."
        )
        if k.status in VOLGENDE_STAP:
            tekst += " " + VOLGENDE_STAP[k.status]
        raise ValidationError(tekst)
    Statuswijziging.objects.create(
        koppeling=k, van=k.status, naar=naar, door=actor, toelichting=toelichting
    )
    k.status = naar


def _coordinator_wijzigt(actor, k: Koppeling) -> None:
    if actor.rol != Rol.COORDINATOR:
        raise PermissionDenied("Alleen de coördinator kan dit doen.")
    vereis(actor, Actie.WIJZIGEN, k)


def _opslaan(actor, k: Koppeling, handeling: str) -> Koppeling:
    k.save()
    hv = k.hulpvraag
    _log(actor, handeling, k, betrokkene=hv.persoon, gemeente=hv.gemeente_id)
    return k


def _vergrendeld(k: Koppeling) -> Koppeling:
    return (
        Koppeling.objects.select_for_update()
        .select_related("hulpvraag__persoon", "aanbod__vrijwilliger__persoon")
        .get(pk=k.pk)
    )


@transaction.atomic
def accepteren(actor, k: Koppeling) -> Koppeling:
    """The volunteer says yes (or the coördinator records their yes, e.g. by phone)."""
    vereis(actor, Actie.WIJZIGEN, k)
    k = _vergrendeld(k)
    _overgang(actor, k, KoppelingStatus.GEACCEPTEERD)
    k.geaccepteerd_op = timezone.now()
    return _opslaan(actor, k, "koppeling.accepteren")


@transaction.atomic
def afwijzen(actor, k: Koppeling, reden: str = "") -> Koppeling:
    """Either side says no: the request goes back to the waiting list, its waiting time kept."""
    vereis(actor, Actie.WIJZIGEN, k)
    k = _vergrendeld(k)
    _overgang(actor, k, KoppelingStatus.AFGEWEZEN, reden)
    k.afwijzing = reden[:300]
    k.save()
    hv = k.hulpvraag
    hv.status = HulpvraagStatus.WACHTEND
    hv.save(update_fields=["status"])
    _log(actor, "koppeling.afwijzen", k, betrokkene=hv.persoon, gemeente=hv.gemeente_id)
    return k


@transaction.atomic
def kennismaking_plannen(actor, k: Koppeling, wanneer) -> Koppeling:
    _coordinator_wijzigt(actor, k)
    k = _vergrendeld(k)
    if wanneer < timezone.now() - timedelta(days=1):
        raise ValidationError({"kennismaking_op": "Kies een datum vanaf vandaag."})
    _overgang(actor, k, KoppelingStatus.KENNISMAKING)
    k.kennismaking_op = wanneer
    _opslaan(actor, k, "koppeling.kennismaking")
    _na_commit(meldingen.kennismaking_gepland, k.pk)
    return k


@transaction.atomic
def activeren(actor, k: Koppeling, start=None) -> Koppeling:
    _coordinator_wijzigt(actor, k)
    k = _vergrendeld(k)
    _overgang(actor, k, KoppelingStatus.ACTIEF)
    k.gestart_op = start or timezone.localdate()
    k.evaluatie_voor = Koppeling.evaluatiedatum(k.gestart_op)
    return _opslaan(actor, k, "koppeling.activeren")


@transaction.atomic
def evalueren(actor, k: Koppeling, verslag: str) -> Koppeling:
    _coordinator_wijzigt(actor, k)
    k = _vergrendeld(k)
    if not verslag.strip():
        raise ValidationError({"evaluatie": "Schrijf kort op hoe het gaat."})
    _overgang(actor, k, KoppelingStatus.GEEVALUEERD)
    k.evaluatie = verslag
    k.geevalueerd_op = timezone.localdate()
    return _opslaan(actor, k, "koppeling.evalueren")


@transaction.atomic
def contact_vastleggen(actor, k: Koppeling, notitie: str, datum=None) -> Contactmoment:
    _coordinator_wijzigt(actor, k)
    if k.status not in (KoppelingStatus.ACTIEF, KoppelingStatus.GEEVALUEERD):
        raise ValidationError("Een contactmoment hoort bij een actieve koppeling.")
    c = Contactmoment.objects.create(
        koppeling=k, notitie=notitie, datum=datum or timezone.localdate(), door=actor
    )
    _log(
        actor,
        "koppeling.contact",
        k,
        betrokkene=k.hulpvraag.persoon,
        gemeente=k.hulpvraag.gemeente_id,
    )
    return c


SLUIT_HULPVRAAG = {EindReden.DOEL_BEREIKT, EindReden.VERHUISD, EindReden.GEZONDHEID}


@transaction.atomic
def beeindigen(actor, k: Koppeling, reden: str, toelichting: str = "") -> Koppeling:
    """End a match with a reason. If the help is still needed, the request waits again."""
    _coordinator_wijzigt(actor, k)
    if reden not in EindReden.values:
        raise ValidationError({"eind_reden": "Kies een reden."})
    k = _vergrendeld(k)
    _overgang(actor, k, KoppelingStatus.BEEINDIGD, toelichting)
    k.eind_reden, k.eind_toelichting = reden, toelichting[:300]
    k.beeindigd_op = timezone.localdate()
    k.save()
    hv = k.hulpvraag
    if reden in SLUIT_HULPVRAAG:
        hv.status = HulpvraagStatus.GESLOTEN
    else:
        hv.status, hv.wacht_sinds = HulpvraagStatus.WACHTEND, timezone.localdate()
    hv.save(update_fields=["status", "wacht_sinds"])
    _log(actor, "koppeling.beeindigen", k, betrokkene=hv.persoon, gemeente=hv.gemeente_id)
    return k


# --------------------------------------------------------------------------- volunteer's view


def afgeronde_afstand(meters: int) -> str:
    """Rounded for the volunteer: never precise enough to find a house."""
    if meters < 500:
        return "minder dan 500 m"
    km = max(0.5, round(meters / 500) * 0.5)
    return f"ongeveer {km:.1f} km".replace(".", ",").replace(",0 km", " km")


def voorstel_weergave(actor, k: Koppeling) -> dict:
    """What a volunteer sees of the resident BEFORE acceptance: what deciding needs. Audited."""
    if actor.rol != Rol.VRIJWILLIGER or k.aanbod.vrijwilliger.account_id != actor.pk:
        raise PermissionDenied
    hv = k.hulpvraag
    p = hv.persoon
    with transaction.atomic():
        _log(actor, "koppeling.voorstel_lezen", k, betrokkene=p, gemeente=hv.gemeente_id)
    return {
        "voornaam": p.voornaam,
        "buurt": p.buurt.naam if p.buurt_id else "",
        "afstand": afgeronde_afstand(k.afstand_m),
        "soort": hv.get_soort_display(),
        "frequentie": hv.get_frequentie_display(),
        "dieten": [Dieet(d).label for d in hv.dieten if d in Dieet.values],
        "dagen": [DAG_KORT[d] for d in hv.dagen],
        "levering": hv.get_levering_display(),
        "huisdieren": hv.huisdieren,
    }


def adres_lezen(actor, k: Koppeling) -> dict:
    """The resident's address and phone, for the volunteer only after acceptance. Audited as a
    read of the person through personen.services.inzage_vastleggen."""
    if actor.rol != Rol.VRIJWILLIGER or k.aanbod.vrijwilliger.account_id != actor.pk:
        raise PermissionDenied
    p = k.hulpvraag.persoon
    # core.toegang decides (koppelen registers the grant: accepted or running match).
    personen.inzage_vastleggen(
        actor,
        p,
        toegestaan=mag(actor, Actie.LEZEN, p),
        weigering="Het adres ziet u pas als u het voorstel heeft geaccepteerd.",
    )
    return {
        "voornaam": p.voornaam,
        "straat": p.straat,
        "huisnummer": p.huisnummer,
        "postcode": p.postcode,
        "woonplaats": p.woonplaats,
        "telefoon": p.telefoon,
    }


def mijn_vrijwilliger(actor) -> Vrijwilliger | None:
    if actor.rol != Rol.VRIJWILLIGER:
        return None
    return Vrijwilliger.objects.filter(account=actor).select_related("persoon").first()


# --------------------------------------------------------------------------- zorgsignalen


def _ontvangers(signaal: Zorgsignaal) -> list[int]:
    if signaal.team_id:
        ids = list(
            User.objects.filter(
                rol=Rol.PROFESSIONAL, teams=signaal.team_id, is_active=True
            ).values_list("pk", flat=True)
        )
        if ids:
            return ids
    coordinatoren = User.objects.filter(
        rol=Rol.COORDINATOR, gemeente=signaal.gemeente_id, is_active=True
    )
    if signaal.organisatie_id:
        coordinatoren = coordinatoren.filter(organisatie=signaal.organisatie_id)
    return list(coordinatoren.values_list("pk", flat=True))


@transaction.atomic
def zorgsignaal_melden(actor, k: Koppeling, omschrijving: str, spoed: bool = False) -> Zorgsignaal:
    """A volunteer raises a concern; it goes to the resident's team (or the coördinator)."""
    vereis(actor, Actie.AANMAKEN, Zorgsignaal)
    if k.aanbod.vrijwilliger.account_id != actor.pk or k.status not in NA_AKKOORD:
        raise PermissionDenied(
            "U kunt alleen een signaal geven over iemand met wie u bent gekoppeld."
        )
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": "Beschrijf kort wat u opvalt."})
    p = k.hulpvraag.persoon
    team = p.team
    organisatie_id = k.hulpvraag.organisatie_id or k.aanbod.vrijwilliger.organisatie_id
    # A team without professionals cannot act on it: route to the coördinator instead.
    if team and not User.objects.filter(rol=Rol.PROFESSIONAL, teams=team, is_active=True).exists():
        team = None
    s = Zorgsignaal.objects.create(
        koppeling=k,
        persoon=p,
        gemeente_id=p.gemeente_id,
        gemeld_door=actor,
        team=team,
        organisatie_id=organisatie_id,
        omschrijving=omschrijving,
        spoed=spoed,
    )
    _log(actor, "zorgsignaal.melden", s, betrokkene=p, gemeente=p.gemeente_id)
    _na_commit(meldingen.zorgsignaal_ontvangen, s.pk, _ontvangers(s))
    return s


def zorgsignaal_lezen(actor, signaal_uuid) -> Zorgsignaal:
    s = (
        zichtbaar(actor, Zorgsignaal)
        .select_related("persoon", "koppeling__aanbod__vrijwilliger__persoon", "team")
        .filter(uuid=signaal_uuid)
        .first()
    )
    if s is None:
        raise Zorgsignaal.DoesNotExist
    with transaction.atomic():
        _log(actor, "zorgsignaal.lezen", s, betrokkene=s.persoon, gemeente=s.gemeente_id)
    return s


ZORGSIGNAAL_OVERGANGEN = {
    ZorgsignaalStatus.ONTVANGEN: {ZorgsignaalStatus.IN_BEHANDELING, ZorgsignaalStatus.AFGEHANDELD},
    ZorgsignaalStatus.IN_BEHANDELING: {ZorgsignaalStatus.AFGEHANDELD},
    ZorgsignaalStatus.AFGEHANDELD: set(),
}


@transaction.atomic
def zorgsignaal_status(actor, s: Zorgsignaal, naar: str) -> Zorgsignaal:
    vereis(actor, Actie.WIJZIGEN, s)
    if naar not in ZORGSIGNAAL_OVERGANGEN[s.status]:
        raise ValidationError(f"Dit signaal is al '{s.get_status_display()}'.")
    s.status = naar
    if naar == ZorgsignaalStatus.AFGEHANDELD:
        s.afgehandeld_op = timezone.now()
    s.save(update_fields=["status", "afgehandeld_op"])
    _log(actor, "zorgsignaal.status", s, betrokkene=s.persoon, gemeente=s.gemeente_id)
    return s


# --------------------------------------------------------------------------- vacatures


@transaction.atomic
def vacature_opslaan(actor, gegevens: dict) -> Vacature:
    vereis(actor, Actie.AANMAKEN, Vacature)
    vac = Vacature(organisatie_id=actor.organisatie_id, gemeente_id=actor.gemeente_id, **gegevens)
    vac.full_clean()
    vac.save()
    _log(actor, "vacature.opslaan", vac, gemeente=actor.gemeente_id)
    return vac


@transaction.atomic
def vacature_sluiten(actor, vac: Vacature) -> Vacature:
    vereis(actor, Actie.WIJZIGEN, vac)
    vac.open = False
    vac.save(update_fields=["open"])
    _log(actor, "vacature.sluiten", vac, gemeente=vac.gemeente_id)
    return vac


def eigen_gelezen(actor, hulpvragen) -> None:
    """A resident looked at their own requests (activity 'eigen-gegevens')."""
    with transaction.atomic():
        audit.vastleggen_lijst(
            handeling="hulpvraag.lezen",
            activiteit="eigen-gegevens",
            actor=actor,
            objecten=[hv.persoon for hv in hulpvragen],
        )


def herinneringen(actor) -> dict:
    """What needs the coördinator's attention: evaluations due within a week (or late) and
    running matches without a check-in for KOPPELEN_CONTACT_WEKEN weeks (default 8)."""
    vandaag = timezone.localdate()
    qs = zichtbaar(actor, Koppeling)
    evaluaties = qs.filter(
        status=KoppelingStatus.ACTIEF, evaluatie_voor__lte=vandaag + timedelta(days=7)
    ).count()
    grens = vandaag - timedelta(weeks=contact_na_weken())
    stil = (
        qs.filter(status__in=[KoppelingStatus.ACTIEF, KoppelingStatus.GEEVALUEERD])
        .filter(Q(gestart_op__lte=grens) | Q(gestart_op__isnull=True))
        .exclude(contacten__datum__gt=grens)
        .distinct()
        .count()
    )
    return {"evaluaties": evaluaties, "zonder_contact": stil}


def herinneringen_versturen() -> int:
    """Queue one reminder e-mail per coördinator who has something to do."""
    n = 0
    for user in User.objects.filter(rol=Rol.COORDINATOR, is_active=True, gemeente__isnull=False):
        telling = herinneringen(user)
        if telling["evaluaties"] or telling["zonder_contact"]:
            meldingen.herinnering.enqueue(user.pk, telling["evaluaties"], telling["zonder_contact"])
            n += 1
    return n


# --------------------------------------------------------------------------- aanmelden


AANMELDINGEN_PER_UUR = 5


def aanmelding_toegestaan(ip_adres: str) -> bool:
    """At most AANMELDINGEN_PER_UUR sign-ups per address per hour, counted in the database so
    every worker and server shares the count. Stores only an HMAC of the address, for an hour.
    """
    nu = timezone.now()
    sleutel = audit.pseudoniem("aanmelden", ip_adres or "onbekend")
    with transaction.atomic():
        Aanmeldpoging.objects.filter(op__lt=nu - timedelta(hours=1)).delete()
        if Aanmeldpoging.objects.filter(sleutel=sleutel).count() >= AANMELDINGEN_PER_UUR:
            return False
        Aanmeldpoging.objects.create(sleutel=sleutel, op=nu)
    return True
