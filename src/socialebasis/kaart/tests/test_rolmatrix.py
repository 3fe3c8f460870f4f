"""Role matrix of the sociale kaart.

This app adds no /api/v1/ routes (GEDEKT is empty): the public HSDS API lives at /api/hsds/
(AllowAny, read-only). Below: every role and anonymous × the public pages, the HSDS API and the
upkeep pages, own and other gemeente.
"""

import pytest
from django.urls import reverse

from socialebasis.accounts.models import Rol

GEDEKT: set[str] = set()

pytestmark = pytest.mark.django_db

BEHEER = {Rol.AANBIEDER, Rol.COORDINATOR, Rol.BEHEERDER}
REDACTIE = {Rol.COORDINATOR, Rol.BEHEERDER}


@pytest.mark.parametrize("rol", [None, *Rol])
def test_rolmatrix(client, kaart_utrecht, utrecht, amsterdam, rol):
    if rol is not None:
        client.force_login(utrecht.users[rol])
    # public for everyone
    assert client.get(reverse("kaart:zoeken")).status_code == 200
    assert client.get(reverse("kaart:dienst", args=[kaart_utrecht.inloop.id])).status_code == 200
    assert client.get("/api/hsds/services").json()["total_items"] == 3
    # concept: only its owner organisation and the redacteuren of the gemeente
    concept = client.get(reverse("kaart:dienst", args=[kaart_utrecht.concept.id])).status_code
    assert concept == (200 if rol in BEHEER else 404)
    # upkeep pages
    lijst = client.get(reverse("kaart:beheer"))
    if rol is None:
        assert lijst.status_code == 302
    else:
        assert lijst.status_code == (200 if rol in BEHEER else 403)
    beoordelen = client.get(reverse("kaart:beoordelen"))
    if rol is not None:
        assert beoordelen.status_code == (200 if rol in REDACTIE else 403)
        if rol in REDACTIE:
            assert "Nieuwe taalcafé concept" in beoordelen.content.decode()
    # other gemeente: never an edit page of Utrecht's entries
    if rol is not None:
        client.force_login(amsterdam.users[rol])
        r = client.get(reverse("kaart:bewerken", args=[kaart_utrecht.inloop.id]))
        assert r.status_code in ((404,) if rol in BEHEER else (403,))
        assert (
            client.get(reverse("kaart:dienst", args=[kaart_utrecht.concept.id])).status_code == 404
        )
