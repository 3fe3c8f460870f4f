"""Import HSDS 3.0 data: JSON files (objects, lists or API pages) or a CSV data package.

One transaction; idempotent by id (update or create). Every record is first checked against the
official schema and our own rules; every problem is reported as file + record + field in Dutch.
With one bad record nothing is written, unless `overslaan` (--skip-invalid): then the valid
records are written and the bad ones listed.

Fields we do not model are kept in `hsds_extra` (merged on a repeated import), so an export gives
back what came in. Nested lists of a service that we model (phones, contacts, schedules,
service_at_locations) are replaced by the imported list when the key is present.

Writing goes set-based through `hsds_bulk`; the record-by-record `*_opslaan` functions here are
the fallback that names a failing record. Both take the HSDS → column mapping from `hsds_velden`.
"""

import csv
import json
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, transaction

from socialebasis.audit.services import vastleggen
from socialebasis.gebieden.models import Gebied
from socialebasis.kaart import hsds_schema
from socialebasis.kaart import hsds_velden as hv
from socialebasis.kaart.hsds_export import BYDAY
from socialebasis.kaart.models import (
    Adres,
    Contact,
    Dienst,
    DienstOpLocatie,
    Locatie,
    Organisatie,
    Rooster,
    Taxonomie,
    Telefoon,
    Term,
    Uitzondering,
)

SCHEMA = {
    "service": "service.json",
    "organization": "organization.json",
    "location": "location.json",
    "service_at_location": "service_at_location.json",
    "taxonomy": "taxonomy.json",
    "taxonomy_term": "taxonomy_term.json",
}
SOORT_NL = {
    "service": "dienst",
    "organization": "organisatie",
    "location": "locatie",
    "service_at_location": "dienst op locatie",
    "taxonomy": "taxonomie",
    "taxonomy_term": "categorie",
}


class ImportFout(Exception):
    def __init__(self, fouten):
        super().__init__("\n".join(fouten))
        self.fouten = fouten


@dataclass
class Record:
    bestand: str
    nummer: int  # 1-based within the file
    soort: str
    data: dict

    def plek(self) -> str:
        rid = self.data.get("id", "?") if isinstance(self.data, dict) else "?"
        return f"{self.bestand}, record {self.nummer} ({SOORT_NL[self.soort]} {rid})"


@dataclass
class Resultaat:
    aantallen: dict = field(default_factory=dict)
    fouten: list = field(default_factory=list)
    overgeslagen: int = 0
    duur: dict = field(default_factory=dict)  # seconds per phase (for bench/kaart_import.py)
    geschreven: dict = field(default_factory=dict)  # table → (new rows, changed rows)


# --- reading ----------------------------------------------------------------------------------


def _soort_van(naam: str, obj: dict) -> str | None:
    naam = naam.lower().replace("taxonomies", "taxonomy")
    for sleutel in (
        "service_at_location",
        "taxonomy_term",
        "taxonomy",
        "organization",
        "location",
        "service",
    ):
        if sleutel in naam:
            return sleutel
    if "status" in obj and "name" in obj:
        return "service"
    if "location_type" in obj:
        return "location"
    if "taxonomy_detail" in obj or "taxonomy_id" in obj or "parent_id" in obj:
        return "taxonomy_term"
    if "location" in obj and "service" in obj:
        return "service_at_location"
    return None


def lees_json(pad: Path) -> list[Record]:
    data = json.loads(pad.read_text(encoding="utf-8"))
    if isinstance(data, dict) and "contents" in data:
        items = data["contents"]
    elif isinstance(data, list):
        items = data
    else:
        items = [data]
    uit = []
    for i, obj in enumerate(items, 1):
        if not isinstance(obj, dict):
            uit.append(Record(pad.name, i, "service", {"_fout": "geen JSON-object"}))
            continue
        if {"version", "openapi_url"} <= set(obj) and "id" not in obj:
            continue  # an API root document, no data
        soort = _soort_van(pad.stem, obj)
        if soort is None:
            continue
        uit.append(Record(pad.name, i, soort, obj))
    return uit


ENKELVOUD = {
    "schedule": "schedules",
    "attribute": "attributes",
    "taxonomy": "taxonomies",
    "address": "addresses",
}


