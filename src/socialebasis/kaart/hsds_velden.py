"""The HSDS 3.0 → model field mapping of the import, in one place.

Both write paths of the import call these functions: the set-based path (`hsds_bulk.Plan`) and
the record-by-record path (`hsds_import.*_opslaan`, the fallback that names a failing record).
A mapping change is made here only.

Each function turns one HSDS object into a `Rij`: the HSDS id, our column values (by attname,
so `dienst_id`, not `dienst`), the HSDS keys those columns came from (all other keys are kept in
`hsds_extra`, see `extra`) and the object itself. Nested lists that replace the children of a row
(phones, contacts, addresses, exceptions) come back as a list of rows, or None when the key is
absent (then the children stay as they are).

The functions are pure: they do not touch the database. References to other rows (the
organisation of a service, the taxonomy of a term, the gebied of a location, the parent row of a
child) are resolved by the caller — with a query in hsds_import, from the plan in hsds_bulk —
and passed in as primary keys. Helpers below say which nested object or id a record refers to.
"""

from typing import NamedTuple

from django.utils.dateparse import parse_date, parse_datetime, parse_time

from socialebasis.kaart.hsds_export import BYDAY
from socialebasis.kaart.models import Publicatie

# Our column → the HSDS field, for "too long" messages.
HSDS_VELD = {
    "naam": "name",
    "naam_en": "translations/en/name",
    "beschrijving": "description",
    "url": "url",
    "website": "website",
    "email": "email",
    "status": "status",
    "laag": "layer",
    "kosten": "cost_category",
    "wmo_type": "wmo_type",
    "nummer": "number",
    "straat": "address_1",
    "toevoeging": "address_2",
    "postcode": "postal_code",
    "plaats": "city",
    "provincie": "state_province",
    "land": "country",
    "soort": "location_type",
    "functie": "title",
    "code": "code",
    "uri": "uri",
    "versie": "version",
}


class Rij(NamedTuple):
    id: object  # the HSDS id, as in the data
    velden: dict  # column values by attname
    gebruikt: set  # HSDS keys mapped to a column; the others go to hsds_extra
    data: dict  # the HSDS object


def extra(oud: dict, data: dict, gebruikt: set) -> dict:
    """The new hsds_extra: the stored one, updated with every key of data not in gebruikt."""
    nieuw = dict(oud or {})
    nieuw.update({k: v for k, v in data.items() if k not in gebruikt})
    return nieuw


def datum(w):
    return parse_date(str(w)) if w else None


def tijd(w):
    try:
        return parse_time(str(w)) if w else None
    except ValueError:
        return None


def weekdag(s: dict) -> int | None:
    """The weekday of a plain weekly schedule (our model), else None (kept as HSDS fields)."""
    byday = str(s.get("byday", ""))
    if s.get("freq") == "WEEKLY" and byday in BYDAY and int(s.get("interval") or 1) == 1:
        if not any(s.get(k) for k in ("byweekno", "bymonthday", "byyearday", "count", "until")):
            return BYDAY.index(byday)
    return None


# --- taxonomies and terms ----------------------------------------------------------------------


def taxonomie(d: dict) -> Rij:
    velden = {
        "naam": d["name"],
        "beschrijving": d.get("description", ""),
        "uri": d.get("uri", ""),
        "versie": str(d.get("version", "")),
    }
    return Rij(d["id"], velden, {"name", "description", "uri", "version"}, d)


def taxonomie_detail(d: dict) -> dict | None:
    """The taxonomy given inside a term (written first), or None: then taxonomy_id counts."""
    detail = d.get("taxonomy_detail")
    if isinstance(detail, dict) and detail.get("id") and detail.get("name"):
        return {"description": detail.get("name"), **detail}
    return None


def term(d: dict, taxonomie_id) -> Rij:
    """taxonomie_id: the taxonomy written from taxonomy_detail, or the existing taxonomy_id."""
    velden = {
        "naam": d["name"],
        "beschrijving": d.get("description", ""),
        "code": str(d.get("code", ""))[:100],
        "taxonomie_id": taxonomie_id,
    }
    gebruikt = {"name", "description", "code"}
    if taxonomie_id is not None and d.get("taxonomy_id"):
        gebruikt.add("taxonomy_id")
    return Rij(d["id"], velden, gebruikt, d)


