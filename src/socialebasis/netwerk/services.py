"""All reads and writes of a resident's network data, each audited in the same transaction.

Access is decided by core.toegang (rules in netwerk/toegang.py). A refused read is logged with
status "geweigerd" and raises PermissionDenied; views and the API answer 404 for it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from socialebasis.audit import services as audit
from socialebasis.core.toegang import Actie, mag, vereis
from socialebasis.netwerk import bronnen, ecogram, metrieken
from socialebasis.netwerk.instrumenten import INSTRUMENTEN, ScoringSettings, score
from socialebasis.netwerk.models import (
    Eigenaar,
    Evaluatie,
    Momentopname,
    Netwerkberaad,
    Netwerklid,
    Netwerkplan,
    Planactie,
    Plandoel,
    Scoringsinstellingen,
    Vragenlijst,
    Wijze,
    steun_normaal,
)
from socialebasis.personen.models import Persoon

LID_VELDEN = [
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
]
ACTIE_VELDEN = [
    "doel",
    "omschrijving",
    "eigenaar",
    "netwerklid",
    "eigenaar_naam",
    "uiterlijk",
    "status",
]


ACTIVITEIT_INSTELLINGEN = "inrichting-netwerk"


def activiteit_voor(actor) -> str:
    return "eigen-gegevens" if getattr(actor, "rol", "") == "inwoner" else "ondersteuning-inwoner"


def _log(actor, handeling: str, persoon: Persoon, obj=None, status: str = "ok") -> None:
    audit.vastleggen(
        handeling=handeling,
        activiteit=activiteit_voor(actor),
        actor=actor,
        betrokkene=persoon,
        gemeente=persoon.gemeente_id,
        obj=obj if obj is not None else persoon,
        status=status,
    )


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


def persoon_ophalen(actor, persoon_uuid) -> Persoon:
    """The resident, when the actor may read them. Not audited by itself: every caller logs the
    read it does next. Raises Persoon.DoesNotExist or PermissionDenied (both: answer 404)."""
    persoon = (
        Persoon.objects.select_related("gemeente", "team", "buurt")
        .filter(uuid=persoon_uuid)
        .first()
    )
    if persoon is None:
        raise Persoon.DoesNotExist
    if not mag(actor, Actie.LEZEN, persoon):
        with transaction.atomic():
            _log(actor, "netwerk.lezen", persoon, status="geweigerd")
        raise PermissionDenied("U heeft geen toegang tot deze gegevens.")
    return persoon


def mag_wijzigen(actor, persoon: Persoon) -> bool:
    return mag(actor, Actie.WIJZIGEN, Netwerklid(persoon=persoon))


def mag_vragenlijst_invullen(actor, persoon: Persoon) -> bool:
    return mag(actor, Actie.AANMAKEN, Vragenlijst(persoon=persoon))


@dataclass
class Netwerkbeeld:
    """What the network page shows: stored members, members from other apps, metrics."""

    persoon: Persoon
    leden: list[Netwerklid]
    extra: list[ecogram.Netwerklid]
    momentopnamen: list[Momentopname] = field(default_factory=list)

    @property
    def ecogram_leden(self) -> list[ecogram.Netwerklid]:
        return [lid.als_ecogram() for lid in self.leden] + self.extra

    @property
    def analyse(self) -> metrieken.Netwerkanalyse:
        return metrieken.analyseer(self.ecogram_leden)


@transaction.atomic
def netwerk_lezen(actor, persoon: Persoon) -> Netwerkbeeld:
    vereis(actor, Actie.LEZEN, persoon)
    leden = list(persoon.netwerkleden.all())
    beeld = Netwerkbeeld(
        persoon=persoon,
        leden=leden,
        extra=bronnen.extra_leden(persoon),
        momentopnamen=list(persoon.netwerk_momentopnamen.select_related("gemaakt_door")),
    )
    _log(actor, "netwerk.lezen", persoon)
    return beeld


@transaction.atomic
def lid_lezen(actor, persoon: Persoon, lid_uuid) -> Netwerklid:
    lid = persoon.netwerkleden.filter(uuid=lid_uuid).first()
    if lid is None or not mag(actor, Actie.LEZEN, lid):
        raise Netwerklid.DoesNotExist
    _log(actor, "netwerklid.lezen", persoon, lid)
    return lid


@transaction.atomic
def vragenlijsten_lezen(actor, persoon: Persoon) -> list[Vragenlijst]:
    vereis(actor, Actie.LEZEN, persoon)
    rijen = list(persoon.vragenlijsten.select_related("ingevuld_door"))
    _log(actor, "vragenlijst.lijst", persoon)
    return rijen


@transaction.atomic
def plan_lezen(actor, persoon: Persoon) -> Netwerkplan | None:
    vereis(actor, Actie.LEZEN, persoon)
    plan = (
        Netwerkplan.objects.filter(persoon=persoon)
        .prefetch_related("doelen", "acties__netwerklid", "acties__doel", "beraden", "evaluaties")
        .first()
    )
    _log(actor, "netwerkplan.lezen", persoon, plan)
    return plan


@transaction.atomic
def vergelijken(actor, persoon: Persoon, oud_uuid, nieuw_uuid):
    """Two snapshots (or a snapshot and the current network when nieuw_uuid is None)."""
    vereis(actor, Actie.LEZEN, persoon)
    opnamen = persoon.netwerk_momentopnamen.select_related("gemaakt_door")
    oud = opnamen.filter(uuid=oud_uuid).first()
    nieuw = opnamen.filter(uuid=nieuw_uuid).first() if nieuw_uuid else None
    if oud is None or (nieuw_uuid and nieuw is None):
        raise Momentopname.DoesNotExist
    nieuw_leden = (
        nieuw.ecogram_leden()
        if nieuw
        else [lid.als_ecogram() for lid in persoon.netwerkleden.all()]
    )
    _log(actor, "momentopname.vergelijken", persoon, oud)
    return oud, nieuw, nieuw_leden, metrieken.verandering(oud.ecogram_leden(), nieuw_leden)


# --------------------------------------------------------------------------------------------
# Network members and snapshots
# --------------------------------------------------------------------------------------------


def _zet_lid(lid: Netwerklid, gegevens: dict) -> None:
    onbekend = set(gegevens) - set(LID_VELDEN)
    if onbekend:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
    for veld, waarde in gegevens.items():
        if veld in ("steun_aan", "steun_van"):
            try:
                waarde = steun_normaal(waarde)
            except ValueError as e:
                raise ValidationError({veld: str(e)}) from None
        if veld in ("contact", "afstand", "notitie") and waarde is None:
            waarde = ""
        setattr(lid, veld, waarde)
    lid.naam = " ".join(str(lid.naam or "").split())
    if not lid.mantelzorger:
        lid.uren_per_week = None
    lid.full_clean()


@transaction.atomic
def lid_toevoegen(actor, persoon: Persoon, gegevens: dict) -> Netwerklid:
    lid = Netwerklid(persoon=persoon)
    vereis(actor, Actie.AANMAKEN, lid)
    _zet_lid(lid, gegevens)
    lid.save()
    _log(actor, "netwerklid.aanmaken", persoon, lid)
    return lid


@transaction.atomic
def lid_wijzigen(actor, lid: Netwerklid, gegevens: dict) -> Netwerklid:
    vereis(actor, Actie.WIJZIGEN, lid)
    _zet_lid(lid, gegevens)
    lid.save()
    _log(actor, "netwerklid.wijzigen", lid.persoon, lid)
    return lid


@transaction.atomic
def lid_verwijderen(actor, lid: Netwerklid) -> None:
    vereis(actor, Actie.VERWIJDEREN, lid)
    persoon = lid.persoon
    _log(actor, "netwerklid.verwijderen", persoon, lid)
    lid.delete()


@transaction.atomic
def momentopname_maken(
    actor, persoon: Persoon, toelichting: str = "", datum: datetime.date | None = None
) -> Momentopname:
    opname = Momentopname(
        persoon=persoon,
        gemaakt_door=actor,
        toelichting=(toelichting or "").strip(),
        datum=datum or timezone.localdate(),
    )
    vereis(actor, Actie.AANMAKEN, opname)
    opname.leden = [lid.bevroren() for lid in persoon.netwerkleden.all()]
    opname.full_clean()
    opname.save()
    _log(actor, "momentopname.aanmaken", persoon, opname)
    return opname


# --------------------------------------------------------------------------------------------
# Questionnaires
# --------------------------------------------------------------------------------------------


def instellingen_voor(gemeente_id) -> ScoringSettings:
    rij = Scoringsinstellingen.objects.filter(gemeente_id=gemeente_id).first()
    if rij is None:
        return ScoringSettings()
    return ScoringSettings(
        djg11_subscale_threshold=rij.djg11_subscale_threshold,
        lsns6_subscale_threshold=rij.lsns6_subscale_threshold,
        ediz_signal_threshold=rij.ediz_signal_threshold,
    )


@transaction.atomic
def instellingen_wijzigen(actor, gegevens: dict) -> Scoringsinstellingen:
    rij = Scoringsinstellingen.objects.filter(gemeente_id=actor.gemeente_id).first()
    if rij is None:
        rij = Scoringsinstellingen(gemeente_id=actor.gemeente_id)
    vereis(actor, Actie.WIJZIGEN, rij)
    for veld in ("djg11_subscale_threshold", "lsns6_subscale_threshold", "ediz_signal_threshold"):
        if veld in gegevens:
            setattr(rij, veld, gegevens[veld])
    rij.gewijzigd_door = actor
    rij.full_clean()
    rij.save()
    audit.vastleggen(
        handeling="scoringsinstellingen.wijzigen",
        activiteit=ACTIVITEIT_INSTELLINGEN,
        actor=actor,
        gemeente=actor.gemeente_id,
        obj=rij,
    )
    return rij


@transaction.atomic
def vragenlijst_invullen(
    actor,
    persoon: Persoon,
    code: str,
    antwoorden: list,
    *,
    datum: datetime.date | None = None,
) -> Vragenlijst:
    """Score and store one administration. The resident fills in only about themselves."""
    rij = Vragenlijst(persoon=persoon, instrument=code, ingevuld_door=actor)
    vereis(actor, Actie.AANMAKEN, rij)
    if code not in INSTRUMENTEN:
        raise ValidationError({"instrument": f"Onbekende vragenlijst {code!r}."})
    instellingen = instellingen_voor(persoon.gemeente_id)
    try:
        uitkomst = score(code, antwoorden, settings=instellingen)
    except ValueError as e:
        raise ValidationError({"antwoorden": str(e)}) from None
    if uitkomst.missing == len(uitkomst.answers):
        raise ValidationError({"antwoorden": "Er is geen enkele vraag beantwoord."})
    vandaag = timezone.localdate()
    if datum and datum > vandaag:
        raise ValidationError({"datum": "De datum kan niet in de toekomst liggen."})
    rij.antwoorden = list(uitkomst.answers)
    rij.totaal = uitkomst.total
    rij.subschalen = dict(uitkomst.subscales)
    rij.subschaal_categorieen = dict(uitkomst.subscale_categories)
    rij.categorie = uitkomst.category or ""
    rij.categorie_label = uitkomst.category_label or ""
    rij.instellingen = {
        "djg11_subscale_threshold": instellingen.djg11_subscale_threshold,
        "lsns6_subscale_threshold": instellingen.lsns6_subscale_threshold,
        "ediz_signal_threshold": instellingen.ediz_signal_threshold,
    }
    rij.datum = datum or vandaag
    rij.wijze = Wijze.ZELF if actor.rol == "inwoner" else Wijze.SAMEN
    rij.full_clean()
    rij.save()
    _log(actor, "vragenlijst.aanmaken", persoon, rij)
    return rij


def uitkomst_van(rij: Vragenlijst):
    """Re-score a stored administration with the settings used at the time (for display)."""
    return score(rij.instrument, rij.antwoorden, settings=rij.instellingen or None)


# --------------------------------------------------------------------------------------------
# Netwerkplan
# --------------------------------------------------------------------------------------------


def _plan(actor, persoon: Persoon) -> Netwerkplan:
    """The resident's plan; made on the first write."""
    plan = Netwerkplan.objects.filter(persoon=persoon).first()
    if plan is None:
        plan = Netwerkplan(persoon=persoon)
        vereis(actor, Actie.AANMAKEN, plan)
        plan.save()
        _log(actor, "netwerkplan.aanmaken", persoon, plan)
    return plan