def _typen(pakket: dict | None) -> dict[str, dict[str, str]]:
    if not pakket:
        return {}
    uit = {}
    for r in pakket.get("resources", []):
        naam = Path(r.get("path", r.get("name", ""))).stem
        uit[ENKELVOUD.get(naam, naam)] = {
            f["name"]: f.get("type", "string") for f in r.get("schema", {}).get("fields", [])
        }
    return uit


def _waarde(tekst: str, soort: str):
    if soort in ("number", "integer"):
        try:
            getal = float(tekst)
        except ValueError:
            return tekst  # the schema check reports it
        return int(getal) if getal.is_integer() else getal
    if soort == "boolean":
        return tekst.strip().lower() in ("true", "1", "ja", "yes")
    return tekst


def lees_csv_pakket(map_: Path) -> list[Record]:
    """Assemble nested HSDS objects from the tables of a CSV data package."""
    pakket_pad = map_ / "datapackage.json"
    typen = _typen(json.loads(pakket_pad.read_text()) if pakket_pad.exists() else None)
    tabellen: dict[str, list[dict]] = {}
    for pad in sorted(map_.glob("*.csv")):
        naam = ENKELVOUD.get(pad.stem, pad.stem)
        with pad.open(encoding="utf-8-sig", newline="") as f:
            rijen = []
            for rij in csv.DictReader(f):
                rijen.append(
                    {
                        k: _waarde(v, typen.get(naam, {}).get(k, "string"))
                        for k, v in rij.items()
                        if k and v not in (None, "")
                    }
                )
        bestaand = {r.get("id") for r in tabellen.get(naam, [])}
        tabellen.setdefault(naam, []).extend(r for r in rijen if r.get("id") not in bestaand)

    def per(tabel, sleutel):
        groep: dict[str, list] = {}
        for r in tabellen.get(tabel, []):
            if r.get(sleutel):
                groep.setdefault(r[sleutel], []).append(r)
        return groep

    def zonder(r, *sleutels):
        return {k: v for k, v in r.items() if k not in sleutels}

    for a in tabellen.get("addresses", []):
        a.setdefault("state_province", "")  # Dutch addresses have no state or province field
    adressen = per("addresses", "location_id")
    locaties = {}
    for r in tabellen.get("locations", []):
        loc = dict(r)
        if r["id"] in adressen:
            loc["addresses"] = [zonder(a, "location_id") for a in adressen[r["id"]]]
        for tabel in ("accessibility", "languages", "phones", "schedules"):
            rijen = per(tabel, "location_id").get(r["id"])
            if rijen:
                loc[tabel] = rijen
        locaties[r["id"]] = loc
    termen = {r["id"]: r for r in tabellen.get("taxonomy_terms", [])}
    orgs = {r["id"]: dict(r) for r in tabellen.get("organizations", [])}
    for oid, org in orgs.items():
        for tabel in ("phones", "contacts", "funding", "organization_identifiers", "programs"):
            rijen = per(tabel, "organization_id").get(oid)
            if rijen:
                org[tabel] = rijen
    sal_per_dienst = per("service_at_location", "service_id")
    attributen = per("attributes", "link_id")
    records = []
    for i, r in enumerate(tabellen.get("services", []), 1):
        s = dict(r)
        sid = r["id"]
        for tabel in (
            "phones",
            "contacts",
            "schedules",
            "funding",
            "languages",
            "cost_options",
            "required_documents",
            "service_areas",
        ):
            rijen = per(tabel, "service_id").get(sid)
            if rijen:
                s[tabel] = rijen
        if sid in sal_per_dienst:
            s["service_at_locations"] = [
                {**zonder(x, "service_id"), "location": locaties[x["location_id"]]}
                if x.get("location_id") in locaties
                else zonder(x, "service_id")
                for x in sal_per_dienst[sid]
            ]
        if sid in attributen:
            s["attributes"] = [
                {**a, "taxonomy_term": termen[a["taxonomy_term_id"]]}
                if a.get("taxonomy_term_id") in termen
                else a
                for a in attributen[sid]
            ]
        if r.get("organization_id") in orgs:
            s["organization"] = orgs[r["organization_id"]]
        records.append(Record("services.csv", i, "service", s))
    for naam, soort in (
        ("organizations", "organization"),
        ("taxonomies", "taxonomy"),
        ("taxonomy_terms", "taxonomy_term"),
        ("locations", "location"),
    ):
        bron = (
            orgs.values()
            if naam == "organizations"
            else (locaties.values() if naam == "locations" else tabellen.get(naam, []))
        )
        for i, r in enumerate(bron, 1):
            records.append(Record(f"{naam}.csv", i, soort, dict(r)))
    return records