# --- organisations and locations ---------------------------------------------------------------


def organisatie(d: dict) -> Rij:
    velden = {
        "naam": d["name"],
        "beschrijving": d.get("description", ""),
        "email": d.get("email", ""),
        "website": d.get("website", ""),
    }
    return Rij(d["id"], velden, {"name", "description", "email", "website", "locations"}, d)


def organisatie_locaties(d: dict) -> list[dict]:
    """The locations given inside an organisation (written after it, linked to it)."""
    return [loc for loc in d.get("locations") or [] if isinstance(loc, dict) and loc.get("id")]


def gebied_code(d: dict) -> str | None:
    """The CBS code of the wijk or buurt of a location (area.code), if given."""
    area = d.get("area")
    if isinstance(area, dict) and area.get("code"):
        return str(area["code"])
    return None


def locatie(d: dict, gebied=None, organisatie_id=None) -> Rij:
    """gebied: (id, niveau) of the known gebied with gebied_code(d), or None."""
    velden = {
        "naam": d.get("name", "")[:250],
        "beschrijving": d.get("description", ""),
        "soort": d.get("location_type", "physical"),
        "lat": d.get("latitude"),
        "lon": d.get("longitude"),
        "vertrouwelijk": bool(d.get("confidential", False)),
    }
    if gebied is not None:
        velden["wijk_id" if gebied[1] == "wijk" else "buurt_id"] = gebied[0]
    if organisatie_id is not None:
        velden["organisatie_id"] = organisatie_id
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
    return Rij(d["id"], velden, gebruikt, d)


ADRES_GEBRUIKT = frozenset(
    {
        "address_1",
        "address_2",
        "city",
        "state_province",
        "postal_code",
        "country",
        "address_type",
        "location_id",
    }
)


def adressen(d: dict, locatie_id) -> list[Rij] | None:
    """The addresses of a location (they replace its addresses), or None when not given."""
    if "addresses" not in d:
        return None
    return [
        Rij(
            a["id"],
            {
                "locatie_id": locatie_id,
                "straat": a.get("address_1", ""),
                "toevoeging": a.get("address_2", ""),
                "plaats": a.get("city", ""),
                "provincie": a.get("state_province", ""),
                "postcode": a.get("postal_code", ""),
                "land": str(a.get("country", "NL"))[:2],
                "soort": a.get("address_type", ""),
            },
            ADRES_GEBRUIKT,
            a,
        )
        for a in d["addresses"]
    ]


# --- services and their parts ------------------------------------------------------------------


def dienst_organisatie(d: dict) -> tuple[dict | None, object]:
    """The organisation of a service: (the nested object, None) or (None, organization_id)."""
    org = d.get("organization")
    if isinstance(org, dict) and org.get("id"):
        return org, None
    return None, d.get("organization_id") or None


