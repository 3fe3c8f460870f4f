"""HSDS import and export: the official examples import, round-trip without loss, and bad
records are reported per file, record and field."""

import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from socialebasis.kaart import hsds_export as ex
from socialebasis.kaart.hsds_import import ImportFout, importeren
from socialebasis.kaart.hsds_schema import fouten
from socialebasis.kaart.models import Dienst, Locatie, Organisatie

pytestmark = pytest.mark.django_db

VOORBEELDEN = Path(__file__).resolve().parent.parent / "hsds" / "voorbeelden"
OR = VOORBEELDEN / "openreferral"
ORUK = VOORBEELDEN / "oruk"


def bevat(verwacht, echt, pad="") -> list[str]:
    """Everything in `verwacht` is also in `echt` (lists matched on id)."""
    verschil = []
    if isinstance(verwacht, dict):
        if not isinstance(echt, dict):
            return [f"{pad}: geen object"]
        for k, v in verwacht.items():
            if k not in echt:
                verschil.append(f"{pad}/{k} ontbreekt")
            else:
                verschil += bevat(v, echt[k], f"{pad}/{k}")
    elif isinstance(verwacht, list):
        if not isinstance(echt, list):
            return [f"{pad}: geen lijst"]
        per_id = {x.get("id"): x for x in echt if isinstance(x, dict)}
        for i, v in enumerate(verwacht):
            tegen = per_id.get(v.get("id")) if isinstance(v, dict) else None
            if tegen is None:
                tegen = echt[i] if i < len(echt) else None
            verschil += bevat(v, tegen, f"{pad}/{i}")
    elif verwacht != echt:
        verschil.append(f"{pad}: {verwacht!r} != {echt!r}")
    return verschil


def volledig(dienst_id):
    from socialebasis.kaart.hsds_api import _volledig

    return ex.dienst(_volledig(Dienst.objects.all()).get(pk=dienst_id))


@pytest.mark.parametrize("map_", [OR, ORUK], ids=["openreferral", "oruk"])
def test_officiele_json_voorbeelden_importeren_en_rondgang(map_):
    res = importeren(map_)
    assert res.aantallen["service"] >= 1 and not res.fouten
    origineel = json.loads((map_ / "service_full.json").read_text())
    uit = volledig(origineel["id"])
    assert bevat(origineel, uit) == []
    assert fouten("compiled/service_with_definitions.json", uit) == []
    org = json.loads((map_ / "organization_full.json").read_text())
    from socialebasis.kaart.hsds_api import organization  # noqa: F401

    o = Organisatie.objects.get(pk=org["id"])
    assert o.naam == org["name"]


def test_import_is_idempotent():
    importeren(OR)
    aantal = (Dienst.objects.count(), Locatie.objects.count(), Organisatie.objects.count())
    importeren(OR)
    assert (Dienst.objects.count(), Locatie.objects.count(), Organisatie.objects.count()) == aantal


@pytest.mark.parametrize("map_", [OR / "csv", ORUK / "csv"], ids=["openreferral", "oruk"])
def test_officieel_csv_pakket_importeren(map_):
    res = importeren(map_)
    assert not res.fouten
    assert res.aantallen["service"] == 1
    d = Dienst.objects.get()
    assert d.naam and d.op_locaties.count() == 1


def test_foute_records_per_bestand_record_veld_en_niets_geschreven(tmp_path):
    goed = json.loads((OR / "service_full.json").read_text())
    fout = dict(goed, id="00000000-0000-4000-8000-000000000001", status="misschien")
    zonder_naam = {k: v for k, v in goed.items() if k != "name"}
    zonder_naam["id"] = "00000000-0000-4000-8000-000000000002"
    (tmp_path / "services.json").write_text(json.dumps([goed, fout, zonder_naam]))
    with pytest.raises(ImportFout) as e:
        importeren(tmp_path)
    tekst = "\n".join(e.value.fouten)
    assert "services.json, record 2" in tekst and "veld status" in tekst
    assert "services.json, record 3" in tekst and "'name' is a required property" in tekst
    assert Dienst.objects.count() == 0

    res = importeren(tmp_path, overslaan=True)
    assert res.aantallen["service"] == 1 and res.overgeslagen == 2
    assert Dienst.objects.count() == 1