def lees(pad: Path) -> list[Record]:
    pad = Path(pad)
    if pad.is_file():
        return (
            lees_csv_pakket(pad.parent)
            if pad.suffix == ".csv" or pad.name == ("datapackage.json")
            else lees_json(pad)
        )
    if (pad / "datapackage.json").exists() or list(pad.glob("*.csv")):
        return lees_csv_pakket(pad)
    uit = []
    for p in sorted(pad.glob("*.json")):
        if p.name in ("tabular.json", "datapackage.json"):
            continue
        uit.extend(lees_json(p))
    return uit


# --- checking ---------------------------------------------------------------------------------


def _id_ok(waarde) -> bool:
    try:
        uuid.UUID(str(waarde))
    except ValueError:
        return False
    return True


def controleer(rec: Record) -> list[str]:
    if "_fout" in rec.data:
        return [f"{rec.plek()}: {rec.data['_fout']}"]
    fouten = []
    schema = SCHEMA[rec.soort]
    # the fast yes/no check first; jsonschema itself only for the messages of a bad record
    for f in [] if hsds_schema.geldig(schema, rec.data) else hsds_schema.fouten(schema, rec.data):
        veld, melding = f.split(": ", 1)
        fouten.append(f"{rec.plek()}, veld {veld}: voldoet niet aan HSDS 3.0 ({melding})")
    if "id" in rec.data and not _id_ok(rec.data["id"]):
        fouten.append(f"{rec.plek()}, veld id: is geen UUID")
    naam = rec.data.get("name")
    if isinstance(naam, str) and len(naam) > 250:
        fouten.append(f"{rec.plek()}, veld name: is langer dan 250 tekens")
    for i, s in enumerate(rec.data.get("schedules", []) if rec.soort == "service" else []):
        for veld in ("opens_at", "closes_at"):
            if _tijd_fout(s.get(veld)):
                fouten.append(f"{rec.plek()}, veld schedules/{i}/{veld}: is geen tijd (uu:mm)")
    return fouten


# --- writing ----------------------------------------------------------------------------------


_ONBEKEND = object()


def _upsert(model, rij: hv.Rij, bestaand=_ONBEKEND):
    """Update or create the row of rij (hsds_velden) by id; unmapped keys go to hsds_extra."""
    obj = model.objects.filter(pk=rij.id).first() if bestaand is _ONBEKEND else bestaand
    extra = hv.extra(obj.hsds_extra if obj else {}, rij.data, rij.gebruikt | {"id"})
    if obj is None:
        return model.objects.create(pk=rij.id, hsds_extra=extra, **rij.velden)
    for k, v in rij.velden.items():
        setattr(obj, k, v)
    obj.hsds_extra = extra
    obj.save()
    return obj


def _tijd_fout(w) -> bool:
    return bool(w) and hv.tijd(w) is None


def taxonomie_opslaan(d: dict) -> Taxonomie:
    return _upsert(Taxonomie, hv.taxonomie(d))


def term_opslaan(d: dict) -> Term:
    tax = None
    detail = hv.taxonomie_detail(d)
    if detail is not None:
        tax = taxonomie_opslaan(detail).pk
    elif d.get("taxonomy_id"):
        tax = Taxonomie.objects.filter(pk=d["taxonomy_id"]).values_list("pk", flat=True).first()
    return _upsert(Term, hv.term(d, tax))


def organisatie_opslaan(d: dict) -> Organisatie:
    org = _upsert(Organisatie, hv.organisatie(d))
    for loc in hv.organisatie_locaties(d):
        locatie_opslaan(loc, organisatie=org)
    return org


def locatie_opslaan(d: dict, organisatie=None) -> Locatie:
    gebied = None
    code = hv.gebied_code(d)
    if code is not None:
        gebied = Gebied.objects.filter(code=code).values_list("id", "niveau").first()
    org_id = organisatie.pk if organisatie is not None else None
    loc = _upsert(Locatie, hv.locatie(d, gebied, org_id))
    adressen = hv.adressen(d, loc.pk)
    if adressen is not None:
        for rij in adressen:
            _upsert(Adres, rij)
        loc.adressen.exclude(id__in=[rij.id for rij in adressen]).delete()
    return loc


