from types import SimpleNamespace

import pytest

from socialebasis.kaart.models import Publicatie
from socialebasis.kaart.tests.factories import DienstFactory


def kaart_van(t) -> SimpleNamespace:
    """A tenant's sociale kaart: a community activity, an institutional service, a concept."""
    naam = t.gemeente.naam
    return SimpleNamespace(
        inloop=DienstFactory(
            gemeente=t.gemeente,
            naam=f"Koffie-inloop {naam}",
            beschrijving="Elke dinsdag koffie en een praatje met buren.",
            laag="gemeenschappelijk",
        ),
        schuldhulp=DienstFactory(
            gemeente=t.gemeente,
            naam=f"Schuldhulp {naam}",
            beschrijving="Hulp bij geldzaken en schulden.",
            laag="institutioneel",
        ),
        concept=DienstFactory(
            gemeente=t.gemeente,
            naam=f"Taalcafé {naam}",
            beschrijving="Nederlands oefenen.",
            publicatie=Publicatie.CONCEPT,
        ),
    )


@pytest.fixture
def kaart(utrecht, amsterdam):
    utrecht.kaart = kaart_van(utrecht)
    amsterdam.kaart = kaart_van(amsterdam)
    return utrecht.kaart