def test_commando_meldt_fouten_in_het_nederlands(tmp_path, capsys):
    (tmp_path / "services.json").write_text(json.dumps([{"id": "x", "name": "A"}]))
    with pytest.raises(CommandError, match="Niets ingelezen"):
        call_command("hsds", "import", str(tmp_path))
    assert "services.json, record 1" in capsys.readouterr().err


def test_export_json_geldig_en_weer_in_te_lezen(tmp_path, kaart_utrecht):
    call_command("hsds", "export", "--format", "json", str(tmp_path))
    diensten = json.loads((tmp_path / "services.json").read_text())
    assert {d["name"] for d in diensten} == {
        "Koffie-inloop De Boog",
        "Kookclub Samen Eten",
        "Praatgroep vrouwen",
    }
    for d in diensten:
        assert fouten("compiled/service_with_definitions.json", d) == []
    for o in json.loads((tmp_path / "organizations.json").read_text()):
        assert fouten("organization.json", o) == []
    tekst = (tmp_path / "services.json").read_text() + (tmp_path / "organizations.json").read_text()
    assert "Verborgenlaan" not in tekst
    # re-import of our own export changes nothing
    voor = Dienst.objects.get(pk=kaart_utrecht.inloop.id)
    importeren(tmp_path)
    na = Dienst.objects.get(pk=kaart_utrecht.inloop.id)
    assert (na.naam, na.doelgroepen, na.roosters.get().weekdag) == (voor.naam, voor.doelgroepen, 1)


def test_export_csv_en_weer_importeren(tmp_path, kaart_utrecht):
    call_command("hsds", "export", "--format", "csv", str(tmp_path))
    assert (tmp_path / "services.csv").exists() and (tmp_path / "datapackage.json").exists()
    assert "Verborgenlaan" not in (tmp_path / "addresses.csv").read_text()
    doel = tmp_path / "kopie"
    shutil.copytree(tmp_path, doel, ignore=shutil.ignore_patterns("kopie"))
    res = importeren(doel)
    assert not res.fouten and res.aantallen["service"] == 3


def test_eenvoudige_spreadsheet(tmp_path, utrecht):
    pad = tmp_path / "aanbod.csv"
    pad.write_text(
        "naam;beschrijving;organisatie;categorieen;doelgroepen;kosten;adres;postcode;plaats;"
        "wijk;dag;van;tot;vertrouwelijk\n"
        "Taalcafé Noord;Nederlands oefenen met buren;Bibliotheek Noord;leren-taal;nieuwkomers;"
        f"gratis;Biblaan 1;3500 AB;Utrecht;{utrecht.wijk.code};woensdag;10:00;12:00;nee\n"
        "Fout;;Bibliotheek Noord;onbekend;;;;;;;zondag;25:00;;\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError):
        call_command("hsds", "import", "--tabel", "--gemeente", "GM0344", str(pad))
    assert Dienst.objects.count() == 0
    call_command("hsds", "import", "--tabel", "--skip-invalid", "--gemeente", "GM0344", str(pad))
    call_command("hsds", "import", "--tabel", "--skip-invalid", "--gemeente", "GM0344", str(pad))
    d = Dienst.objects.get()
    assert d.naam == "Taalcafé Noord" and d.gemeente == utrecht.gemeente
    assert d.roosters.get().weekdag == 2 and d.termen.get().code == "leren-taal"
    assert d.op_locaties.get().locatie.wijk == utrecht.wijk
    from socialebasis.kaart.hsds_import import ImportFout
    from socialebasis.kaart.hsds_import import importeren as imp

    with pytest.raises(ImportFout) as e:
        imp(pad, tabel=True)
    tekst = "\n".join(e.value.fouten)
    assert "aanbod.csv, regel 3, kolom beschrijving: is verplicht" in tekst
    assert "kolom van: schrijf een tijd als 14:00" in tekst
    assert "kolom categorieen: 'onbekend' is geen bekende categorie" in tekst