def rooster_opslaan(s: dict, dienst: Dienst) -> Rooster:
    r = _upsert(Rooster, hv.rooster(s, dienst.pk))
    uitzonderingen = hv.uitzonderingen(s, r.pk)
    if uitzonderingen is not None:
        r.uitzonderingen.all().delete()
        for u in uitzonderingen:
            Uitzondering.objects.create(**u)
    return r


def _vervang(qs, ids):
    qs.exclude(id__in=ids).delete()


def dienst_opslaan(d: dict, gemeente=None) -> Dienst:
    org = None
    genest, org_id = hv.dienst_organisatie(d)
    if genest is not None:
        org = organisatie_opslaan(genest).pk
    elif org_id:
        org = Organisatie.objects.filter(pk=org_id).values_list("pk", flat=True).first()
    rij = hv.dienst(d, org)
    bestaand = Dienst.objects.filter(pk=d["id"]).first()
    rij.velden.update(
        hv.dienst_eigenaar(
            bestaand is None,
            bestaand.gemeente_id if bestaand is not None else None,
            getattr(gemeente, "pk", gemeente),
        )
    )
    dienst = _upsert(Dienst, rij, bestaand=bestaand)
    telefoons = hv.telefoons(d, dienst.pk)
    if telefoons is not None:
        for t in telefoons:
            _upsert(Telefoon, t)
        _vervang(dienst.telefoons.all(), [t.id for t in telefoons])
    contacten = hv.contacten(d, dienst.pk)
    if contacten is not None:
        for c in contacten:
            _upsert(Contact, c)
        _vervang(dienst.contacten.all(), [c.id for c in contacten])
    if "schedules" in d:
        for s in d["schedules"]:
            rooster_opslaan(s, dienst)
        if bestaand is not None:  # a new service has no other schedules to remove
            _vervang(dienst.roosters.all(), [s["id"] for s in d["schedules"]])
    if "service_at_locations" in d:
        for x in d["service_at_locations"]:
            dienst_op_locatie_opslaan(x, dienst)
        _vervang(dienst.op_locaties.all(), [x["id"] for x in d["service_at_locations"]])
    verwijzingen = hv.dienst_termen(d)
    if verwijzingen is not None:
        termen = []
        for t, term_id in verwijzingen:
            if t is not None:
                termen.append(term_opslaan(t))
            else:
                termen.extend(Term.objects.filter(pk=term_id))
        dienst.termen.set(termen)
    if "service_at_locations" in d:
        from socialebasis.kaart.services import punt_bijwerken

        punt_bijwerken(dienst)
    return dienst


def dienst_op_locatie_opslaan(x: dict, dienst: Dienst | None = None):
    los = dienst is None  # a top-level service_at_location record: keep the point up to date
    if dienst is None:
        if isinstance(x.get("service"), dict):
            dienst = dienst_opslaan(x["service"])
        else:
            dienst = Dienst.objects.get(pk=x["service_id"])
    if isinstance(x.get("location"), dict):
        loc = locatie_opslaan(x["location"])
    else:
        loc = Locatie.objects.get(pk=x["location_id"])
    DienstOpLocatie.objects.filter(dienst=dienst, locatie=loc).exclude(pk=x["id"]).delete()
    _upsert(DienstOpLocatie, hv.dienst_op_locatie(x, dienst.pk, loc.pk))
    if los:
        from socialebasis.kaart.services import punt_bijwerken

        punt_bijwerken(dienst)
    return dienst


VOLGORDE = [
    "taxonomy",
    "taxonomy_term",
    "organization",
    "location",
    "service",
    "service_at_location",
]


