"""Access rules for Koppelen, registered in core.toegang (the one decision point).

In words (tests: koppelen/tests/test_rolmatrix.py and test_toegang.py):
- Vrijwilliger and Aanbod: a coördinator sees the volunteers of their own gemeente and
  organisation (new sign-ups without an organisation: every coördinator of the gemeente);
  a volunteer sees their own record. Nobody else.
- Hulpvraag: a coördinator sees requests in their gemeente of residents with active consent
  'koppelen' (and of their organisation, or without one); a professional sees requests of
  residents of their own teams; an inwoner sees their own, enters one for themself and
  withdraws it. A volunteer never sees requests: they see a limited view of their own matches.
- Persoon (a grant added to core's person rule): the volunteer of a match that is accepted or
  running may read that resident (their address and phone); it ends when the match ends and
  never crosses gemeenten.
- AfgewezenVoorstel: the coördinators of the organisation (in their gemeente) that said no.
- Koppeling: the coördinator who sees the request; the volunteer of the offer (limited view,
  the address only after acceptance); the inwoner whose request it is.
- Zorgsignaal: the volunteer who raised it; the professionals of the resident's responsible team;
  when the resident has no team, the coördinators of the match's organisation in that gemeente
  (every coördinator of the gemeente when the match has no organisation).
"""

from django.db.models import Q

from socialebasis.accounts.models import Rol
from socialebasis.core.toegang import Actie, Regel, _ingelogd


def _coordinator(user) -> bool:
    return _ingelogd(user) and user.rol == Rol.COORDINATOR and user.gemeente_id is not None


def _org_q(user, veld: str) -> Q:
    return Q(**{f"{veld}__isnull": True}) | Q(**{veld: user.organisatie_id})


def _toestemming_q(prefix: str) -> Q:
    return Q(
        **{
            f"{prefix}toestemmingen__doel": "koppelen",
            f"{prefix}toestemmingen__ingetrokken_op__isnull": True,
        }
    )


class VrijwilligerRegel(Regel):
    def scope(self, user, qs):
        if _coordinator(user):
            return qs.filter(Q(gemeente_id=user.gemeente_id) & _org_q(user, "organisatie"))
        if _ingelogd(user) and user.rol == Rol.VRIJWILLIGER:
            return qs.filter(account=user)
        return qs.none()

    def mag(self, user, actie, obj):
        if isinstance(obj, type):
            return actie == Actie.AANMAKEN and _coordinator(user)
        if actie == Actie.VERWIJDEREN:
            return False
        if actie == Actie.WIJZIGEN:
            return _coordinator(user) and super().mag(user, Actie.LEZEN, obj)
        return super().mag(user, actie, obj)


class AanbodRegel(Regel):
    def scope(self, user, qs):
        from socialebasis.koppelen.models import Vrijwilliger

        return qs.filter(vrijwilliger__in=VrijwilligerRegel().scope(user, Vrijwilliger.objects))

    def mag(self, user, actie, obj):
        if isinstance(obj, type):
            return False  # asked with the volunteer: mag(user, WIJZIGEN, vrijwilliger)
        if actie == Actie.VERWIJDEREN:
            return False
        return super().mag(user, Actie.LEZEN, obj)


class HulpvraagRegel(Regel):
    def scope(self, user, qs):
        if not _ingelogd(user):
            return qs.none()
        if user.rol == Rol.INWONER:
            return qs.filter(persoon__account=user)
        if user.gemeente_id is None:
            return qs.none()
        if user.rol == Rol.PROFESSIONAL:
            return qs.filter(gemeente_id=user.gemeente_id, persoon__team__in=user.teams.all())
        if user.rol == Rol.COORDINATOR:
            return qs.filter(
                Q(gemeente_id=user.gemeente_id)
                & _org_q(user, "organisatie")
                & _toestemming_q("persoon__")
            ).distinct()
        return qs.none()

    def mag(self, user, actie, obj):
        if isinstance(obj, type):
            if actie != Actie.AANMAKEN or not _ingelogd(user):
                return False
            if user.rol == Rol.INWONER:  # only for themself: the service checks the person
                return getattr(user, "persoon", None) is not None
            return user.rol in (Rol.COORDINATOR, Rol.PROFESSIONAL) and user.gemeente_id is not None
        if actie == Actie.VERWIJDEREN:
            return False
        if actie == Actie.WIJZIGEN and user.rol not in (
            Rol.COORDINATOR,
            Rol.PROFESSIONAL,
            Rol.INWONER,
        ):
            return False
        return super().mag(user, Actie.LEZEN, obj)