@transaction.atomic
def plan_maken(actor, persoon: Persoon) -> Netwerkplan:
    """Start a plan explicitly (the screens start one on the first goal or action)."""
    vereis(actor, Actie.AANMAKEN, Netwerkplan(persoon=persoon))
    if Netwerkplan.objects.filter(persoon=persoon).exists():
        raise ValidationError({"persoon": "Deze inwoner heeft al een netwerkplan."})
    return _plan(actor, persoon)


def _raak(plan: Netwerkplan) -> None:
    plan.save(update_fields=["gewijzigd"])


@transaction.atomic
def doel_toevoegen(actor, persoon: Persoon, tekst: str) -> Plandoel:
    plan = _plan(actor, persoon)
    doel = Plandoel(plan=plan, tekst=(tekst or "").strip(), volgorde=plan.doelen.count() + 1)
    vereis(actor, Actie.AANMAKEN, doel)
    doel.full_clean()
    doel.save()
    _raak(plan)
    _log(actor, "plandoel.aanmaken", persoon, doel)
    return doel


@transaction.atomic
def doel_wijzigen(actor, doel: Plandoel, tekst: str) -> Plandoel:
    vereis(actor, Actie.WIJZIGEN, doel)
    doel.tekst = (tekst or "").strip()
    doel.full_clean()
    doel.save()
    _raak(doel.plan)
    _log(actor, "plandoel.wijzigen", doel.plan.persoon, doel)
    return doel


