"""Export the public sociale kaart as HSDS 3.0: JSON files or a CSV data package.

JSON: services.json (full services), organizations.json, taxonomy_list.json and
taxonomy_term_list.json — each a JSON array, written record by record (constant memory).
CSV: one table per HSDS object with the official column names (plus our profile's columns) and
a datapackage.json. Only published entries; confidential locations are exported as the API shows
them (no address, no point).
"""

import csv
import json
from pathlib import Path

from socialebasis.kaart import hsds_export as ex
from socialebasis.kaart.hsds_api import _volledig
from socialebasis.kaart.models import Dienst, Organisatie, Publicatie, Taxonomie, Term

OFFICIEEL_PAKKET = (
    Path(__file__).resolve().parent
    / "hsds"
    / "voorbeelden"
    / "openreferral"
    / "csv"
    / "datapackage.json"
)


def _diensten():
    return _volledig(
        Dienst.objects.filter(publicatie=Publicatie.GEPUBLICEERD).select_related("organisatie")
    ).order_by("id")


def _json_lijst(pad: Path, objecten) -> int:
    n = 0
    with pad.open("w", encoding="utf-8") as f:
        f.write("[\n")
        for obj in objecten:
            if n:
                f.write(",\n")
            f.write(json.dumps(obj, ensure_ascii=False))
            n += 1
        f.write("\n]\n")
    return n


def _organisaties():
    return Organisatie.objects.prefetch_related(
        "telefoons", "contacten", "locaties__adressen", "locaties__wijk", "locaties__buurt"
    ).order_by("id")


def exporteren(map_, formaat: str = "json") -> dict:
    map_ = Path(map_)
    map_.mkdir(parents=True, exist_ok=True)
    if formaat == "csv":
        return _csv(map_)
    return {
        "services": _json_lijst(
            map_ / "services.json", (ex.dienst(d) for d in _diensten().iterator(chunk_size=500))
        ),
        "organizations": _json_lijst(
            map_ / "organizations.json",
            (ex.organisatie(o, volledig=True) for o in _organisaties().iterator(chunk_size=500)),
        ),
        "taxonomies": _json_lijst(
            map_ / "taxonomy_list.json", (ex.taxonomie(t) for t in Taxonomie.objects.all())
        ),
        "taxonomy_terms": _json_lijst(
            map_ / "taxonomy_term_list.json",
            (ex.term(t) for t in Term.objects.select_related("taxonomie")),
        ),
    }


# --- CSV --------------------------------------------------------------------------------------

EXTRA_KOLOMMEN = {
    "services": ["layer", "target_groups", "cost_category", "wmo_type", "last_checked"],
    "locations": ["confidential", "area_code", "area_name"],
}


def _kolommen() -> dict[str, list[str]]:
    pakket = json.loads(OFFICIEEL_PAKKET.read_text())
    uit = {}
    for r in pakket["resources"]:
        naam = Path(r["path"]).stem
        uit[naam] = [f["name"] for f in r["schema"]["fields"]] + EXTRA_KOLOMMEN.get(naam, [])
    return uit


def _cel(w):
    if isinstance(w, bool):
        return "true" if w else "false"
    if isinstance(w, list):
        return ";".join(str(x) for x in w)
    if isinstance(w, dict):
        return json.dumps(w, ensure_ascii=False)
    return w


class _Tabellen:
    def __init__(self, map_: Path):
        self.kolommen = _kolommen()
        self.bestanden, self.schrijvers, self.gezien = {}, {}, {}
        self.map = map_
        self.aantallen: dict[str, int] = {}

    def rij(self, tabel: str, data: dict, **koppeling):
        if tabel not in self.kolommen:
            return
        rid = data.get("id")
        gezien = self.gezien.setdefault(tabel, set())
        if rid is not None and rid in gezien:
            return
        gezien.add(rid)
        if tabel not in self.schrijvers:
            f = (self.map / f"{tabel}.csv").open("w", encoding="utf-8", newline="")
            self.bestanden[tabel] = f
            w = csv.DictWriter(f, fieldnames=self.kolommen[tabel], extrasaction="ignore")
            w.writeheader()
            self.schrijvers[tabel] = w
        rij = {
            k: _cel(v)
            for k, v in {**data, **koppeling}.items()
            if not isinstance(v, list) or all(not isinstance(x, dict) for x in v)
        }
        self.schrijvers[tabel].writerow(rij)
        self.aantallen[tabel] = self.aantallen.get(tabel, 0) + 1

    def sluiten(self):
        for f in self.bestanden.values():
            f.close()


def _locatie(t: _Tabellen, loc: dict):
    area = loc.get("area") or {}
    t.rij("locations", loc, area_code=area.get("code"), area_name=area.get("name"))
    for a in loc.get("addresses", []):
        t.rij("addresses", a, location_id=loc["id"])
    for tabel in ("accessibility", "languages", "phones", "schedules"):
        for x in loc.get(tabel, []):
            t.rij(tabel, x, location_id=loc["id"])


def _csv(map_: Path) -> dict:
    t = _Tabellen(map_)
    try:
        for tax in Taxonomie.objects.all():
            t.rij("taxonomies", ex.taxonomie(tax))
        for term in Term.objects.select_related("taxonomie"):
            t.rij("taxonomy_terms", ex.term(term))
        for o in _organisaties().iterator(chunk_size=500):
            org = ex.organisatie(o, volledig=True)
            t.rij("organizations", org)
            for loc in org.get("locations", []):
                _locatie(t, loc)
            for tabel in ("phones", "contacts", "funding", "organization_identifiers", "programs"):
                for x in org.get(tabel, []):
                    t.rij(tabel, x, organization_id=org["id"])
        for d in _diensten().iterator(chunk_size=500):
            s = ex.dienst(d)
            t.rij("services", s)
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
                for x in s.get(tabel, []):
                    t.rij(tabel, x, service_id=s["id"])
            for x in s.get("service_at_locations", []):
                loc = x.get("location") or {}
                t.rij("service_at_location", x, service_id=s["id"], location_id=loc.get("id"))
                if loc:
                    _locatie(t, loc)
            for a in s.get("attributes", []):
                t.rij("attributes", a, link_id=a.get("link_id", s["id"]))
    finally:
        t.sluiten()
    pakket = json.loads(OFFICIEEL_PAKKET.read_text())
    pakket["name"] = "sociale-basis-hsds"
    pakket["resources"] = [r for r in pakket["resources"] if Path(r["path"]).stem in t.aantallen]
    for r in pakket["resources"]:
        for k in EXTRA_KOLOMMEN.get(Path(r["path"]).stem, []):
            r["schema"]["fields"].append({"name": k, "type": "string"})
    (map_ / "datapackage.json").write_text(json.dumps(pakket, ensure_ascii=False, indent=1))
    return t.aantallen
