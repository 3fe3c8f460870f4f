"""Access rules for toeleiding, registered in core.toegang (the one decision point).

In words (tests: toeleiding/tests/test_rolmatrix.py):
- Which services a resident uses is part of their support, like the personal network: the
  same roles see it (netwerk.toegang.NETWERK_ROLLEN: the professional who may see the resident,
  and the resident). A coördinator who sees the resident for matching does not (doelbinding);
  nobody in another gemeente does (the Persoon rule carries the tenancy).
- The professional records, changes, stops and removes it.
- The resident records a service they use and changes or stops their own records; the
  resident does not remove a record (a professional does that when it was entered by mistake).
"""

from socialebasis.accounts.models import Rol
from socialebasis.core.toegang import Actie, registreer
from socialebasis.netwerk.toegang import NetwerkRegel


class VoorzieningRegel(NetwerkRegel):
    def mag(self, user, actie, obj):
        if not super().mag(user, Actie.LEZEN, obj):
            return False
        if actie == Actie.LEZEN or user.rol == Rol.PROFESSIONAL:
            return True
        return (
            user.rol == Rol.INWONER
            and actie in (Actie.AANMAKEN, Actie.WIJZIGEN)
            and obj.persoon.account_id == user.pk
        )


def registreren() -> None:
    registreer("toeleiding.voorzieninggebruik", VoorzieningRegel())
