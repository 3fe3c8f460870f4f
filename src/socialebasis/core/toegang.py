"""Who may see or change what — the one place that decides, object by object.

Every view and API endpoint asks this module: `zichtbaar(user, Model)` narrows a queryset to
what the user may see; `mag(user, actie, obj)` answers for one object (or for a model class when
creating). Tenancy is part of every rule: staff only ever see their own gemeente.

Rules in words (the role matrix test in core/tests/test_rolmatrix.py checks each of them):
- Gebieden and kerncijfers are public open data: everyone may read them.
- Persoon: an inwoner sees and corrects only their own record; a professional sees residents of
  their own gemeente whose responsible team is one of theirs; a coördinator sees residents of
  their own gemeente who gave active consent for matching (doel 'koppelen'). Vrijwilliger,
  aanbieder, beleidsmedewerker (aggregates only) and beheerder never see residents.
- Toestemming follows the person it belongs to (their task scope). A resident may give (and
  withdraw) consent for matching ('koppelen') for themself; other purposes are recorded by staff.
- Apps may add grants to read ONE person on top of the task scope, with
  `registreer_persoon_inzage` (e.g. koppelen: the volunteer of an accepted or running match reads
  the resident's address). Such a grant answers `mag(user, "lezen", persoon)`, never widens
  `zichtbaar` (lists, the full record) and never crosses gemeenten.
- Verwerking (audit log): a beheerder searches the log of their own gemeente; an inwoner sees
  the rows about themselves.
- User, Team, Organisatie: a beheerder manages those of their own gemeente; staff may read the
  teams and organisations of their gemeente; everyone reads their own account.
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet

from socialebasis.accounts.models import Rol


class Actie(StrEnum):
    LEZEN = "lezen"
    AANMAKEN = "aanmaken"
    WIJZIGEN = "wijzigen"
    VERWIJDEREN = "verwijderen"


STAF = {Rol.PROFESSIONAL, Rol.COORDINATOR, Rol.BEHEERDER, Rol.BELEIDSMEDEWERKER, Rol.AANBIEDER}


def _ingelogd(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


class Regel:
    """Base rule: nobody sees or changes anything."""

    def scope(self, user, qs: QuerySet) -> QuerySet:
        return qs.none()

    def mag(self, user, actie: Actie, obj) -> bool:
        if isinstance(obj, type):
            return False
        return (
            actie == Actie.LEZEN
            and self.scope(user, type(obj)._default_manager.filter(pk=obj.pk)).exists()
        )


class OpenbaarLezen(Regel):
    def scope(self, user, qs):
        return qs

    def mag(self, user, actie, obj):
        return actie == Actie.LEZEN


# Extra grants to read one person, added by apps: functions (user, persoon) -> bool.
PERSOON_INZAGE: dict[str, object] = {}


def registreer_persoon_inzage(naam: str, functie) -> None:
    """An app grants reading a single person in a situation its own rules describe."""
    PERSOON_INZAGE[naam] = functie


def _extra_inzage(user, persoon) -> bool:
    # Never across gemeenten, whatever an app's grant says.
    if user.gemeente_id is None or user.gemeente_id != persoon.gemeente_id:
        return False
    return any(functie(user, persoon) for functie in PERSOON_INZAGE.values())


class PersoonRegel(Regel):
    def scope(self, user, qs):
        if not _ingelogd(user):
            return qs.none()
        if user.rol == Rol.INWONER:
            return qs.filter(account=user)
        if user.gemeente_id is None:
            return qs.none()
        if user.rol == Rol.PROFESSIONAL:
            return qs.filter(gemeente_id=user.gemeente_id, team__in=user.teams.all())
        if user.rol == Rol.COORDINATOR:
            return qs.filter(
                gemeente_id=user.gemeente_id,
                toestemmingen__doel="koppelen",
                toestemmingen__ingetrokken_op__isnull=True,
            ).distinct()
        return qs.none()

    def mag(self, user, actie, obj):
        if not _ingelogd(user):
            return False
        if isinstance(obj, type):  # creating a new person
            return (
                actie == Actie.AANMAKEN
                and user.rol in {Rol.PROFESSIONAL, Rol.COORDINATOR}
                and (user.gemeente_id is not None)
            )
        if actie == Actie.VERWIJDEREN:
            return False
        if actie == Actie.AANMAKEN:
            return False
        if self.scope(user, type(obj)._default_manager.filter(pk=obj.pk)).exists():
            return True
        return actie == Actie.LEZEN and _extra_inzage(user, obj)


# Purposes for which a resident gives consent themself (on their own request for a volunteer).
ZELF_TOESTEMMING = {"koppelen"}


class ToestemmingRegel(Regel):
    def scope(self, user, qs):
        from socialebasis.personen.models import Persoon

        return qs.filter(persoon__in=zichtbaar(user, Persoon))

    def mag(self, user, actie, obj):
        if not _ingelogd(user):
            return False
        if isinstance(obj, type):
            return False
        # obj is a Toestemming; creating one is asked with the person: mag(user, AANMAKEN, t)
        # where t.persoon is set. Residents may withdraw their own consent and give consent
        # for matching themself; staff who see the person may record and withdraw consent.
        # Consent follows the task scope, not an app's extra read grant.
        from socialebasis.personen.models import Persoon

        if not zichtbaar(user, Persoon).filter(pk=obj.persoon_id).exists():
            return False
        if actie == Actie.LEZEN:
            return True
        if actie in (Actie.AANMAKEN, Actie.WIJZIGEN):
            return user.rol in {Rol.PROFESSIONAL, Rol.COORDINATOR} or (
                user.rol == Rol.INWONER
                and (actie == Actie.WIJZIGEN or obj.doel in ZELF_TOESTEMMING)
            )
        return False


class VerwerkingRegel(Regel):
    def scope(self, user, qs):
        if not _ingelogd(user):
            return qs.none()
        if user.rol == Rol.BEHEERDER and user.gemeente_id:
            return qs.filter(gemeente_id=user.gemeente_id)
        if user.rol == Rol.INWONER:
            from socialebasis.audit.services import betrokkene_van

            persoon = getattr(user, "persoon", None)
            if persoon is None:
                return qs.none()
            return qs.filter(betrokkene=betrokkene_van(persoon)[0])
        return qs.none()

    def mag(self, user, actie, obj):
        if isinstance(obj, type):
            return False
        return actie == Actie.LEZEN and super().mag(user, actie, obj)


class GebruikerRegel(Regel):
    def scope(self, user, qs):
        if not _ingelogd(user):
            return qs.none()
        if user.rol == Rol.BEHEERDER and user.gemeente_id:
            return qs.filter(Q(gemeente_id=user.gemeente_id) | Q(pk=user.pk))
        return qs.filter(pk=user.pk)

    def mag(self, user, actie, obj):
        if not _ingelogd(user):
            return False
        if isinstance(obj, type):
            return actie == Actie.AANMAKEN and user.rol == Rol.BEHEERDER and bool(user.gemeente_id)
        if actie == Actie.LEZEN:
            return super().mag(user, actie, obj)
        if user.rol == Rol.BEHEERDER and user.gemeente_id and obj.gemeente_id == user.gemeente_id:
            return actie == Actie.WIJZIGEN or (actie == Actie.VERWIJDEREN and obj.pk != user.pk)
        return False


class TeamRegel(Regel):
    def scope(self, user, qs):
        if not _ingelogd(user) or user.rol not in STAF or not user.gemeente_id:
            return qs.none()
        return qs.filter(gemeente_id=user.gemeente_id)

    def mag(self, user, actie, obj):
        if not _ingelogd(user):
            return False
        if isinstance(obj, type):
            return actie == Actie.AANMAKEN and user.rol == Rol.BEHEERDER and bool(user.gemeente_id)
        if actie == Actie.LEZEN:
            return super().mag(user, actie, obj)
        return user.rol == Rol.BEHEERDER and obj.gemeente_id == user.gemeente_id


class OrganisatieRegel(Regel):
    def scope(self, user, qs):
        if not _ingelogd(user) or user.rol not in STAF or not user.gemeente_id:
            return qs.none()
        return qs.filter(gemeenten__id=user.gemeente_id).distinct()

    def mag(self, user, actie, obj):
        if not _ingelogd(user):
            return False
        if isinstance(obj, type):
            return actie == Actie.AANMAKEN and user.rol == Rol.BEHEERDER and bool(user.gemeente_id)
        if actie == Actie.LEZEN:
            return super().mag(user, actie, obj)
        # A provider serving several gemeenten is changed only by a beheerder of each of them:
        # here, only when it serves no other gemeente than the beheerder's own.
        return user.rol == Rol.BEHEERDER and set(obj.gemeenten.values_list("id", flat=True)) <= {
            user.gemeente_id
        }


REGELS: dict[str, Regel] = {
    "gebieden.gebied": OpenbaarLezen(),
    "gebieden.kerncijfers": OpenbaarLezen(),
    "personen.persoon": PersoonRegel(),
    "personen.toestemming": ToestemmingRegel(),
    "audit.verwerking": VerwerkingRegel(),
    "accounts.user": GebruikerRegel(),
    "accounts.team": TeamRegel(),
    "accounts.organisatie": OrganisatieRegel(),
}


def registreer(label: str, regel: Regel) -> None:
    """For apps that add models: their rule is registered here, in the same table."""
    REGELS[label] = regel


def _regel(model) -> Regel:
    label = model._meta.label_lower
    try:
        return REGELS[label]
    except KeyError:
        raise LookupError(
            f"Geen toegangsregel voor {label}: voeg er een toe in core.toegang."
        ) from None


def zichtbaar(user, model_or_qs) -> QuerySet:
    qs = model_or_qs if isinstance(model_or_qs, QuerySet) else model_or_qs._default_manager.all()
    return _regel(qs.model).scope(user, qs)


def mag(user, actie: Actie | str, obj: Model | type[Model]) -> bool:
    model = obj if isinstance(obj, type) else type(obj)
    return _regel(model).mag(user, Actie(actie), obj)


def vereis(user, actie: Actie | str, obj) -> None:
    if not mag(user, actie, obj):
        raise PermissionDenied("U heeft geen toegang tot deze gegevens.")
