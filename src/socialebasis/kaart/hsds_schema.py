"""The official HSDS 3.0 schemas (copied in hsds/schema, CC BY-SA 4.0 Open Referral)."""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

MAP = Path(__file__).resolve().parent / "hsds" / "schema"


@cache
def _register() -> Registry:
    bronnen = []
    for pad in sorted(MAP.glob("*.json")):
        inhoud = json.loads(pad.read_text())
        bronnen.append((pad.name, Resource.from_contents(inhoud, DRAFT202012)))
    return Registry().with_resources(bronnen)


@cache
def validator(naam: str) -> Draft202012Validator:
    """Validator for e.g. 'compiled/service_with_definitions.json' or 'taxonomy_term.json'."""
    schema = json.loads((MAP / naam).read_text())
    return Draft202012Validator(schema, registry=_register(), format_checker=FormatChecker())


def fouten(naam: str, data) -> list[str]:
    return [
        f"{'/'.join(str(p) for p in e.absolute_path) or '(object)'}: {e.message}"
        for e in validator(naam).iter_errors(data)
    ]
