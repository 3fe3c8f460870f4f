"""Access rules for the sociale kaart, registered in core.toegang (the one decision point).

In words (tests: kaart/tests/test_toegang.py):
- The directory is public: everyone, also without logging in, reads published entries
  (publicatie = gepubliceerd) and the taxonomy, organisations and locations. The exact address
  and point of a confidential location are never shown publicly (see Locatie.openbaar_punt).
- Aanbieder staff (role aanbieder) see and change the entries of their own organisation
  (user.organisatie), also concepts; they cannot publish.
- A coördinator or beheerder of a gemeente sees and changes all entries of that gemeente and
  approves them (concept → gepubliceerd).
- Locations: aanbieder staff add and change those of their own organisation, a redacteur those
  of the organisations of the gemeente (LocatieRegel).
- Categories (taxonomy) and the thesaurus are public. Categories and national words are shared
  by all gemeenten: only the platform's beheerder (superuser) changes them; a gemeente's
  beheerder keeps the thesaurus words of their own gemeente (ADR 0009).
- Nobody else changes anything; entries are not deleted, they are ended (status inactive).
"""

from django.db.models import Q

from socialebasis.accounts.models import Rol
from socialebasis.core.toegang import Actie, OpenbaarLezen, Regel, _ingelogd, registreer

REDACTIE = {Rol.COORDINATOR, Rol.BEHEERDER}


def is_redacteur(user, gemeente_id=None) -> bool:
    return (
        _ingelogd(user)
        and user.rol in REDACTIE
        and user.gemeente_id is not None
        and (gemeente_id is None or gemeente_id == user.gemeente_id)
    )


def is_aanbieder(user) -> bool:
    return _ingelogd(user) and user.rol == Rol.AANBIEDER and user.organisatie_id is not None


class DienstRegel(Regel):
    def scope(self, user, qs):
        openbaar = Q(publicatie="gepubliceerd")
        if is_redacteur(user):
            return qs.filter(openbaar | Q(gemeente_id=user.gemeente_id))
        if is_aanbieder(user):
            return qs.filter(openbaar | Q(organisatie__organisatie_id=user.organisatie_id))
        return qs.filter(openbaar)

    def mag(self, user, actie, obj):
        if isinstance(obj, type):
            return actie == Actie.AANMAKEN and (is_redacteur(user) or is_aanbieder(user))
        if actie == Actie.LEZEN:
            return super().mag(user, actie, obj)
        if actie == Actie.VERWIJDEREN:
            return False
        if is_redacteur(user, obj.gemeente_id):
            return True
        return (
            is_aanbieder(user)
            and obj.organisatie is not None
            and obj.organisatie.organisatie_id == user.organisatie_id
        )


def mag_publiceren(user, dienst) -> bool:
    return is_redacteur(user, dienst.gemeente_id)


class BeheerbaarOpenbaar(OpenbaarLezen):
    """Public to read; changed only by a redacteur (coördinator or beheerder)."""

    def mag(self, user, actie, obj):
        if actie == Actie.LEZEN:
            return True
        return is_redacteur(user) and actie != Actie.VERWIJDEREN


class LocatieRegel(OpenbaarLezen):
    """Locations are public to read (a confidential one only shows its wijk, see
    Locatie.openbaar_punt). Aanbieder staff add and change the locations of their own
    organisation; a redacteur those of organisations of their gemeente. None are deleted."""

    def mag(self, user, actie, obj):
        if actie == Actie.LEZEN:
            return True
        if actie == Actie.VERWIJDEREN:
            return False
        if isinstance(obj, type):
            return is_redacteur(user) or is_aanbieder(user)
        org = obj.organisatie
        if org is None:
            return False
        if is_redacteur(user, org.gemeente_id):
            return True
        return is_aanbieder(user) and org.organisatie_id == user.organisatie_id


def is_platformbeheerder(user) -> bool:
    """The beheerder of the platform itself (a superuser account), not of one gemeente."""
    return _ingelogd(user) and user.rol == Rol.BEHEERDER and user.is_superuser


class TaxonomieRegel(OpenbaarLezen):
    """The categories and the thesaurus are public. The categories and the national words are
    shared by all gemeenten, so only a platform beheerder changes them; a gemeente's beheerder
    adds, changes and removes the words of their own gemeente."""

    def mag(self, user, actie, obj):
        if actie == Actie.LEZEN:
            return True
        if not (_ingelogd(user) and user.rol == Rol.BEHEERDER):
            return False
        model = obj if isinstance(obj, type) else type(obj)
        if model._meta.model_name != "zoekwoord":
            # categories are kept (never deleted); only the platform changes them
            return actie != Actie.VERWIJDEREN and is_platformbeheerder(user)
        if isinstance(obj, type):
            return is_platformbeheerder(user) or bool(user.gemeente_id)
        if obj.gemeente_id is None:
            return is_platformbeheerder(user)
        return obj.gemeente_id == user.gemeente_id


def registreren() -> None:
    registreer("kaart.dienst", DienstRegel())
    registreer("kaart.organisatie", BeheerbaarOpenbaar())
    registreer("kaart.locatie", LocatieRegel())
    for model in ("taxonomie", "term", "zoekwoord"):
        registreer(f"kaart.{model}", TaxonomieRegel())
