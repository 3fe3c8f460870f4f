"""Our records as HSDS 3.0 JSON objects (API responses and exports).

Fields HSDS has and we do not model come back from `hsds_extra`, so imported data round-trips.
Empty values are left out (HSDS types are not nullable). A confidential location never shows
its address, point or name: only that it is confidential and its wijk (our profile).

Our profile ("sociale-basis-nl") adds, as JSON merge patches on the HSDS schemas (see PROFIEL):
service.layer, service.target_groups, service.cost_category, service.wmo_type,
service.translations, service.last_checked, location.confidential, location.area,
schedule.exceptions.
"""

import datetime as dt
import uuid

from socialebasis.kaart.models import Weekdag

HSDS_VERSIE = "3.0"
PROFIEL_URI = "https://socialebasis.nl/hsds-profiel/sociale-basis-nl"
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

PROFIEL = {
    "service": {
        "properties": {
            "layer": {"type": "string", "enum": ["gemeenschappelijk", "institutioneel"]},
            "target_groups": {"type": "array", "items": {"type": "string"}},
            "cost_category": {"type": "string", "enum": ["gratis", "kleine_bijdrage", "bedrag"]},
            "wmo_type": {"type": "string", "enum": ["algemene_voorziening", "voorliggend"]},
            "last_checked": {"type": "string", "format": "date"},
            "translations": {
                "type": "object",
                "description": "Per language code: name and description.",
                "additionalProperties": {
                    "type": "object",
                    "properties": {"name": {"type": "string"}, "description": {"type": "string"}},
                },
            },
        }
    },
    "location": {
        "properties": {
            "confidential": {
                "type": "boolean",
                "description": "Address, point and name are never published; only the area.",
            },
            "area": {
                "type": "object",
                "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
            },
        }
    },
    "schedule": {
        "properties": {
            "exceptions": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "date": {"type": "string", "format": "date"},
                        "cancelled": {"type": "boolean"},
                        "moved_to_date": {"type": "string", "format": "date"},
                        "moved_to_time": {"type": "string", "format": "time"},
                        "reason": {"type": "string"},
                    },
                },
            }
        }
    },
}


