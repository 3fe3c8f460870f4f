"""Compliance with the Dutch API Design Rules (Logius, ADR 2.x). Test names carry the rule id."""

import json

import pytest
from drf_spectacular.validation import validate_schema

from socialebasis.accounts.models import Rol

pytestmark = pytest.mark.django_db


def test_core_uri_version_major_version_in_path(client):
    assert client.get("/api/v1/gebieden").status_code == 200
    assert client.get("/api/v2/gebieden").status_code == 404


def test_core_version_header_on_every_response(client, api, utrecht):
    for response in (
        client.get("/api/v1/gebieden"),
        client.get("/api/v1/openapi.json"),
        client.get("/api/v1/bestaat-niet"),
        api.get("/api/v1/personen"),  # 401
    ):
        assert response["API-Version"] == "1.0.0"


def test_core_no_trailing_slash_gives_404_not_redirect(client):
    response = client.get("/api/v1/gebieden/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "/" in response.json()["detail"]


def test_core_publish_openapi_without_login_and_valid(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)  # raises on an invalid OpenAPI 3 document
    assert schema["info"]["version"] == "1.0.0"
    assert "/api/v1/gebieden" in schema["paths"]
    assert not [p for p in schema["paths"] if p.endswith("/")], "no trailing slashes in paths"


def test_core_naming_collections_plural_kebab_case(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in paths:
        for segment in path.strip("/").split("/"):
            if segment.startswith("{"):
                continue
            assert segment == segment.lower() and "_" not in segment, path


def test_core_naming_camelcase_json_keys(client, utrecht):
    body = client.get(f"/api/v1/gebieden/{utrecht.gemeente.code}").json()
    keys = set(body)
    assert "kerncijfers" in keys
    schema = client.get("/api/v1/openapi.json").json()
    props = schema["components"]["schemas"]["Kerncijfers"]["properties"]
    assert "leeftijd65Plus" in props and "eenpersoonshuishoudens" in props
    assert not [k for k in props if "_" in k]


def test_core_error_handling_problem_details(api, utrecht):
    # 401
    r = api.get("/api/v1/personen")
    assert r.status_code == 401
    assert r["Content-Type"] == "application/problem+json"
    body = r.json()
    assert {"type", "title", "status", "detail"} <= set(body) and body["status"] == 401
    # 400 with field details, in Dutch
    api.force_authenticate(utrecht.users[Rol.PROFESSIONAL])
    r = api.post("/api/v1/personen", {"voornaam": "", "postcode": "12"}, format="json")
    assert r.status_code == 400 and r["Content-Type"] == "application/problem+json"
    namen = {p["name"] for p in r.json()["invalidParams"]}
    assert "voornaam" in namen
    # 404 on an unknown resource and 405 on a wrong method
    r = api.get("/api/v1/personen/00000000-0000-0000-0000-000000000000")
    assert r.status_code == 404 and r.json()["title"] == "Niet gevonden"
    r = api.delete(f"/api/v1/personen/{utrecht.in_team.uuid}")
    assert r.status_code == 405 and r["Content-Type"] == "application/problem+json"


def test_core_error_handling_validation_error_from_model_is_problem(api, utrecht):
    api.force_authenticate(utrecht.users[Rol.PROFESSIONAL])
    r = api.post("/api/v1/personen", {"voornaam": "Ans", "postcode": "0000 AA"}, format="json")
    assert r.status_code == 400
    params = r.json()["invalidParams"]
    assert params[0]["name"] == "postcode"
    assert "postcode" in params[0]["reason"].lower()


def test_core_camelcase_query_parameters(client, utrecht):
    r = client.get("/api/v1/gebieden", {"gemeente": "GM0344", "niveau": "buurt", "pageSize": 1})
    assert r.status_code == 200
    body = r.json()
    assert body["count"] == 1 and len(body["results"]) == 1
    assert body["results"][0]["code"] == utrecht.buurt.code


def test_security_headers(client):
    r = client.get("/api/v1/gebieden")
    assert r["X-Content-Type-Options"] == "nosniff"
    assert r["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in r["Content-Security-Policy"]


def test_core_no_sensitive_data_in_uri_persons_by_uuid(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    persoon_paths = [p for p in paths if p.startswith("/api/v1/personen/")]
    assert persoon_paths and all("{id}" in p for p in persoon_paths)
    assert not [p for p in paths if "bsn" in p.lower()]


def test_token_authentication_with_token_and_bearer(api, utrecht):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=utrecht.users[Rol.PROFESSIONAL])
    for scheme in ("Token", "Bearer"):
        r = api.get("/api/v1/personen", HTTP_AUTHORIZATION=f"{scheme} {token.key}")
        assert r.status_code == 200
    r = api.get("/api/v1/personen", HTTP_AUTHORIZATION="Bearer onzin")
    assert r.status_code == 401 and r.json()["detail"].startswith("Het token")


def test_pagination(client, utrecht, amsterdam):
    r = client.get("/api/v1/gebieden", {"pageSize": 2})
    body = r.json()
    assert body["count"] == 6 and len(body["results"]) == 2 and body["next"]
    assert json.loads(client.get(body["next"]).content)["previous"]