@transaction.atomic
def doel_verwijderen(actor, doel: Plandoel) -> None:
    vereis(actor, Actie.VERWIJDEREN, doel)
    _log(actor, "plandoel.verwijderen", doel.plan.persoon, doel)
    plan = doel.plan
    doel.delete()
    _raak(plan)


def _zet_actie(actie: Planactie, gegevens: dict) -> None:
    onbekend = set(gegevens) - set(ACTIE_VELDEN)
    if onbekend:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
    for veld, waarde in gegevens.items():
        if veld == "eigenaar_naam" and waarde is None:
            waarde = ""
        setattr(actie, veld, waarde)
    persoon_id = actie.plan.persoon_id
    if actie.doel_id and actie.doel.plan_id != actie.plan_id:
        raise ValidationError({"doel": "Dit doel hoort niet bij dit plan."})
    if actie.eigenaar == Eigenaar.NETWERKLID:
        if actie.netwerklid_id is None:
            raise ValidationError({"netwerklid": "Kies wie uit het netwerk dit doet."})
        if actie.netwerklid.persoon_id != persoon_id:
            raise ValidationError({"netwerklid": "Deze persoon staat niet in dit netwerk."})
        actie.eigenaar_naam = ""
    else:
        actie.netwerklid = None
    if actie.eigenaar == Eigenaar.INWONER:
        actie.eigenaar_naam = ""
    actie.omschrijving = (actie.omschrijving or "").strip()
    actie.full_clean()


