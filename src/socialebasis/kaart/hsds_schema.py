"""The official HSDS 3.0 schemas (copied in hsds/schema, CC BY-SA 4.0 Open Referral)."""

import json
import re
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


# --- a fast yes/no check for the bulk import ------------------------------------------------
# jsonschema walks a schema generically (≈ 0.3 ms for a typical service); 100,000 services would
# take half a minute just for that. The HSDS schemas only use type, properties, required, items,
# enum, format and $ref, so `geldig` compiles them once into plain Python checks that use
# jsonschema's own type and format checkers (same answers). It only says yes or no: a record it
# rejects goes through `fouten` for the exact messages. A schema with any other keyword is not
# compiled and `geldig` falls back to jsonschema.

ANNOTATIES = {
    "name",
    "title",
    "description",
    "constraints",
    "example",
    "examples",
    "core",
    "path",
    "datapackage_metadata",
    "datapackage_type",
    "tabular_required",
    "order",
    "$schema",
    "$id",
    "$comment",
    "default",
}


# Sufficient, never looser than jsonschema: what fails here is asked of jsonschema itself.
SNELLE_TYPEN = {"string": (str,), "object": (dict,), "array": (list,), "number": (int, float)}
UUID_VORM = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)


class _NietOndersteund(Exception):
    pass


def _compileer(schema, resolver, val: Draft202012Validator, geheugen: dict):
    if schema is True or schema == {}:
        return lambda x: True
    if not isinstance(schema, dict):
        raise _NietOndersteund(repr(schema))
    sleutel = id(schema)
    if sleutel in geheugen:
        return lambda x: geheugen[sleutel](x)  # recursion: resolved when called
    geheugen[sleutel] = None
    checks = []
    for k, v in schema.items():
        if k in ANNOTATIES:
            continue
        if k == "type":
            typen = [v] if isinstance(v, str) else list(v)
            is_type = val.is_type
            snel = tuple({t for s in typen for t in SNELLE_TYPEN.get(s, ())})
            checks.append(
                lambda x, t=typen, snel=snel, is_type=is_type: (
                    (isinstance(x, snel) and not isinstance(x, bool))
                    or any(is_type(x, s) for s in t)
                )
            )
        elif k == "properties":
            props = {naam: _compileer(sub, resolver, val, geheugen) for naam, sub in v.items()}

            def eigenschappen(x, props=props):
                if isinstance(x, dict):
                    for naam, waarde in x.items():
                        f = props.get(naam)
                        if f is not None and not f(waarde):
                            return False
                return True

            checks.append(eigenschappen)
        elif k == "required":
            checks.append(lambda x, r=list(v): not isinstance(x, dict) or all(n in x for n in r))
        elif k == "items":
            f = _compileer(v, resolver, val, geheugen)
            checks.append(lambda x, f=f: not isinstance(x, list) or all(f(i) for i in x))
        elif k == "enum":
            if not all(isinstance(e, str) for e in v):
                raise _NietOndersteund("enum")
            checks.append(lambda x, e=frozenset(v): isinstance(x, str) and x in e)
        elif k == "format":
            checker = val.format_checker
            if v == "uuid":
                checks.append(
                    lambda x, checker=checker: (
                        (isinstance(x, str) and UUID_VORM.fullmatch(x))
                        or checker.conforms(x, "uuid")
                    )
                )
            else:
                checks.append(lambda x, fmt=v, checker=checker: checker.conforms(x, fmt))
        elif k == "$ref":
            gevonden = resolver.lookup(v)
            checks.append(_compileer(gevonden.contents, gevonden.resolver, val, geheugen))
        else:
            raise _NietOndersteund(k)

    if len(checks) == 1:
        check = checks[0]
    else:

        def check(x, checks=checks):
            for c in checks:
                if not c(x):
                    return False
            return True

    geheugen[sleutel] = check
    return check


@cache
def _snel(naam: str):
    val = validator(naam)
    try:
        return _compileer(val.schema, val._resolver, val, {})
    except _NietOndersteund:
        return None


def geldig(naam: str, data) -> bool:
    """True when `data` has no schema errors (the same answer as `not fouten(naam, data)`)."""
    snel = _snel(naam)
    if snel is not None:
        return snel(data)
    return validator(naam).is_valid(data)
