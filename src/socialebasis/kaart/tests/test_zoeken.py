"""Public search at /sociale-kaart: words, thesaurus, filters, distance, map, detail, print."""

import pytest
from django.urls import reverse

from socialebasis.kaart.services import Zoekvraag, thesaurus_termen, zoeken
from socialebasis.kaart.tests.factories import term

pytestmark = pytest.mark.django_db


def namen(qs):
    return [d.naam for d in qs]


def test_taxonomie_en_thesaurus_zijn_gezaaid():
    assert term("ontmoeting").naam == "Ontmoeting"
    assert term("ontmoeting").id in thesaurus_termen("Ik voel me vaak eenzaam")
    assert term("geldzaken").id in thesaurus_termen("hulp bij rekeningen")
    assert term("leren-taal").id in thesaurus_termen("Nederlands leren")
    assert term("opvoeden").id in thesaurus_termen("vragen over mijn kind")


def test_eenzaam_vindt_ontmoeting_via_thesaurus(kaart_utrecht):
    gevonden = namen(zoeken(Zoekvraag(tekst="eenzaam")))
    assert "Koffie-inloop De Boog" in gevonden
    assert "Praatgroep vrouwen" in gevonden
    assert "Kookclub Samen Eten" not in gevonden
    assert "Nieuwe taalcafé concept" not in gevonden  # concept is not public


def test_vrije_tekst_en_filters(kaart_utrecht, utrecht):
    assert namen(zoeken(Zoekvraag(tekst="koken"))) == ["Kookclub Samen Eten"]
    assert namen(zoeken(Zoekvraag(kosten="kleine_bijdrage"))) == ["Kookclub Samen Eten"]
    assert namen(zoeken(Zoekvraag(weekdag=1))) == ["Koffie-inloop De Boog"]
    assert namen(zoeken(Zoekvraag(doelgroep="ouderen"))) == ["Koffie-inloop De Boog"]
    assert set(namen(zoeken(Zoekvraag(toegankelijkheid="rolstoeltoegankelijk")))) == {
        "Koffie-inloop De Boog",
        "Kookclub Samen Eten",
    }
    assert "Praatgroep vrouwen" in namen(zoeken(Zoekvraag(gebied=utrecht.wijk)))
    assert "Praatgroep vrouwen" not in namen(zoeken(Zoekvraag(gebied=utrecht.buurt)))


def test_sorteren_op_afstand_gebruikt_wijkpunt_bij_geheim_adres(kaart_utrecht, utrecht):
    kaart_utrecht.geheim.refresh_from_db()
    assert (kaart_utrecht.geheim.punt_lat, kaart_utrecht.geheim.punt_lon) == (52.10, 5.11)
    volgorde = namen(zoeken(Zoekvraag(vanaf=utrecht.buurt)))
    assert volgorde[-1] == "Praatgroep vrouwen"


def test_zoekpagina_zonder_inloggen(client, kaart_utrecht, utrecht):
    r = client.get(
        reverse("kaart:zoeken"), {"q": "eenzaam", "gebied": utrecht.wijk.code, "dag": "1"}
    )
    assert r.status_code == 200
    html = r.content.decode()
    assert "Koffie-inloop De Boog" in html
    assert "Praatgroep vrouwen" not in html  # no Tuesday schedule
    assert "Volgende keer" in html
    assert "<html" in html


def test_htmx_krijgt_alleen_de_resultaten(client, kaart_utrecht):
    r = client.get(reverse("kaart:zoeken"), {"q": "koken"}, HTTP_HX_REQUEST="true")
    html = r.content.decode()
    assert 'id="resultaten"' in html and "<html" not in html
    assert "Kookclub Samen Eten" in html


def test_geheim_adres_nooit_op_de_pagina(client, kaart_utrecht):
    for url in (
        reverse("kaart:zoeken"),
        reverse("kaart:dienst", args=[kaart_utrecht.geheim.id]),
        reverse("kaart:afdrukken", args=[kaart_utrecht.geheim.id]),
    ):
        html = client.get(url).content.decode()
        assert "Verborgenlaan" not in html and "3599" not in html and "Geheim huis" not in html
    html = client.get(reverse("kaart:dienst", args=[kaart_utrecht.geheim.id])).content.decode()
    assert "Het adres krijgt u als u zich aanmeldt" in html


def test_detail_en_afdrukversie(client, kaart_utrecht):
    r = client.get(reverse("kaart:dienst", args=[kaart_utrecht.inloop.id]))
    html = r.content.decode()
    assert "Volgende keer" in html and "Boogstraat 1" in html and "Laatst gecontroleerd" in html
    assert "gaat het niet door (Kerst)" in html
    r = client.get(reverse("kaart:afdrukken", args=[kaart_utrecht.inloop.id]))
    assert "kaart/afdrukken.css" in r.content.decode()


def test_concept_niet_openbaar(client, kaart_utrecht):
    r = client.get(reverse("kaart:dienst", args=[kaart_utrecht.concept.id]))
    assert r.status_code == 404


def test_kaart_toont_punten(client, kaart_utrecht, utrecht):
    utrecht.wijk.grens = {
        "type": "Polygon",
        "coordinates": [[[5.0, 52.0], [5.4, 52.0], [5.4, 52.3], [5.0, 52.3], [5.0, 52.0]]],
    }
    utrecht.wijk.save()
    html = client.get(reverse("kaart:zoeken")).content.decode()
    assert "<svg" in html and 'aria-label="Koffie-inloop De Boog"' in html


def test_lange_keuzelijst_geeft_dezelfde_html_als_django():
    """The fast select for thousands of wijken/buurten must stay the same for screen readers."""
    import re

    from django import forms

    from socialebasis.kaart.forms import SELECT, LangeKeuzelijst

    keuzes = [
        ("", "Overal"),
        ("Wijken", [("WK1", "Noord & Oost"), ("WK2", 'De "Hoef"')]),
        ("Buurten", [("BU1", "<Lombok>")]),
    ]

    def html(widget):
        uit = widget.render("gebied", "WK2", attrs={"id": "id_gebied"})
        return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", str(uit))).strip()

    snel = html(LangeKeuzelijst(attrs=SELECT, choices=keuzes))
    assert snel == html(forms.Select(attrs=SELECT, choices=keuzes))
    assert '<option value="WK2" selected>De &quot;Hoef&quot;</option>' in snel
    assert "&lt;Lombok&gt;" in snel