@transaction.atomic
def actie_toevoegen(actor, persoon: Persoon, gegevens: dict) -> Planactie:
    plan = _plan(actor, persoon)
    actie = Planactie(plan=plan)
    vereis(actor, Actie.AANMAKEN, actie)
    _zet_actie(actie, gegevens)
    actie.save()
    _raak(plan)
    _log(actor, "planactie.aanmaken", persoon, actie)
    return actie


@transaction.atomic
def actie_wijzigen(actor, actie: Planactie, gegevens: dict) -> Planactie:
    vereis(actor, Actie.WIJZIGEN, actie)
    _zet_actie(actie, gegevens)
    actie.save()
    _raak(actie.plan)
    _log(actor, "planactie.wijzigen", actie.plan.persoon, actie)
    return actie


@transaction.atomic
def actie_verwijderen(actor, actie: Planactie) -> None:
    vereis(actor, Actie.VERWIJDEREN, actie)
    _log(actor, "planactie.verwijderen", actie.plan.persoon, actie)
    plan = actie.plan
    actie.delete()
    _raak(plan)


def afspraken_uit_tekst(tekst: str) -> list[dict]:
    """'Naam: wat hij of zij doet' per line -> [{"naam", "doet"}]. A line without a colon is a
    person who came without a task."""
    uit = []
    for regel in (tekst or "").splitlines():
        regel = regel.strip().lstrip("-•* ").strip()
        if not regel:
            continue
        naam, _, doet = regel.partition(":")
        naam, doet = naam.strip(), doet.strip()
        if not naam:
            raise ValidationError({"afspraken": f"Er staat geen naam voor: '{regel}'."})
        uit.append({"naam": naam[:80], "doet": doet[:300]})
    return uit


@transaction.atomic
def beraad_vastleggen(
    actor, persoon: Persoon, *, datum: datetime.date, afspraken: list[dict], verslag: str = ""
) -> Netwerkberaad:
    plan = _plan(actor, persoon)
    beraad = Netwerkberaad(plan=plan, datum=datum, verslag=(verslag or "").strip())
    vereis(actor, Actie.AANMAKEN, beraad)
    beraad.afspraken = _afspraken(afspraken)
    beraad.full_clean()
    beraad.save()
    _raak(plan)
    _log(actor, "netwerkberaad.aanmaken", persoon, beraad)
    return beraad


def _afspraken(afspraken) -> list[dict]:
    uit = [
        {"naam": str(a.get("naam", "")).strip()[:80], "doet": str(a.get("doet", "")).strip()[:300]}
        for a in afspraken or []
    ]
    if not uit:
        raise ValidationError({"afspraken": "Schrijf op wie er waren en wat ieder gaat doen."})
    if any(not a["naam"] for a in uit):
        raise ValidationError({"afspraken": "Bij elke afspraak hoort de naam van wie er was."})
    return uit