class KoppelingRegel(Regel):
    def scope(self, user, qs):
        from socialebasis.koppelen.models import Hulpvraag

        if not _ingelogd(user):
            return qs.none()
        if user.rol == Rol.VRIJWILLIGER:
            return qs.filter(aanbod__vrijwilliger__account=user)
        if user.rol in (Rol.COORDINATOR, Rol.INWONER):
            return qs.filter(hulpvraag__in=HulpvraagRegel().scope(user, Hulpvraag.objects))
        return qs.none()

    def mag(self, user, actie, obj):
        if isinstance(obj, type):
            return actie == Actie.AANMAKEN and _coordinator(user)
        if actie == Actie.VERWIJDEREN:
            return False
        if actie == Actie.WIJZIGEN and user.rol not in (Rol.COORDINATOR, Rol.VRIJWILLIGER):
            return False
        return super().mag(user, Actie.LEZEN, obj)


class ZorgsignaalRegel(Regel):
    def scope(self, user, qs):
        if not _ingelogd(user):
            return qs.none()
        if user.rol == Rol.VRIJWILLIGER:
            return qs.filter(gemeld_door=user)
        if user.gemeente_id is None:
            return qs.none()
        if user.rol == Rol.PROFESSIONAL:
            return qs.filter(gemeente_id=user.gemeente_id, team__in=user.teams.all())
        if user.rol == Rol.COORDINATOR:
            return qs.filter(
                Q(gemeente_id=user.gemeente_id, team__isnull=True) & _org_q(user, "organisatie")
            )
        return qs.none()

    def mag(self, user, actie, obj):
        if isinstance(obj, type):
            return actie == Actie.AANMAKEN and _ingelogd(user) and user.rol == Rol.VRIJWILLIGER
        if actie == Actie.VERWIJDEREN:
            return False
        if actie == Actie.WIJZIGEN and user.rol not in (Rol.PROFESSIONAL, Rol.COORDINATOR):
            return False
        return super().mag(user, Actie.LEZEN, obj)


class VacatureRegel(Regel):
    """Open vacatures are public; a coördinator manages those of their organisation."""

    def scope(self, user, qs):
        if _coordinator(user):
            return qs.filter(
                Q(open=True) | Q(gemeente_id=user.gemeente_id, organisatie=user.organisatie_id)
            )
        return qs.filter(open=True)

    def mag(self, user, actie, obj):
        if isinstance(obj, type):
            return actie == Actie.AANMAKEN and _coordinator(user) and bool(user.organisatie_id)
        if actie == Actie.LEZEN:
            return super().mag(user, actie, obj)
        return (
            _coordinator(user)
            and obj.organisatie_id == user.organisatie_id
            and obj.gemeente_id == user.gemeente_id
        )


class AfgewezenVoorstelRegel(Regel):
    def scope(self, user, qs):
        if not _coordinator(user):
            return qs.none()
        return qs.filter(Q(gemeente_id=user.gemeente_id) & _org_q(user, "organisatie"))

    def mag(self, user, actie, obj):
        if isinstance(obj, type):
            return actie == Actie.AANMAKEN and _coordinator(user)
        return actie in (Actie.LEZEN, Actie.VERWIJDEREN) and super().mag(user, Actie.LEZEN, obj)


def vrijwilliger_na_akkoord(user, persoon) -> bool:
    """The volunteer of an accepted or running match may read the resident (address, phone)."""
    from socialebasis.koppelen.models import NA_AKKOORD, Koppeling

    if not _ingelogd(user) or user.rol != Rol.VRIJWILLIGER:
        return False
    return Koppeling.objects.filter(
        status__in=NA_AKKOORD,
        hulpvraag__persoon=persoon,
        hulpvraag__gemeente_id=persoon.gemeente_id,
        aanbod__vrijwilliger__account=user,
        aanbod__vrijwilliger__gemeente_id=persoon.gemeente_id,
    ).exists()


def registreren() -> None:
    from socialebasis.core.toegang import registreer, registreer_persoon_inzage

    registreer("koppelen.vrijwilliger", VrijwilligerRegel())
    registreer("koppelen.aanbod", AanbodRegel())
    registreer("koppelen.hulpvraag", HulpvraagRegel())
    registreer("koppelen.koppeling", KoppelingRegel())
    registreer("koppelen.zorgsignaal", ZorgsignaalRegel())
    registreer("koppelen.vacature", VacatureRegel())
    registreer("koppelen.afgewezenvoorstel", AfgewezenVoorstelRegel())
    registreer("koppelen.aanmeldpoging", Regel())  # nobody reads it; only the view counts
    registreer_persoon_inzage("koppelen.vrijwilliger_na_akkoord", vrijwilliger_na_akkoord)