def importeren(pad, *, overslaan=False, actor=None, gemeente=None, tabel=False) -> Resultaat:
    """Import HSDS (or with `tabel` a plain spreadsheet CSV); see the module docstring."""
    res = Resultaat()
    begin = time.perf_counter()
    if tabel:
        records, res.fouten = lees_tabel(Path(pad))
    else:
        records = lees(Path(pad))
    res.duur["lezen"] = time.perf_counter() - begin
    goed = []
    for rec in records:
        fouten = controleer(rec)
        if fouten:
            res.fouten.extend(fouten)
        else:
            goed.append(rec)
    res.duur["controleren"] = time.perf_counter() - begin - res.duur["lezen"]
    if res.fouten and not overslaan:
        raise ImportFout(res.fouten)
    res.overgeslagen = len(records) - len(goed)
    if tabel:  # rows refused while reading: count each row once
        res.overgeslagen += len({f.split(", kolom")[0].split(": ")[0] for f in res.fouten})
    gemeente_id = getattr(gemeente, "pk", gemeente)
    with transaction.atomic():
        try:
            with transaction.atomic():
                from socialebasis.kaart import hsds_bulk

                snel = Resultaat(
                    fouten=list(res.fouten), overgeslagen=res.overgeslagen, duur=res.duur
                )
                hsds_bulk.importeren(goed, snel, overslaan=overslaan, gemeente_id=gemeente_id)
                res = snel
        except DatabaseError:
            # The database refused something the checks did not foresee: do it again record by
            # record, which names the record that fails.
            _per_record(goed, res, overslaan=overslaan, gemeente=gemeente)
        vastleggen(
            handeling="kaart.hsds.importeren",
            activiteit="sociale-kaart-beheer",
            actor=actor,
            gemeente=gemeente,
        )
    return res


def _per_record(goed, res, *, overslaan, gemeente) -> None:
    """The record-by-record write path (one savepoint per record with `overslaan`)."""
    opslaan = {
        "taxonomy": taxonomie_opslaan,
        "taxonomy_term": term_opslaan,
        "organization": organisatie_opslaan,
        "location": locatie_opslaan,
        "service": lambda d: dienst_opslaan(d, gemeente=gemeente),
        "service_at_location": dienst_op_locatie_opslaan,
    }
    for soort in VOLGORDE:
        for rec in goed:
            if rec.soort == soort:
                try:
                    if overslaan:  # a savepoint per record only when we may skip one
                        with transaction.atomic():
                            opslaan[soort](rec.data)
                    else:
                        opslaan[soort](rec.data)
                except Exception as e:  # noqa: BLE001 — reported per record
                    if not overslaan:
                        raise ImportFout([f"{rec.plek()}: kan niet worden opgeslagen ({e})"]) from e
                    res.fouten.append(f"{rec.plek()}: kan niet worden opgeslagen ({e})")
                    res.overgeslagen += 1
                    continue
                res.aantallen[soort] = res.aantallen.get(soort, 0) + 1


# --- plain spreadsheet CSV (docs/sociale-kaart.md lists the columns) ---------------------------

TABEL_KOLOMMEN = [
    "id",
    "naam",
    "beschrijving",
    "organisatie",
    "categorieen",
    "doelgroepen",
    "kosten",
    "locatie",
    "adres",
    "postcode",
    "plaats",
    "wijk",
    "lat",
    "lon",
    "vertrouwelijk",
    "dag",
    "van",
    "tot",
    "telefoon",
    "email",
    "website",
    "aanmelden",
]
VERPLICHT = ["naam", "beschrijving", "organisatie"]
DAGEN = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
NS = uuid.UUID("0b6f7a5e-3d7c-4f38-9d1e-5b8d0c1f2a44")


def _nl_fouten(plek: str, rij: dict) -> list[str]:
    from socialebasis.kaart.models import Doelgroep, Kosten

    fouten = [f"{plek}, kolom {k}: is verplicht" for k in VERPLICHT if not rij.get(k)]
    onbekend = set(rij) - set(TABEL_KOLOMMEN)
    if onbekend:
        fouten.append(f"{plek}: onbekende kolom(men) {', '.join(sorted(onbekend))}")
    if rij.get("dag") and rij["dag"].lower() not in DAGEN:
        fouten.append(f"{plek}, kolom dag: kies maandag tot en met zondag")
    for k in ("van", "tot"):
        if _tijd_fout(rij.get(k)):
            fouten.append(f"{plek}, kolom {k}: schrijf een tijd als 14:00")
    if rij.get("kosten") and rij["kosten"] not in Kosten.values:
        fouten.append(f"{plek}, kolom kosten: kies {', '.join(Kosten.values)}")
    for d in _lijst(rij.get("doelgroepen")):
        if d not in Doelgroep.values:
            fouten.append(f"{plek}, kolom doelgroepen: '{d}' is onbekend")
    for c in _lijst(rij.get("categorieen")):
        if not Term.objects.filter(code=c).exists():
            fouten.append(f"{plek}, kolom categorieen: '{c}' is geen bekende categorie")
    for k in ("lat", "lon"):
        if rij.get(k):
            try:
                float(rij[k].replace(",", "."))
            except ValueError:
                fouten.append(f"{plek}, kolom {k}: is geen getal")
    if rij.get("wijk") and not Gebied.objects.filter(code=rij["wijk"]).exists():
        fouten.append(f"{plek}, kolom wijk: CBS-code '{rij['wijk']}' bestaat niet")
    if rij.get("id") and not _id_ok(rij["id"]):
        fouten.append(f"{plek}, kolom id: is geen UUID")
    return fouten