@transaction.atomic
def beraad_wijzigen(actor, beraad: Netwerkberaad, gegevens: dict) -> Netwerkberaad:
    """Change the date, who came and what each will do, or the report of a netwerkberaad."""
    vereis(actor, Actie.WIJZIGEN, beraad)
    onbekend = set(gegevens) - {"datum", "afspraken", "verslag"}
    if onbekend:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
    if "datum" in gegevens:
        beraad.datum = gegevens["datum"]
    if "afspraken" in gegevens:
        beraad.afspraken = _afspraken(gegevens["afspraken"])
    if "verslag" in gegevens:
        beraad.verslag = (gegevens["verslag"] or "").strip()
    beraad.full_clean()
    beraad.save()
    _raak(beraad.plan)
    _log(actor, "netwerkberaad.wijzigen", beraad.plan.persoon, beraad)
    return beraad


@transaction.atomic
def beraad_verwijderen(actor, beraad: Netwerkberaad) -> None:
    vereis(actor, Actie.VERWIJDEREN, beraad)
    _log(actor, "netwerkberaad.verwijderen", beraad.plan.persoon, beraad)
    plan = beraad.plan
    beraad.delete()
    _raak(plan)


@transaction.atomic
def evaluatie_plannen(
    actor, persoon: Persoon, *, datum: datetime.date, verslag: str = ""
) -> Evaluatie:
    plan = _plan(actor, persoon)
    evaluatie = Evaluatie(plan=plan, datum=datum, verslag=(verslag or "").strip())
    vereis(actor, Actie.AANMAKEN, evaluatie)
    evaluatie.full_clean()
    evaluatie.save()
    _raak(plan)
    _log(actor, "evaluatie.aanmaken", persoon, evaluatie)
    return evaluatie


def evaluatie_verslag(actor, evaluatie: Evaluatie, verslag: str) -> Evaluatie:
    return evaluatie_wijzigen(actor, evaluatie, {"verslag": verslag})


@transaction.atomic
def evaluatie_wijzigen(actor, evaluatie: Evaluatie, gegevens: dict) -> Evaluatie:
    """Move a review date, or write down what came out of it."""
    vereis(actor, Actie.WIJZIGEN, evaluatie)
    onbekend = set(gegevens) - {"datum", "verslag"}
    if onbekend:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
    if "datum" in gegevens:
        evaluatie.datum = gegevens["datum"]
    if "verslag" in gegevens:
        evaluatie.verslag = (gegevens["verslag"] or "").strip()
    evaluatie.full_clean()
    evaluatie.save()
    _raak(evaluatie.plan)
    _log(actor, "evaluatie.wijzigen", evaluatie.plan.persoon, evaluatie)
    return evaluatie


@transaction.atomic
def evaluatie_verwijderen(actor, evaluatie: Evaluatie) -> None:
    vereis(actor, Actie.VERWIJDEREN, evaluatie)
    _log(actor, "evaluatie.verwijderen", evaluatie.plan.persoon, evaluatie)
    plan = evaluatie.plan
    evaluatie.delete()
    _raak(plan)


@transaction.atomic
def plan_afdrukken(actor, persoon: Persoon) -> bytes:
    """The plan as a PDF in B1 Dutch for the resident to take home (audited as a read)."""
    from socialebasis.netwerk.pdf import plan_pdf

    vereis(actor, Actie.LEZEN, persoon)
    plan = (
        Netwerkplan.objects.filter(persoon=persoon)
        .prefetch_related("doelen", "acties__netwerklid", "acties__doel", "beraden", "evaluaties")
        .first()
    )
    _log(actor, "netwerkplan.afdrukken", persoon, plan)
    return plan_pdf(persoon, plan)


# --------------------------------------------------------------------------------------------
# Audit of reads done by the API
# --------------------------------------------------------------------------------------------


@transaction.atomic
def gelezen(actor, handeling: str, persoon: Persoon, obj=None) -> None:
    """Log one read of a resident's network record (the API reads through querysets)."""
    _log(actor, handeling, persoon, obj)


@transaction.atomic
def gelezen_lijst(actor, handeling: str, personen) -> None:
    """Log a list read: one row per resident shown."""
    audit.vastleggen_lijst(
        handeling=handeling, activiteit=activiteit_voor(actor), actor=actor, objecten=personen
    )
