"""Import HSDS 3.0 data: JSON files (objects, lists or API pages) or a CSV data package.

One transaction; idempotent by id (update or create). Every record is first checked against the
official schema and our own rules; every problem is reported as file + record + field in Dutch.
With one bad record nothing is written, unless `overslaan` (--skip-invalid): then the valid
records are written and the bad ones listed.

Fields we do not model are kept in `hsds_extra` (merged on a repeated import), so an export gives
back what came in. Nested lists of a service that we model (phones, contacts, schedules,
service_at_locations) are replaced by the imported list when the key is present.
"""

import csv
import json
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, transaction
from django.utils.dateparse import parse_date, parse_datetime, parse_time

from socialebasis.audit.services import vastleggen
from socialebasis.gebieden.models import Gebied
from socialebasis.kaart import hsds_schema
from socialebasis.kaart.hsds_export import BYDAY
from socialebasis.kaart.models import (
    Adres,
    Contact,
    Dienst,
    DienstOpLocatie,
    Locatie,
    Organisatie,
    Publicatie,
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


def _extra(obj_extra: dict, data: dict, gebruikt: set) -> dict:
    nieuw = dict(obj_extra or {})
    nieuw.update({k: v for k, v in data.items() if k not in gebruikt})
    return nieuw


_ONBEKEND = object()


def _upsert(model, pk, velden: dict, data: dict, gebruikt: set, bestaand=_ONBEKEND):
    obj = model.objects.filter(pk=pk).first() if bestaand is _ONBEKEND else bestaand
    extra = _extra(obj.hsds_extra if obj else {}, data, gebruikt | {"id"})
    if obj is None:
        return model.objects.create(pk=pk, hsds_extra=extra, **velden)
    for k, v in velden.items():
        setattr(obj, k, v)
    obj.hsds_extra = extra
    obj.save()
    return obj


def _datum(w):
    return parse_date(str(w)) if w else None


def _tijd(w):
    try:
        return parse_time(str(w)) if w else None
    except ValueError:
        return None


def _tijd_fout(w) -> bool:
    return bool(w) and _tijd(w) is None


def taxonomie_opslaan(d: dict) -> Taxonomie:
    velden = {
        "naam": d["name"],
        "beschrijving": d.get("description", ""),
        "uri": d.get("uri", ""),
        "versie": str(d.get("version", "")),
    }
    return _upsert(Taxonomie, d["id"], velden, d, {"name", "description", "uri", "version"})


def term_opslaan(d: dict) -> Term:
    tax = None
    detail = d.get("taxonomy_detail")
    if isinstance(detail, dict) and detail.get("id") and detail.get("name"):
        tax = taxonomie_opslaan({"description": detail.get("name"), **detail})
    elif d.get("taxonomy_id"):
        tax = Taxonomie.objects.filter(pk=d["taxonomy_id"]).first()
    velden = {
        "naam": d["name"],
        "beschrijving": d.get("description", ""),
        "code": str(d.get("code", ""))[:100],
        "taxonomie": tax,
    }
    gebruikt = {"name", "description", "code"}
    if tax is not None and d.get("taxonomy_id"):
        gebruikt.add("taxonomy_id")
    return _upsert(Term, d["id"], velden, d, gebruikt)


def organisatie_opslaan(d: dict) -> Organisatie:
    velden = {
        "naam": d["name"],
        "beschrijving": d.get("description", ""),
        "email": d.get("email", ""),
        "website": d.get("website", ""),
    }
    org = _upsert(
        Organisatie, d["id"], velden, d, {"name", "description", "email", "website", "locations"}
    )
    for loc in d.get("locations") or []:
        if isinstance(loc, dict) and loc.get("id"):
            locatie_opslaan(loc, organisatie=org)
    return org


def locatie_opslaan(d: dict, organisatie=None) -> Locatie:
    gebied = None
    area = d.get("area")
    if isinstance(area, dict) and area.get("code"):
        gebied = Gebied.objects.filter(code=area["code"]).first()
    velden = {
        "naam": d.get("name", "")[:250],
        "beschrijving": d.get("description", ""),
        "soort": d.get("location_type", "physical"),
        "lat": d.get("latitude"),
        "lon": d.get("longitude"),
        "vertrouwelijk": bool(d.get("confidential", False)),
    }
    if gebied is not None:
        velden["wijk" if gebied.niveau == "wijk" else "buurt"] = gebied
    if organisatie is not None:
        velden["organisatie"] = organisatie
    gebruikt = {
        "name",
        "description",
        "location_type",
        "latitude",
        "longitude",
        "addresses",
        "confidential",
        "area",
    }
    loc = _upsert(Locatie, d["id"], velden, d, gebruikt)
    if "addresses" in d:
        ids = []
        for a in d["addresses"]:
            ids.append(a["id"])
            _upsert(
                Adres,
                a["id"],
                {
                    "locatie": loc,
                    "straat": a.get("address_1", ""),
                    "toevoeging": a.get("address_2", ""),
                    "plaats": a.get("city", ""),
                    "provincie": a.get("state_province", ""),
                    "postcode": a.get("postal_code", ""),
                    "land": str(a.get("country", "NL"))[:2],
                    "soort": a.get("address_type", ""),
                },
                a,
                {
                    "address_1",
                    "address_2",
                    "city",
                    "state_province",
                    "postal_code",
                    "country",
                    "address_type",
                    "location_id",
                },
            )
        loc.adressen.exclude(id__in=ids).delete()
    return loc


def _weekdag(s: dict) -> int | None:
    byday = str(s.get("byday", ""))
    if s.get("freq") == "WEEKLY" and byday in BYDAY and int(s.get("interval") or 1) == 1:
        if not any(s.get(k) for k in ("byweekno", "bymonthday", "byyearday", "count", "until")):
            return BYDAY.index(byday)
    return None


def rooster_opslaan(s: dict, dienst: Dienst) -> Rooster:
    weekdag = _weekdag(s)
    datum = None
    if weekdag is None and s.get("dtstart") and str(s.get("count")) == "1" and not s.get("freq"):
        datum = _datum(s["dtstart"])
    velden = {
        "dienst": dienst,
        "weekdag": weekdag,
        "datum": datum,
        "begintijd": _tijd(s.get("opens_at")),
        "eindtijd": _tijd(s.get("closes_at")),
        "geldig_vanaf": _datum(s.get("valid_from")),
        "geldig_tot": _datum(s.get("valid_to")),
    }
    gebruikt = {"opens_at", "closes_at", "valid_from", "valid_to", "exceptions", "service_id"}
    if weekdag is not None:
        gebruikt |= {"freq", "byday", "interval"}
    if datum is not None:
        gebruikt |= {"dtstart", "count"}
    r = _upsert(Rooster, s["id"], velden, s, gebruikt)
    if "exceptions" in s:
        r.uitzonderingen.all().delete()
        for u in s["exceptions"]:
            Uitzondering.objects.create(
                rooster=r,
                datum=_datum(u["date"]),
                vervalt=bool(u.get("cancelled", True)),
                nieuwe_datum=_datum(u.get("moved_to_date")),
                nieuwe_begintijd=_tijd(u.get("moved_to_time")),
                reden=u.get("reason", ""),
            )
    return r


def _vervang(qs, ids):
    qs.exclude(id__in=ids).delete()


def dienst_opslaan(d: dict, gemeente=None) -> Dienst:
    org = None
    if isinstance(d.get("organization"), dict) and d["organization"].get("id"):
        org = organisatie_opslaan(d["organization"])
    elif d.get("organization_id"):
        org = Organisatie.objects.filter(pk=d["organization_id"]).first()
    vertaling = (d.get("translations") or {}).get("en") or {}
    velden = {
        "naam": d["name"],
        "beschrijving": d.get("description", ""),
        "url": d.get("url", ""),
        "email": d.get("email", ""),
        "status": d.get("status", "active"),
        "aanmelden": d.get("application_process", ""),
        "organisatie": org,
        "naam_en": vertaling.get("name", ""),
        "beschrijving_en": vertaling.get("description", ""),
    }
    gebruikt = {
        "name",
        "description",
        "url",
        "email",
        "status",
        "application_process",
        "organization",
        "translations",
        "phones",
        "contacts",
        "schedules",
        "service_at_locations",
    }
    if org is not None:
        gebruikt.add("organization_id")
    for hsds, veld in (
        ("layer", "laag"),
        ("target_groups", "doelgroepen"),
        ("cost_category", "kosten"),
        ("wmo_type", "wmo_type"),
    ):
        if hsds in d:
            velden[veld] = d[hsds]
            gebruikt.add(hsds)
    if d.get("last_checked"):
        velden["laatst_gecontroleerd"] = _datum(d["last_checked"])
        gebruikt.add("last_checked")
    if d.get("last_modified") and parse_datetime(str(d["last_modified"])):
        velden["gewijzigd_op"] = parse_datetime(str(d["last_modified"]))
        gebruikt.add("last_modified")
    bestaand = Dienst.objects.filter(pk=d["id"]).first()
    if bestaand is None:
        velden["publicatie"] = Publicatie.GEPUBLICEERD
        velden["gemeente"] = gemeente
    elif gemeente is not None and bestaand.gemeente_id is None:
        velden["gemeente"] = gemeente
    dienst = _upsert(Dienst, d["id"], velden, d, gebruikt, bestaand=bestaand)
    if "phones" in d:
        for t in d["phones"]:
            _upsert(
                Telefoon,
                t["id"],
                {
                    "dienst": dienst,
                    "nummer": str(t.get("number", "")),
                    "beschrijving": str(t.get("description", ""))[:250],
                },
                t,
                {"number"}
                | ({"description"} if len(str(t.get("description", ""))) <= 250 else set()),
            )
        _vervang(dienst.telefoons.all(), [t["id"] for t in d["phones"]])
    if "contacts" in d:
        for c in d["contacts"]:
            _upsert(
                Contact,
                c["id"],
                {
                    "dienst": dienst,
                    "naam": c.get("name", "")[:250],
                    "functie": c.get("title", "")[:250],
                    "email": c.get("email", ""),
                },
                c,
                {"name", "title", "email"},
            )
        _vervang(dienst.contacten.all(), [c["id"] for c in d["contacts"]])
    if "schedules" in d:
        for s in d["schedules"]:
            rooster_opslaan(s, dienst)
        if bestaand is not None:  # a new service has no other schedules to remove
            _vervang(dienst.roosters.all(), [s["id"] for s in d["schedules"]])
    if "service_at_locations" in d:
        for x in d["service_at_locations"]:
            dienst_op_locatie_opslaan(x, dienst)
        _vervang(dienst.op_locaties.all(), [x["id"] for x in d["service_at_locations"]])
    if "attributes" in d:
        termen = []
        for a in d["attributes"]:
            t = a.get("taxonomy_term")
            if isinstance(t, dict) and t.get("id") and t.get("name"):
                termen.append(term_opslaan(t))
            elif a.get("taxonomy_term_id"):
                termen.extend(Term.objects.filter(pk=a["taxonomy_term_id"]))
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
    _upsert(
        DienstOpLocatie,
        x["id"],
        {"dienst": dienst, "locatie": loc, "beschrijving": x.get("description", "")},
        x,
        {"description", "location", "service", "service_id", "location_id"},
    )
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
