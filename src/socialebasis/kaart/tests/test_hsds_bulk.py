"""The fast (set-based) import path gives exactly what the record-by-record path gives, writes
nothing on a repeated import, replaces nested lists, and reports records it cannot write."""

import copy
import json
import uuid
from pathlib import Path

import pytest
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext

from socialebasis.kaart import hsds_bulk
from socialebasis.kaart import hsds_export as ex
from socialebasis.kaart.hsds_import import (
    ImportFout,
    Resultaat,
    _per_record,
    controleer,
    importeren,
    lees,
)
from socialebasis.kaart.models import Dienst, DienstOpLocatie, Organisatie, Telefoon, Uitzondering

pytestmark = pytest.mark.django_db

VOORBEELDEN = Path(__file__).resolve().parent.parent / "hsds" / "voorbeelden"
MAPPEN = [
    VOORBEELDEN / "openreferral",
    VOORBEELDEN / "oruk",
    VOORBEELDEN / "openreferral" / "csv",
    VOORBEELDEN / "oruk" / "csv",
]


def momentopname():
    from socialebasis.kaart.hsds_api import _volledig

    diensten = {str(d.id): ex.dienst(d) for d in _volledig(Dienst.objects.all())}
    punten = {
        str(d["id"]): d
        for d in Dienst.objects.values("id", "punt_lat", "punt_lon", "wijk_id", "buurt_id")
    }
    orgs = {str(o.id): ex.organisatie(o) for o in Organisatie.objects.all()}
    for d in diensten.values():
        d.pop("last_modified", None)  # "now" for a service without last_modified
    return diensten, punten, orgs


def per_record(pad):
    goed = [r for r in lees(pad) if not controleer(r)]
    with transaction.atomic():
        _per_record(goed, Resultaat(), overslaan=False, gemeente=None)


@pytest.mark.parametrize("map_", MAPPEN, ids=["or", "oruk", "or-csv", "oruk-csv"])
def test_snel_pad_geeft_hetzelfde_als_record_voor_record(map_, kaart_utrecht):
    # on top of existing data (the Utrecht entries) and twice, so updates are compared too
    for _ in range(2):
        with transaction.atomic():
            per_record(map_)
            verwacht = momentopname()
            transaction.set_rollback(True)
        importeren(map_)
        assert momentopname() == verwacht


def _dienst(**extra):
    sid = str(uuid.uuid4())
    lid = str(uuid.uuid4())
    d = {
        "id": sid,
        "name": "Koffie-inloop",
        "description": "Samen koffie drinken.",
        "status": "active",
        "phones": [{"id": str(uuid.uuid4()), "number": "030 123 45 67"}],
        "schedules": [
            {
                "id": str(uuid.uuid4()),
                "freq": "WEEKLY",
                "byday": "TU",
                "opens_at": "10:00",
                "closes_at": "12:00",
                "exceptions": [{"date": "2099-12-29", "cancelled": True, "reason": "Kerst"}],
            }
        ],
        "service_at_locations": [
            {
                "id": str(uuid.uuid4()),
                "location": {
                    "id": lid,
                    "location_type": "physical",
                    "name": "Buurthuis",
                    "latitude": 52.1,
                    "longitude": 5.1,
                },
            }
        ],
    }
    d.update(extra)
    return d


def schrijf(pad, diensten):
    pad.mkdir(exist_ok=True)
    (pad / "services.json").write_text(json.dumps(diensten), encoding="utf-8")
    return pad


def test_herhaalde_import_schrijft_niets(tmp_path):
    pad = schrijf(tmp_path / "a", [_dienst(), _dienst(name="Taalcafé")])
    importeren(pad)
    voor = list(Dienst.objects.order_by("id").values_list("id", "gewijzigd_op", "punt_lat"))
    with CaptureQueriesContext(connection) as q:
        importeren(pad)
    schrijven = [
        x["sql"]
        for x in q.captured_queries
        if x["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "COPY"))
        and "kaart_" in x["sql"]
    ]
    assert schrijven == []
    assert list(Dienst.objects.order_by("id").values_list("id", "gewijzigd_op", "punt_lat")) == voor
    assert Uitzondering.objects.count() == 2


def test_geneste_lijsten_worden_vervangen_en_punt_volgt(tmp_path):
    d = _dienst()
    importeren(schrijf(tmp_path / "a", [d]))
    dienst = Dienst.objects.get(pk=d["id"])
    assert (dienst.punt_lat, dienst.punt_lon) == (52.1, 5.1)
    nieuw = copy.deepcopy(d)
    nieuw["name"] = "Koffie-inloop De Boog"
    nieuw["phones"] = [{"id": str(uuid.uuid4()), "number": "030 765 43 21"}]
    nieuw["schedules"][0]["exceptions"] = []
    nieuw["service_at_locations"][0]["location"].update(latitude=52.3, longitude=5.3)
    importeren(schrijf(tmp_path / "b", [nieuw]))
    dienst.refresh_from_db()
    assert dienst.naam == "Koffie-inloop De Boog"
    assert list(Telefoon.objects.values_list("nummer", flat=True)) == ["030 765 43 21"]
    assert Uitzondering.objects.count() == 0
    assert (dienst.punt_lat, dienst.punt_lon) == (52.3, 5.3)
    assert Dienst.objects.count() == 1 and DienstOpLocatie.objects.count() == 1


def test_onbekende_locatie_of_te_lang_veld_per_record_en_niets_geschreven(tmp_path):
    goed = _dienst()
    fout_loc = _dienst()
    fout_loc["service_at_locations"] = [{"id": str(uuid.uuid4()), "location_id": str(uuid.uuid4())}]
    te_lang = _dienst(phones=[{"id": str(uuid.uuid4()), "number": "0" * 60}])
    pad = schrijf(tmp_path / "a", [goed, fout_loc, te_lang])
    with pytest.raises(ImportFout) as e:
        importeren(pad)
    tekst = "\n".join(e.value.fouten)
    assert "services.json, record 2" in tekst and "veld location_id" in tekst
    assert "services.json, record 3" in tekst and "veld number" in tekst
    assert "langer dan 50 tekens" in tekst
    assert Dienst.objects.count() == 0
    res = importeren(pad, overslaan=True)
    assert res.aantallen["service"] == 1 and res.overgeslagen == 2
    assert list(Dienst.objects.values_list("id", flat=True)) == [uuid.UUID(goed["id"])]
    # nothing of the bad records was written, not even their nested rows
    assert Telefoon.objects.count() == 1


def test_database_weigert_toch_iets_dan_record_voor_record(tmp_path, monkeypatch):
    def weiger(self):
        Dienst.objects.create(naam="half geschreven")
        raise DatabaseError("kapot")

    monkeypatch.setattr(hsds_bulk.Plan, "schrijven", weiger)
    d = _dienst()
    res = importeren(schrijf(tmp_path / "a", [d]))
    assert res.aantallen["service"] == 1
    assert list(Dienst.objects.values_list("naam", flat=True)) == ["Koffie-inloop"]
