"""All reads of personal data and all writes for residents go through here, audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from socialebasis.accounts.models import Rol
from socialebasis.audit import services as audit
from socialebasis.core.toegang import Actie, vereis, zichtbaar
from socialebasis.personen import eigen_gegevens as eigen_gegevens_bronnen
from socialebasis.personen.models import Doel, Persoon, Toestemming, ToestemmingBron

BEWERKBAAR = [
    "voornaam",
    "tussenvoegsel",
    "achternaam",
    "email",
    "telefoon",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "buurt",
    "geboortejaar",
    "team",
]
# What a resident may correct in their own record (AVG art. 16).
ZELF_BEWERKBAAR = ["email", "telefoon", "straat", "huisnummer", "postcode", "woonplaats"]


def activiteit_voor(actor) -> str:
    rol = getattr(actor, "rol", "")
    return {
        "inwoner": "eigen-gegevens",
        "coordinator": "koppelen-vrijwilligers",
        "vrijwilliger": "koppelen-vrijwilligers",
    }.get(rol, "ondersteuning-inwoner")


def lijst(actor, qs=None):
    """The persons the actor may see (not yet read: call `gelezen_lijst` for the page shown)."""
    return zichtbaar(actor, qs if qs is not None else Persoon.objects.all())


def gelezen_lijst(actor, personen) -> None:
    """Log that a page of persons was shown (one row per person)."""
    with transaction.atomic():
        audit.vastleggen_lijst(
            handeling="persoon.lijst",
            activiteit=activiteit_voor(actor),
            actor=actor,
            objecten=personen,
        )


def lezen(actor, persoon_uuid) -> Persoon:
    """Read one person's full record; refused (and logged as refused) when not allowed.

    The full record is for who has the person in their task scope (`zichtbaar`). A read that
    an app grants on top of that (core.toegang.registreer_persoon_inzage, e.g. the volunteer
    who may see the address after accepting a match) is answered by that app with its own,
    smaller view, not with this record."""
    persoon = (
        Persoon.objects.select_related("buurt", "team", "gemeente")
        .filter(uuid=persoon_uuid)
        .first()
    )
    if persoon is None:
        raise Persoon.DoesNotExist
    toegestaan = lijst(actor, Persoon.objects.filter(pk=persoon.pk)).exists()
    inzage_vastleggen(actor, persoon, toegestaan=toegestaan)
    return persoon


def inzage_vastleggen(actor, persoon: Persoon, *, toegestaan: bool, weigering: str = "") -> None:
    """Log a read of a person's details (also a refused one, in its own transaction), then
    refuse when not allowed. Other apps that show a person's details call this too."""
    with transaction.atomic():
        audit.vastleggen(
            handeling="persoon.lezen",
            activiteit=activiteit_voor(actor),
            actor=actor,
            betrokkene=persoon,
            gemeente=persoon.gemeente_id,
            obj=persoon,
            status="ok" if toegestaan else "geweigerd",
        )
    if not toegestaan:
        raise PermissionDenied(weigering or "U heeft geen toegang tot deze gegevens.")


def _opslaan(persoon: Persoon) -> None:
    persoon.full_clean()
    persoon.save()


@transaction.atomic
def aanmaken(actor, gegevens: dict, *, toestemmingen: list[str] | None = None) -> Persoon:
    """Create a resident in the actor's gemeente. A coördinator must record consent for matching."""
    vereis(actor, Actie.AANMAKEN, Persoon)
    onbekend = set(gegevens) - set(BEWERKBAAR)
    if onbekend:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
    toestemmingen = list(toestemmingen or [])
    if actor.rol == "coordinator" and Doel.KOPPELEN not in toestemmingen:
        raise ValidationError(
            {"toestemmingen": "Leg vast dat de inwoner toestemming geeft voor koppelen."}
        )
    persoon = Persoon(gemeente_id=actor.gemeente_id, **gegevens)
    if actor.rol == "professional" and persoon.team_id is None:
        persoon.team = actor.teams.order_by("id").first()
        if persoon.team is None:
            raise ValidationError(
                "U zit nog in geen team, dus u zou deze inwoner daarna niet meer kunnen zien. "
                "Vraag de beheerder om u aan een team toe te voegen."
            )
    if (
        persoon.team_id
        and not actor.teams.filter(pk=persoon.team_id).exists()
        and (actor.rol == "professional")
    ):
        raise ValidationError({"team": "U kunt alleen personen aan uw eigen team toewijzen."})
    _opslaan(persoon)
    for doel in toestemmingen:
        if doel not in Doel.values:
            raise ValidationError({"toestemmingen": f"Onbekend doel {doel!r}."})
        Toestemming.objects.create(persoon=persoon, doel=doel, vastgelegd_door=actor)
    audit.vastleggen(
        handeling="persoon.aanmaken",
        activiteit=activiteit_voor(actor),
        actor=actor,
        betrokkene=persoon,
        gemeente=persoon.gemeente_id,
        obj=persoon,
    )
    return persoon