def _tijdstip(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def schoon(d: dict) -> dict:
    return {k: v for k, v in d.items() if v not in (None, "")}


def _met_extra(obj, velden: dict) -> dict:
    uit = dict(obj.hsds_extra or {})
    uit.update(schoon(velden))
    return uit


def taxonomie(t) -> dict:
    return _met_extra(
        t,
        {
            "id": str(t.id),
            "name": t.naam,
            "description": t.beschrijving or t.naam,
            "uri": t.uri,
            "version": t.versie,
        },
    )


def term(t) -> dict:
    velden = {
        "id": str(t.id),
        "code": t.code,
        "name": t.naam,
        "description": t.beschrijving or t.naam,
        "parent_id": str(t.ouder_id) if t.ouder_id else None,
        "taxonomy_id": str(t.taxonomie_id) if t.taxonomie_id else None,
    }
    if t.taxonomie_id and "taxonomy_detail" not in (t.hsds_extra or {}):
        velden["taxonomy_detail"] = taxonomie(t.taxonomie)
        velden["taxonomy"] = t.taxonomie.naam
    return _met_extra(t, velden)


def adres(a) -> dict:
    uit = _met_extra(
        a,
        {
            "id": str(a.id),
            "address_1": a.straat,
            "address_2": a.toevoeging,
            "city": a.plaats,
            "postal_code": a.postcode,
            "country": a.land,
            "address_type": a.soort,
        },
    )
    uit.setdefault("state_province", a.provincie or "")
    if a.provincie:
        uit["state_province"] = a.provincie
    uit.setdefault("postal_code", "")
    return uit


def locatie(loc) -> dict:
    if loc.vertrouwelijk:
        gebied = loc.wijk or loc.buurt
        uit = {
            "id": str(loc.id),
            "location_type": "physical",
            "name": "Vertrouwelijke locatie",
            "confidential": True,
        }
        if gebied is not None:
            uit["area"] = {"code": gebied.code, "name": gebied.naam}
        return uit
    gebied = loc.wijk or loc.buurt
    velden = {
        "id": str(loc.id),
        "location_type": loc.soort,
        "name": loc.naam,
        "description": loc.beschrijving,
        "latitude": loc.lat,
        "longitude": loc.lon,
        "addresses": [adres(a) for a in loc.adressen.all()],
        "accessibility": [
            {"id": str(uuid.uuid5(loc.id, t)), "description": t} for t in loc.toegankelijkheid
        ]
        if loc.toegankelijkheid
        else None,
    }
    if gebied is not None:
        velden["area"] = {"code": gebied.code, "name": gebied.naam}
    if not velden["addresses"] and "addresses" not in (loc.hsds_extra or {}):
        del velden["addresses"]
    return _met_extra(loc, velden)


def rooster(r) -> dict:
    velden = {
        "id": str(r.id),
        "valid_from": r.geldig_vanaf.isoformat() if r.geldig_vanaf else None,
        "valid_to": r.geldig_tot.isoformat() if r.geldig_tot else None,
        "opens_at": r.begintijd.isoformat() if r.begintijd else None,
        "closes_at": r.eindtijd.isoformat() if r.eindtijd else None,
        "description": r.toelichting,
    }
    if r.weekdag is not None:
        velden.update(freq="WEEKLY", interval=1, byday=BYDAY[r.weekdag])
        if not r.toelichting:
            dag = Weekdag(r.weekdag).label
            velden["description"] = f"Elke {dag}"
    elif r.datum is not None:
        velden.update(dtstart=r.datum.isoformat(), count=1)
    uitz = [
        schoon(
            {
                "date": u.datum.isoformat(),
                "cancelled": u.vervalt and not (u.nieuwe_datum or u.nieuwe_begintijd),
                "moved_to_date": u.nieuwe_datum.isoformat() if u.nieuwe_datum else None,
                "moved_to_time": u.nieuwe_begintijd.isoformat() if u.nieuwe_begintijd else None,
                "reason": u.reden,
            }
        )
        for u in r.uitzonderingen.all()
    ]
    if uitz:
        velden["exceptions"] = uitz
    return _met_extra(r, velden)


def telefoon(t) -> dict:
    return _met_extra(t, {"id": str(t.id), "number": t.nummer, "description": t.beschrijving})


def contact(c) -> dict:
    return _met_extra(c, {"id": str(c.id), "name": c.naam, "title": c.functie, "email": c.email})


def organisatie(o, *, volledig: bool = False) -> dict:
    velden = {
        "id": str(o.id),
        "name": o.naam,
        "description": o.beschrijving or o.naam,
        "email": o.email,
        "website": o.website,
    }
    if volledig:
        velden["phones"] = [telefoon(t) for t in o.telefoons.all()]
        velden["contacts"] = [contact(c) for c in o.contacten.all()]
        velden["locations"] = [locatie(loc) for loc in o.locaties.all()]
        for k in ("phones", "contacts", "locations"):
            if not velden[k]:
                del velden[k]  # imported lists we do not model stay as they came (hsds_extra)
    uit = _met_extra(o, velden)
    if not volledig:
        for k in (
            "phones",
            "contacts",
            "locations",
            "funding",
            "programs",
            "organization_identifiers",
            "attributes",
            "metadata",
        ):
            uit.pop(k, None)
    return uit


def attribuut_voor_term(dienst, t) -> dict:
    return {
        "id": str(uuid.uuid5(dienst.id, f"attribute:{t.id}")),
        "link_id": str(dienst.id),
        "link_type": "service",
        "link_entity": "service",
        "taxonomy_term_id": str(t.id),
        "taxonomy_term": term(t),
    }


def dienst_op_locatie(dol, *, met_dienst: bool = False) -> dict:
    velden = {
        "id": str(dol.id),
        "service_id": str(dol.dienst_id) if met_dienst else None,
        "location_id": str(dol.locatie_id) if met_dienst else None,
        "description": dol.beschrijving,
        "location": locatie(dol.locatie),
    }
    uit = _met_extra(dol, velden)
    if dol.locatie.vertrouwelijk:
        uit.pop("contacts", None)
        uit.pop("phones", None)
    return uit


def dienst(d, *, volledig: bool = True) -> dict:
    extra = d.hsds_extra or {}
    velden = {
        "id": str(d.id),
        "organization_id": str(d.organisatie_id) if d.organisatie_id else None,
        "name": d.naam,
        "description": d.beschrijving,
        "url": d.url,
        "email": d.email,
        "status": d.status,
        "application_process": d.aanmelden,
        "fees_description": d.kosten_toelichting
        or (f"€ {d.kosten_bedrag}" if d.kosten_bedrag is not None else None),
        "last_modified": _tijdstip(d.gewijzigd_op),
        "layer": d.laag,
        "target_groups": d.doelgroepen or None,
        "cost_category": d.kosten,
        "wmo_type": d.wmo_type,
        "last_checked": d.laatst_gecontroleerd.isoformat() if d.laatst_gecontroleerd else None,
    }
    if d.naam_en or d.beschrijving_en:
        velden["translations"] = {
            "en": schoon({"name": d.naam_en, "description": d.beschrijving_en})
        }
    if d.organisatie_id:
        velden["organization"] = organisatie(d.organisatie, volledig=volledig)
    if volledig:
        velden["phones"] = [telefoon(t) for t in d.telefoons.all()]
        velden["contacts"] = [contact(c) for c in d.contacten.all()]
        velden["schedules"] = [rooster(r) for r in d.roosters.all()]
        velden["service_at_locations"] = [dienst_op_locatie(x) for x in d.op_locaties.all()]
        eigen = [attribuut_voor_term(d, t) for t in d.termen.all()]
        bekend = {a["taxonomy_term_id"] for a in eigen}
        overig = [
            a
            for a in extra.get("attributes", [])
            if (a.get("taxonomy_term_id") or (a.get("taxonomy_term") or {}).get("id")) not in bekend
        ]
        # Imported attributes keep their own ids and fields.
        bestaand = {
            (a.get("taxonomy_term_id") or (a.get("taxonomy_term") or {}).get("id")): a
            for a in extra.get("attributes", [])
        }
        velden["attributes"] = [
            {**bestaand.get(a["taxonomy_term_id"], {}), "taxonomy_term": a["taxonomy_term"]}
            if a["taxonomy_term_id"] in bestaand
            else a
            for a in eigen
        ] + overig
        for k in ("phones", "contacts", "schedules", "service_at_locations", "attributes"):
            if not velden[k] and k not in extra:
                del velden[k]
    uit = _met_extra(d, velden)
    if not volledig:
        for k in (
            "phones",
            "contacts",
            "schedules",
            "service_at_locations",
            "attributes",
            "languages",
            "funding",
            "cost_options",
            "required_documents",
            "metadata",
            "service_areas",
        ):
            uit.pop(k, None)
    return uit
