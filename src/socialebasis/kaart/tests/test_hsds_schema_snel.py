"""The fast schema check of the bulk import never accepts what jsonschema rejects."""

import copy
import json
import random
from pathlib import Path

import pytest

from socialebasis.kaart.hsds_import import SCHEMA, lees
from socialebasis.kaart.hsds_schema import _snel, fouten, geldig

pytestmark = pytest.mark.pure

VOORBEELDEN = Path(__file__).resolve().parent.parent / "hsds" / "voorbeelden"
FOUTE_WAARDEN = [None, True, 3, 2.5, "", "geen-uuid", "x" * 300, [], {}, ["a"], {"a": 1}]


def records():
    uit = []
    for map_ in ("openreferral", "oruk", "openreferral/csv", "oruk/csv"):
        uit += [(SCHEMA[r.soort], r.data) for r in lees(VOORBEELDEN / map_)]
    return uit


def paden(obj, pad=()):
    """Every (path) to a value inside obj."""
    yield pad
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from paden(v, (*pad, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from paden(v, (*pad, i))


def zet(obj, pad, waarde):
    for k in pad[:-1]:
        obj = obj[k]
    obj[pad[-1]] = waarde


def test_alle_hsds_schemas_worden_snel_gecontroleerd():
    for naam in set(SCHEMA.values()):
        assert _snel(naam) is not None, naam


def test_snel_en_jsonschema_geven_hetzelfde_antwoord():
    rnd = random.Random(7)
    gevallen = 0
    for naam, data in records():
        assert geldig(naam, data) == (fouten(naam, data) == []), json.dumps(data)[:200]
        alle = [p for p in paden(data) if p]
        for pad in rnd.sample(alle, min(len(alle), 40)):
            for waarde in rnd.sample(FOUTE_WAARDEN, 4):
                kopie = copy.deepcopy(data)
                zet(kopie, pad, waarde)
                assert geldig(naam, kopie) == (fouten(naam, kopie) == []), (pad, waarde)
                gevallen += 1
        for sleutel in list(data):
            kopie = {k: v for k, v in data.items() if k != sleutel}
            assert geldig(naam, kopie) == (fouten(naam, kopie) == []), sleutel
    assert gevallen > 1000