@transaction.atomic
def wijzigen(actor, persoon: Persoon, gegevens: dict) -> Persoon:
    vereis(actor, Actie.WIJZIGEN, persoon)
    toegestaan = ZELF_BEWERKBAAR if actor.rol == "inwoner" else BEWERKBAAR
    verboden = set(gegevens) - set(toegestaan)
    if verboden:
        raise ValidationError(f"Deze velden mag u niet wijzigen: {', '.join(sorted(verboden))}.")
    for veld, waarde in gegevens.items():
        setattr(persoon, veld, waarde)
    if (
        "team" in gegevens
        and actor.rol == "professional"
        and persoon.team_id
        and not (actor.teams.filter(pk=persoon.team_id).exists())
    ):
        raise ValidationError({"team": "U kunt alleen personen aan uw eigen team toewijzen."})
    _opslaan(persoon)
    audit.vastleggen(
        handeling="persoon.wijzigen",
        activiteit=activiteit_voor(actor),
        actor=actor,
        betrokkene=persoon,
        gemeente=persoon.gemeente_id,
        obj=persoon,
    )
    return persoon


def _toestemming_opslaan(actor, persoon: Persoon, doel: str, toelichting: str, bron) -> Toestemming:
    """Check, save and log one consent; `actor` None means the person gave it on a public form."""
    if doel not in Doel.values:
        raise ValidationError({"doel": f"Onbekend doel {doel!r}."})
    toestemming = Toestemming(
        persoon=persoon, doel=doel, vastgelegd_door=actor, toelichting=toelichting, bron=bron
    )
    if actor is not None:
        vereis(actor, Actie.AANMAKEN, toestemming)
    toestemming.full_clean()
    toestemming.save()
    audit.vastleggen(
        handeling="toestemming.vastleggen",
        activiteit=activiteit_voor(actor) if actor is not None else "eigen-gegevens",
        actor=actor,
        betrokkene=persoon,
        gemeente=persoon.gemeente_id,
        obj=toestemming,
    )
    return toestemming


@transaction.atomic
def toestemming_vastleggen(
    actor, persoon: Persoon, doel: str, toelichting: str = ""
) -> Toestemming:
    bron = ToestemmingBron.INWONER if actor.rol == Rol.INWONER else ToestemmingBron.MEDEWERKER
    return _toestemming_opslaan(actor, persoon, doel, toelichting, bron)


@transaction.atomic
def toestemming_formulier(persoon: Persoon, doel: str, toelichting: str) -> Toestemming:
    """Consent given on a public form without an account (e.g. 'word vrijwilliger'): nobody
    recorded it, the person gave it themself. Only for a person created by that same form,
    in the same transaction (the caller guarantees this; there is no actor to check)."""
    return _toestemming_opslaan(None, persoon, doel, toelichting, ToestemmingBron.AANMELDFORMULIER)


@transaction.atomic
def toestemming_intrekken(actor, toestemming: Toestemming) -> Toestemming:
    vereis(actor, Actie.WIJZIGEN, toestemming)
    if toestemming.ingetrokken_op is not None:
        raise ValidationError("Deze toestemming is al ingetrokken.")
    toestemming.ingetrokken_op = timezone.localdate()
    toestemming.ingetrokken_door = actor
    toestemming.save(update_fields=["ingetrokken_op", "ingetrokken_door"])
    audit.vastleggen(
        handeling="toestemming.intrekken",
        activiteit=activiteit_voor(actor),
        actor=actor,
        betrokkene=toestemming.persoon,
        gemeente=toestemming.persoon.gemeente_id,
        obj=toestemming,
    )
    return toestemming


def eigen_gegevens(actor) -> dict:
    """Everything we keep about the logged-in resident, for download (AVG art. 15 and 20)."""
    persoon = getattr(actor, "persoon", None)
    if persoon is None:
        raise PermissionDenied("Er zijn geen gegevens van u bekend.")
    persoon = lezen(actor, persoon.uuid)
    velden = [*BEWERKBAAR, "aangemaakt", "gewijzigd"]
    gegevens = {}
    for veld in velden:
        waarde = getattr(persoon, veld)
        gegevens[veld] = (
            str(waarde) if waarde is not None and not isinstance(waarde, int) else waarde
        )
    gegevens["buurt"] = persoon.buurt.naam if persoon.buurt else None
    gegevens["team"] = persoon.team.naam if persoon.team else None
    gegevens["gemeente"] = persoon.gemeente.naam
    return {
        "persoon": gegevens,
        "toestemmingen": [
            {
                "doel": t.get_doel_display(),
                "gegevenOp": t.gegeven_op.isoformat(),
                "hoeGegeven": t.get_bron_display(),
                "ingetrokkenOp": t.ingetrokken_op.isoformat() if t.ingetrokken_op else None,
            }
            for t in persoon.toestemmingen.all()
        ],
        "verwerkingen": [
            {
                "wanneer": v.start_tijd.isoformat(),
                "handeling": v.naam,
                "doel": v.verwerkingsactiviteit,
                "doorRol": v.actor_rol or "systeem",
                "resultaat": v.status,
            }
            for v in audit.geschiedenis_van(persoon)
        ],
        **eigen_gegevens_bronnen.verzamelen(persoon),
    }
