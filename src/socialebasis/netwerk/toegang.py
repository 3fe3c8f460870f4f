"""Access rules for the persoonlijk netwerk, registered in core.toegang (the one decision point).

In words (tests: netwerk/tests/test_toegang.py and test_rolmatrix.py):
- A professional who may read the resident (``mag(user, "lezen", persoon)``), and the resident
  themselves, may read the resident's network members, snapshots, questionnaires and plan.
  A coördinator who sees the resident for matching does not: consent for matching is not a
  ground for network data (doelbinding). Tenancy comes with the Persoon rule.
- Professionals who may see the resident may add, change and remove all of it.
- The resident (inwoner with that account) reads all of it and may fill in a questionnaire about
  themselves; nothing else is changed by the resident.
- Nobody else. Snapshots and questionnaires are not changed after the fact (no WIJZIGEN).
- Scoringsinstellingen: professionals and beheerders of the gemeente read them; the beheerder
  changes them.
"""

from socialebasis.accounts.models import Rol
from socialebasis.core.toegang import Actie, Regel, _ingelogd, registreer, zichtbaar

# Roles whose task includes a resident's personal network (doelbinding).
NETWERK_ROLLEN = frozenset({Rol.PROFESSIONAL, Rol.INWONER})


def persoon_van(obj):
    """The resident a network record belongs to."""
    if hasattr(obj, "plan_id") and not hasattr(obj, "persoon_id"):
        return obj.plan.persoon
    return obj.persoon


class NetwerkRegel(Regel):
    """Read follows the resident; writes by the professional who sees the resident."""

    def __init__(self, pad: str = "persoon", *, inwoner_maakt: bool = False, wijzigbaar=True):
        self.pad = pad
        self.inwoner_maakt = inwoner_maakt
        self.wijzigbaar = wijzigbaar

    def scope(self, user, qs):
        from socialebasis.personen.models import Persoon

        if not _ingelogd(user) or user.rol not in NETWERK_ROLLEN:
            return qs.none()
        return qs.filter(**{f"{self.pad}__in": zichtbaar(user, Persoon).values("pk")})

    def mag(self, user, actie, obj):
        from socialebasis.core.toegang import mag

        if not _ingelogd(user) or isinstance(obj, type) or user.rol not in NETWERK_ROLLEN:
            return False  # creating is asked with an unsaved record whose resident is set
        persoon = persoon_van(obj)
        if persoon is None or not mag(user, Actie.LEZEN, persoon):
            return False
        if actie == Actie.LEZEN:
            return True
        if actie == Actie.WIJZIGEN and not self.wijzigbaar:
            return False
        if user.rol == Rol.PROFESSIONAL:
            return True
        return (
            self.inwoner_maakt
            and actie == Actie.AANMAKEN
            and user.rol == Rol.INWONER
            and persoon.account_id == user.pk
        )


class InstellingenRegel(Regel):
    def scope(self, user, qs):
        if not _ingelogd(user) or not user.gemeente_id:
            return qs.none()
        if user.rol in (Rol.PROFESSIONAL, Rol.BEHEERDER):
            return qs.filter(gemeente_id=user.gemeente_id)
        return qs.none()

    def mag(self, user, actie, obj):
        if not _ingelogd(user) or isinstance(obj, type) or not user.gemeente_id:
            return False
        if obj.gemeente_id != user.gemeente_id:
            return False
        if actie == Actie.LEZEN:
            return user.rol in (Rol.PROFESSIONAL, Rol.BEHEERDER)
        return user.rol == Rol.BEHEERDER and actie in (Actie.AANMAKEN, Actie.WIJZIGEN)


def registreren() -> None:
    registreer("netwerk.netwerklid", NetwerkRegel())
    registreer("netwerk.momentopname", NetwerkRegel(wijzigbaar=False))
    registreer("netwerk.vragenlijst", NetwerkRegel(inwoner_maakt=True, wijzigbaar=False))
    registreer("netwerk.netwerkplan", NetwerkRegel())
    registreer("netwerk.plandoel", NetwerkRegel("plan__persoon"))
    registreer("netwerk.planactie", NetwerkRegel("plan__persoon"))
    registreer("netwerk.netwerkberaad", NetwerkRegel("plan__persoon"))
    registreer("netwerk.evaluatie", NetwerkRegel("plan__persoon"))
    registreer("netwerk.scoringsinstellingen", InstellingenRegel())
