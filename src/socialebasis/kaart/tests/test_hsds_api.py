"""HSDS 3.0 API: real responses validated against the official compiled schemas."""

import json

import pytest

from socialebasis.kaart.hsds_schema import fouten
from socialebasis.kaart.tests.factories import term

pytestmark = pytest.mark.django_db

PAGINA = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}


def geldig(naam, data):
    assert not fouten(naam, data), fouten(naam, data)


def test_root(client):
    r = client.get("/api/hsds/")
    data = r.json()
    assert r.status_code == 200 and data["version"] == "3.0"
    assert "service" in data["profile_merge_patches"]
    assert r["Access-Control-Allow-Origin"] == "*"


def test_services_pagina_en_schema(client, kaart_utrecht):
    r = client.get("/api/hsds/services", {"per_page": 2})
    data = r.json()
    assert set(data) == PAGINA
    assert data["total_items"] == 3 and data["total_pages"] == 2 and data["size"] == 2
    assert data["first_page"] and not data["last_page"] and not data["empty"]
    for s in data["contents"]:
        geldig("compiled/service_list.json", s)
    namen = {s["name"] for s in data["contents"]}
    assert "Nieuwe taalcafé concept" not in namen
    r2 = client.get("/api/hsds/services", {"per_page": 2, "page": 2}).json()
    assert r2["last_page"] and r2["page_number"] == 2 and r2["size"] == 1


def test_service_volledig_geldig(client, kaart_utrecht):
    data = client.get(f"/api/hsds/services/{kaart_utrecht.inloop.id}").json()
    geldig("compiled/service_with_definitions.json", data)
    assert data["schedules"][0]["byday"] == "TU"
    assert data["schedules"][0]["exceptions"][0]["reason"] == "Kerst"
    sal = data["service_at_locations"][0]["location"]
    assert sal["addresses"][0]["address_1"] == "Boogstraat 1"
    assert data["attributes"][0]["taxonomy_term"]["name"] == "Ontmoeting"
    assert client.get(f"/api/hsds/services/{kaart_utrecht.concept.id}").status_code == 404
    assert client.get("/api/hsds/services/geen-uuid").status_code == 404


def test_filters(client, kaart_utrecht):
    def namen(**params):
        return {s["name"] for s in client.get("/api/hsds/services", params).json()["contents"]}

    assert namen(search="eenzaam") == {"Koffie-inloop De Boog", "Praatgroep vrouwen"}
    assert namen(taxonomy_term_id=str(term("eten").id)) == {"Kookclub Samen Eten"}
    assert len(namen(taxonomy_id=str(term("eten").taxonomie_id))) == 3
    assert len(namen(organization_id=str(kaart_utrecht.org.id))) == 3
    assert namen(modified_after="2999-01-01T00:00:00Z") == set()
    assert len(namen(modified_after="2000-01-01")) == 3
    fout = client.get("/api/hsds/services", {"page": "x"})
    assert fout.status_code == 400


def test_ndjson_gestreamd(client, kaart_utrecht):
    r = client.get("/api/hsds/services", {"format": "ndjson"})
    assert r.streaming and r["Content-Type"] == "application/x-ndjson"
    regels = b"".join(r.streaming_content).decode().splitlines()
    assert len(regels) == 3
    for regel in regels:
        geldig("compiled/service_with_definitions.json", json.loads(regel))


def test_andere_eindpunten_geldig(client, kaart_utrecht):
    orgs = client.get("/api/hsds/organizations").json()
    for o in orgs["contents"]:
        geldig("compiled/organization_list.json", o)
    tax = client.get("/api/hsds/taxonomies").json()
    for t in tax["contents"]:
        geldig("taxonomy.json", t)
    termen = client.get("/api/hsds/taxonomy_terms", {"per_page": 100}).json()
    assert termen["total_items"] == 12
    for t in termen["contents"]:
        geldig("taxonomy_term.json", t)
    sal = client.get("/api/hsds/service_at_locations").json()
    assert sal["total_items"] == 3
    for x in sal["contents"]:
        geldig("compiled/service_at_location_list.json", x)
    o = client.get(f"/api/hsds/organizations/{kaart_utrecht.org.id}").json()
    geldig("compiled/organization_list.json", o)


def test_vertrouwelijke_locatie_lekt_nergens(client, kaart_utrecht):
    urls = [
        "/api/hsds/services?format=ndjson",
        f"/api/hsds/services/{kaart_utrecht.geheim.id}",
        "/api/hsds/service_at_locations",
        f"/api/hsds/organizations/{kaart_utrecht.org.id}",
        "/api/hsds/services?search=praatgroep",
    ]
    for url in urls:
        r = client.get(url)
        tekst = (b"".join(r.streaming_content) if r.streaming else r.content).decode()
        for geheim in ("Verborgenlaan", "3599", "Geheim huis", "52.2", "5.3,"):
            assert geheim not in tekst, (url, geheim)
    loc = client.get(f"/api/hsds/services/{kaart_utrecht.geheim.id}").json()[
        "service_at_locations"
    ][0]["location"]
    assert loc["confidential"] is True and loc["area"]["name"] == "Utrecht-Noord"


def test_profiel_gebied_en_afstand(client, kaart_utrecht, utrecht):
    data = client.get("/api/hsds/services", {"near": utrecht.buurt.code}).json()
    assert data["contents"][-1]["name"] == "Praatgroep vrouwen"  # at the wijk's point: furthest
    data = client.get("/api/hsds/services", {"area": utrecht.buurt.code}).json()
    assert {s["name"] for s in data["contents"]} == {"Koffie-inloop De Boog", "Kookclub Samen Eten"}
    assert client.get("/api/hsds/services", {"area": "BU9999"}).status_code == 400