DIENST_GEBRUIKT = frozenset(
    {
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
)
# Profile fields (our extension of HSDS) stored as they come, when present.
PROFIEL = (
    ("layer", "laag"),
    ("target_groups", "doelgroepen"),
    ("cost_category", "kosten"),
    ("wmo_type", "wmo_type"),
)


def dienst(d: dict, organisatie_id) -> Rij:
    """organisatie_id: the organisation written from the nested object, or the known id."""
    vertaling = (d.get("translations") or {}).get("en") or {}
    velden = {
        "naam": d["name"],
        "beschrijving": d.get("description", ""),
        "url": d.get("url", ""),
        "email": d.get("email", ""),
        "status": d.get("status", "active"),
        "aanmelden": d.get("application_process", ""),
        "organisatie_id": organisatie_id,
        "naam_en": vertaling.get("name", ""),
        "beschrijving_en": vertaling.get("description", ""),
    }
    gebruikt = set(DIENST_GEBRUIKT)
    if organisatie_id is not None:
        gebruikt.add("organization_id")
    for hsds, veld in PROFIEL:
        if hsds in d:
            velden[veld] = d[hsds]
            gebruikt.add(hsds)
    if d.get("last_checked"):
        velden["laatst_gecontroleerd"] = datum(d["last_checked"])
        gebruikt.add("last_checked")
    if d.get("last_modified"):
        gewijzigd = parse_datetime(str(d["last_modified"]))
        if gewijzigd:
            velden["gewijzigd_op"] = gewijzigd
            gebruikt.add("last_modified")
    return Rij(d["id"], velden, gebruikt, d)


def dienst_eigenaar(nieuw: bool, huidige_gemeente_id, gemeente_id) -> dict:
    """Columns set besides the mapping: a new service is published and gets the gemeente of
    the import; an existing one only gets it when it has none."""
    if nieuw:
        return {"publicatie": Publicatie.GEPUBLICEERD, "gemeente_id": gemeente_id}
    if gemeente_id is not None and huidige_gemeente_id is None:
        return {"gemeente_id": gemeente_id}
    return {}


def telefoons(d: dict, dienst_id) -> list[Rij] | None:
    """The phones of a service (they replace its phones), or None when not given."""
    if "phones" not in d:
        return None
    uit = []
    for t in d["phones"]:
        omschrijving = str(t.get("description", ""))
        velden = {
            "dienst_id": dienst_id,
            "nummer": str(t.get("number", "")),
            "beschrijving": omschrijving[:250],
        }
        # a longer description is kept whole in hsds_extra
        gebruikt = {"number"} | ({"description"} if len(omschrijving) <= 250 else set())
        uit.append(Rij(t["id"], velden, gebruikt, t))
    return uit


def contacten(d: dict, dienst_id) -> list[Rij] | None:
    """The contacts of a service (they replace its contacts), or None when not given."""
    if "contacts" not in d:
        return None
    return [
        Rij(
            c["id"],
            {
                "dienst_id": dienst_id,
                "naam": c.get("name", "")[:250],
                "functie": c.get("title", "")[:250],
                "email": c.get("email", ""),
            },
            {"name", "title", "email"},
            c,
        )
        for c in d["contacts"]
    ]


def rooster(s: dict, dienst_id) -> Rij:
    """A schedule: a plain weekly one gets a weekday, a one-off (count 1, no freq) a date; the
    other recurrence fields stay in hsds_extra."""
    dag = weekdag(s)
    op = None
    if dag is None and s.get("dtstart") and str(s.get("count")) == "1" and not s.get("freq"):
        op = datum(s["dtstart"])
    velden = {
        "dienst_id": dienst_id,
        "weekdag": dag,
        "datum": op,
        "begintijd": tijd(s.get("opens_at")),
        "eindtijd": tijd(s.get("closes_at")),
        "geldig_vanaf": datum(s.get("valid_from")),
        "geldig_tot": datum(s.get("valid_to")),
    }
    gebruikt = {"opens_at", "closes_at", "valid_from", "valid_to", "exceptions", "service_id"}
    if dag is not None:
        gebruikt |= {"freq", "byday", "interval"}
    if op is not None:
        gebruikt |= {"dtstart", "count"}
    return Rij(s["id"], velden, gebruikt, s)


def uitzonderingen(s: dict, rooster_id) -> list[dict] | None:
    """The exceptions of a schedule as rows (they replace its exceptions), or None."""
    if "exceptions" not in s:
        return None
    return [
        {
            "rooster_id": rooster_id,
            "datum": datum(u["date"]),
            "vervalt": bool(u.get("cancelled", True)),
            "nieuwe_datum": datum(u.get("moved_to_date")),
            "nieuwe_begintijd": tijd(u.get("moved_to_time")),
            "reden": u.get("reason", ""),
        }
        for u in s["exceptions"]
    ]


def dienst_op_locatie(x: dict, dienst_id, locatie_id) -> Rij:
    return Rij(
        x["id"],
        {
            "dienst_id": dienst_id,
            "locatie_id": locatie_id,
            "beschrijving": x.get("description", ""),
        },
        {"description", "location", "service", "service_id", "location_id"},
        x,
    )


def dienst_termen(d: dict) -> list[tuple[dict | None, object]] | None:
    """The categories of a service (they replace its categories), or None when not given: per
    attribute (the nested term, None) or (None, taxonomy_term_id); attributes with neither are
    left out."""
    if "attributes" not in d:
        return None
    uit = []
    for a in d["attributes"]:
        t = a.get("taxonomy_term")
        if isinstance(t, dict) and t.get("id") and t.get("name"):
            uit.append((t, None))
        elif a.get("taxonomy_term_id"):
            uit.append((None, a["taxonomy_term_id"]))
    return uit