def _lijst(w) -> list[str]:
    return [x.strip() for x in (w or "").replace(",", ";").split(";") if x.strip()]


def lees_tabel(pad: Path) -> tuple[list[Record], list[str]]:
    """A spreadsheet (CSV, ; or , separated) → HSDS service records with our profile fields."""
    tekst = Path(pad).read_text(encoding="utf-8-sig")
    scheiding = (
        ";" if tekst.split("\n", 1)[0].count(";") > tekst.split("\n", 1)[0].count(",") else ","
    )
    records, fouten = [], []
    for i, rij in enumerate(csv.DictReader(tekst.splitlines(), delimiter=scheiding), 1):
        rij = {(k or "").strip().lower(): (v or "").strip() for k, v in rij.items()}
        plek = f"{Path(pad).name}, regel {i + 1}"
        f = _nl_fouten(plek, rij)
        if f:
            fouten.extend(f)
            continue
        org_id = str(uuid.uuid5(NS, f"org:{rij['organisatie'].lower()}"))
        sid = rij.get("id") or str(uuid.uuid5(NS, f"dienst:{org_id}:{rij['naam'].lower()}"))
        s = {
            "id": sid,
            "name": rij["naam"],
            "description": rij["beschrijving"],
            "status": "active",
            "organization": {
                "id": org_id,
                "name": rij["organisatie"],
                "description": rij["organisatie"],
            },
            "target_groups": _lijst(rij.get("doelgroepen")),
            "attributes": [
                {
                    "id": str(uuid.uuid5(NS, f"{sid}:{c}")),
                    "taxonomy_term_id": str(Term.objects.get(code=c).id),
                }
                for c in _lijst(rij.get("categorieen"))
            ],
        }
        for k, hsds in (
            ("kosten", "cost_category"),
            ("email", "email"),
            ("website", "url"),
            ("aanmelden", "application_process"),
        ):
            if rij.get(k):
                s[hsds] = rij[k]
        if rij.get("locatie") or rij.get("adres"):
            lid = str(
                uuid.uuid5(
                    NS, f"loc:{rij.get('adres', '').lower()}:{rij.get('locatie', '').lower()}"
                )
            )
            loc = {
                "id": lid,
                "location_type": "physical",
                "name": rij.get("locatie") or rij.get("adres"),
                "confidential": rij.get("vertrouwelijk", "").lower() in ("ja", "1", "true"),
            }
            if rij.get("lat") and rij.get("lon"):
                loc["latitude"] = float(rij["lat"].replace(",", "."))
                loc["longitude"] = float(rij["lon"].replace(",", "."))
            if rij.get("wijk"):
                loc["area"] = {"code": rij["wijk"]}
            if rij.get("adres"):
                loc["addresses"] = [
                    {
                        "id": str(uuid.uuid5(NS, f"adres:{lid}")),
                        "address_1": rij["adres"],
                        "city": rij.get("plaats", ""),
                        "state_province": "",
                        "postal_code": rij.get("postcode", ""),
                        "country": "NL",
                        "address_type": "physical",
                    }
                ]
            s["service_at_locations"] = [
                {"id": str(uuid.uuid5(NS, f"sal:{sid}:{lid}")), "location": loc}
            ]
        if rij.get("dag"):
            s["schedules"] = [
                schoon_rooster(
                    {
                        "id": str(uuid.uuid5(NS, f"rooster:{sid}")),
                        "freq": "WEEKLY",
                        "interval": 1,
                        "byday": BYDAY[DAGEN.index(rij["dag"].lower())],
                        "opens_at": rij.get("van"),
                        "closes_at": rij.get("tot"),
                    }
                )
            ]
        if rij.get("telefoon"):
            s["phones"] = [{"id": str(uuid.uuid5(NS, f"tel:{sid}")), "number": rij["telefoon"]}]
        records.append(Record(Path(pad).name, i, "service", s))
    return records, fouten


def schoon_rooster(s: dict) -> dict:
    return {k: v for k, v in s.items() if v not in (None, "")}
