"""Free-text search behaves the same on SQLite (FTS5) and PostgreSQL ('dutch' full-text search):
diacritics, word forms, stop words, ranking, prefix while typing, and an index that follows
every write. Each test runs on both databases (make test runs the suite twice)."""

import pytest
from django.urls import reverse

from socialebasis.kaart.models import Dienst
from socialebasis.kaart.services import Zoekvraag, zoeken
from socialebasis.kaart.tests.factories import DienstFactory

pytestmark = pytest.mark.django_db


def namen(tekst):
    return [d.naam for d in zoeken(Zoekvraag(tekst=tekst))]


@pytest.fixture
def aanbod():
    for naam, tekst in [
        ("Aan tafel", "Samen koffie drinken met de buren."),
        ("Zondag koffie", "Elke zondagmiddag een kopje en een praatje."),
        ("Taalcafé Noord", "Oefenen voor wie Oekraïens of Arabisch spreekt."),
        ("Buurtkamer", "Een warme maaltijd in de buurt."),
        ("Fietsles", "Leren fietsen op het plein."),
    ]:
        DienstFactory(naam=naam, beschrijving=tekst)


def test_zonder_accenten_zoeken_vindt_woorden_met_accenten(aanbod):
    assert namen("taalcafe") == ["Taalcafé Noord"]
    assert namen("oekraiens") == ["Taalcafé Noord"]
    assert namen("TAALCAFÉ") == ["Taalcafé Noord"]


def test_andere_woordvorm_en_meerdere_woorden(aanbod):
    # "maaltijden" is not in the text, "maaltijd" is: both databases match the word form
    assert namen("maaltijden buurt") == ["Buurtkamer"]
    # every word must occur, in any order
    assert namen("buurt warme") == ["Buurtkamer"]
    assert namen("warme fietsen") == []


def test_kleine_woorden_zoals_bij_en_de_tellen_niet_mee(aanbod):
    assert namen("koffie bij de buren") == ["Aan tafel"]


def test_woord_in_de_naam_staat_bovenaan(aanbod):
    # alphabetically "Aan tafel" comes first; the ranking puts the name match first
    assert namen("koffie") == ["Zondag koffie", "Aan tafel"]


def test_laatste_woord_als_begin_tijdens_het_typen(aanbod):
    assert namen("koff") == ["Zondag koffie", "Aan tafel"]
    assert namen("fietsl") == ["Fietsles"]


def test_index_volgt_elke_schrijfactie(aanbod):
    d = Dienst.objects.get(naam="Fietsles")
    Dienst.objects.filter(pk=d.pk).update(naam="Yogales", beschrijving="Rustig bewegen.")
    assert namen("yoga") == ["Yogales"]
    assert namen("fietsen") == []
    d.refresh_from_db()
    d.naam = "Stoelyoga"
    d.save()
    assert namen("stoelyoga") == ["Stoelyoga"] and namen("yogales") == []
    Dienst.objects.bulk_create([Dienst(naam="Schaakclub", beschrijving="Schaken met buren.")])
    Dienst.objects.filter(naam="Schaakclub").update(publicatie="gepubliceerd")
    assert namen("schaken") == ["Schaakclub"]
    d.delete()
    assert namen("stoelyoga") == []


def test_thesaurus_werkt_naast_de_tekst(aanbod):
    # "eenzaam" is nowhere in the texts: the thesaurus adds category ontmoeting
    DienstFactory(naam="Wandelclub", beschrijving="Elke week lopen.", termen=["ontmoeting"])
    assert namen("eenzaam") == ["Wandelclub"]
    # a text match ranks above a match through the thesaurus only
    assert namen("koffie")[-1] == "Wandelclub"


def test_api_en_pagina_gebruiken_dezelfde_zoekfunctie(client, aanbod):
    r = client.get("/api/hsds/services", {"search": "taalcafe"})
    assert [s["name"] for s in r.json()["contents"]] == ["Taalcafé Noord"]
    html = client.get(reverse("kaart:zoeken"), {"q": "maaltijden"}).content.decode()
    assert "Buurtkamer" in html and "Fietsles" not in html
