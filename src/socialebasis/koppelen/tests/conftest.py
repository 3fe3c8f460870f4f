from types import SimpleNamespace

import pytest

from socialebasis.accounts.models import Rol
from socialebasis.koppelen.tests.factories import (
    AanbodFactory,
    HulpvraagFactory,
    KoppelingFactory,
    VrijwilligerFactory,
)


def koppelwereld(t, *, status="voorgesteld"):
    """A tenant's volunteer (with the vrijwilliger account), an offer, a waiting request of the
    resident with consent ('koppelen'), and a match in `status` of the resident in the team."""
    org = t.users[Rol.COORDINATOR].organisatie
    t.koppelen.straat, t.koppelen.huisnummer = "Oudegracht", "12"
    t.koppelen.save()
    t.in_team.straat, t.in_team.huisnummer = "Lange Nieuwstraat", "7"
    t.in_team.save()
    v = VrijwilligerFactory(gemeente=t.gemeente, organisatie=org, account=t.users[Rol.VRIJWILLIGER])
    aanbod = AanbodFactory(vrijwilliger=v, capaciteit=3)
    wachtend = HulpvraagFactory(gemeente=t.gemeente, persoon=t.koppelen, organisatie=org)
    # The team resident also gave consent, so the coordinator sees their request and match.
    from socialebasis.personen.tests.factories import ToestemmingFactory

    ToestemmingFactory(persoon=t.in_team, vastgelegd_door=t.users[Rol.PROFESSIONAL])
    gekoppeld = HulpvraagFactory(
        gemeente=t.gemeente, persoon=t.in_team, organisatie=org, status="gekoppeld"
    )
    k = KoppelingFactory(hulpvraag=gekoppeld, aanbod=aanbod, status=status)
    return SimpleNamespace(
        t=t, org=org, vrijwilliger=v, aanbod=aanbod, wachtend=wachtend, gekoppeld=gekoppeld, k=k
    )


@pytest.fixture
def kw(utrecht):
    return koppelwereld(utrecht)
