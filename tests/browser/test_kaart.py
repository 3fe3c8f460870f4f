"""A new user searches the public sociale kaart in Chromium; every page passes axe-core."""

import re

import pytest
from django.apps import apps

from socialebasis.kaart.taxonomie import zaaien
from socialebasis.kaart.tests.conftest import kaartwereld
from tests.browser.conftest import axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_zoeken_filteren_openen_afdrukken(page, utrecht):
    zaaien(apps)  # transactional tests start without the seeded taxonomy
    utrecht.wijk.grens = {
        "type": "Polygon",
        "coordinates": [[[5.0, 52.0], [5.4, 52.0], [5.4, 52.3], [5.0, 52.3], [5.0, 52.0]]],
    }
    utrecht.wijk.save()
    kaartwereld(utrecht)

    page.goto("/sociale-kaart")
    assert axe_check(page) == []
    page.get_by_label("Waar zoekt u hulp of een activiteit voor?").fill("eenzaam")
    page.get_by_label("Wijk of buurt").select_option(label="Utrecht-Noord")
    page.get_by_label("Op welke dag").select_option(label="dinsdag")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url(re.compile(r"dag=1"))
    resultaten = page.locator("#resultaten .kaart-lijst")
    resultaten.get_by_role("link", name="Koffie-inloop De Boog").wait_for()
    assert "Kookclub" not in resultaten.inner_text()
    assert "Praatgroep vrouwen" not in resultaten.inner_text()  # no Tuesday
    assert axe_check(page) == []

    resultaten.get_by_role("link", name="Koffie-inloop De Boog").click()
    page.get_by_role("heading", level=1, name="Koffie-inloop De Boog").wait_for()
    assert "Volgende keer" in page.locator("main").inner_text()
    assert axe_check(page) == []

    page.get_by_role("link", name="Afdrukken").click()
    page.wait_for_url(re.compile(r"/afdrukken$"))
    page.emulate_media(media="print")
    assert not page.locator("header").first.is_visible()
    assert "Boogstraat 1" in page.locator("main").inner_text()
    page.emulate_media(media="screen")
    assert axe_check(page) == []


def test_werkt_zonder_javascript(browser, live_server, utrecht):
    zaaien(apps)
    kaartwereld(utrecht)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    pg = context.new_page()
    pg.goto("/sociale-kaart")
    pg.get_by_label("Waar zoekt u hulp of een activiteit voor?").fill("koken")
    pg.get_by_role("button", name="Zoeken").click()
    pg.wait_for_url(re.compile(r"q=koken"))
    assert "Kookclub Samen Eten" in pg.locator("#resultaten").inner_text()
    context.close()


def _inloggen(page, email):
    page.goto("/account/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord-1")
    page.get_by_label("Wachtwoord").press("Enter")
    page.wait_for_load_state()


def test_beheerpaginas_toegankelijk(page, utrecht):
    from socialebasis.accounts.models import Rol

    zaaien(apps)
    w = kaartwereld(utrecht)
    _inloggen(page, utrecht.users[Rol.AANBIEDER].email)
    for url in (
        "/sociale-kaart/beheer",
        "/sociale-kaart/beheer/nieuw",
        f"/sociale-kaart/beheer/{w.kookclub.id}",
    ):
        page.goto(url)
        assert axe_check(page) == [], url
    page.goto(f"/sociale-kaart/beheer/{w.kookclub.id}")
    page.get_by_label("Naam van de activiteit").fill("Kookclub Smullen")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De wijzigingen zijn opgeslagen.").wait_for()
    assert axe_check(page) == []
    page.context.clear_cookies()
    _inloggen(page, utrecht.users[Rol.COORDINATOR].email)
    page.goto("/sociale-kaart/beoordelen")
    assert axe_check(page) == []
    page.get_by_role("button", name="Nieuwe taalcafé concept publiceren").click()
    page.get_by_text("Gepubliceerd").first.wait_for()


def test_thesaurus_toegankelijk(page, utrecht):
    from socialebasis.accounts.models import Rol
    from socialebasis.kaart.taxonomie import term_id

    zaaien(apps)
    beheerder = utrecht.users[Rol.BEHEERDER]
    _inloggen(page, beheerder.email)
    page.goto("/sociale-kaart/thesaurus")  # a gemeente's beheerder: own words, the rest read-only
    page.get_by_role("heading", name="Zoekwoorden van uw gemeente").wait_for()
    assert axe_check(page) == []
    beheerder.is_superuser = True  # the platform's beheerder changes the categories
    beheerder.save()
    for url in ("/sociale-kaart/thesaurus", f"/sociale-kaart/categorieen/{term_id('vervoer')}"):
        page.goto(url)
        page.get_by_role("button", name="Opslaan").wait_for()
        assert axe_check(page) == [], url


def test_postcode_en_locatie_toevoegen(page, utrecht):
    from socialebasis.accounts.models import Rol

    zaaien(apps)
    w = kaartwereld(utrecht)
    utrecht.buurt.postcode_meest = "3561"
    utrecht.buurt.save()

    page.goto("/sociale-kaart")
    postcode = page.get_by_label("Of dichtbij uw postcode")
    postcode.fill("12")
    postcode.press("Tab")  # htmx: 'change' asks the server; the message appears at the field
    page.locator("#id_postcode_fout").wait_for()
    assert "vier cijfers" in page.locator("#id_postcode_fout").inner_text()
    assert axe_check(page) == []
    page.get_by_label("Of dichtbij uw postcode").fill("3561 AB")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_text("Wat het dichtst bij postcode 3561 ligt").wait_for()
    assert page.locator("#id_postcode_fout").count() == 0
    assert axe_check(page) == []

    _inloggen(page, utrecht.users[Rol.AANBIEDER].email)
    page.goto(f"/sociale-kaart/beheer/{w.kookclub.id}")
    page.get_by_role("link", name="Nieuwe locatie toevoegen").click()
    page.get_by_role("heading", level=1, name="Nieuwe locatie").wait_for()
    assert axe_check(page) == []
    page.get_by_label("Naam van de plek").fill("Wijkcentrum Noord")
    page.get_by_label("Straat en huisnummer").fill("Noorderlaan 5")
    page.get_by_label(re.compile(r"^Postcode")).fill("3561ab")
    page.get_by_label("Plaats", exact=True).fill("Utrecht")
    page.get_by_label("rolstoeltoegankelijk").check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De locatie is opgeslagen.").wait_for()
    assert page.url.endswith(f"/sociale-kaart/beheer/{w.kookclub.id}")
    page.get_by_label(re.compile(r"^Waar")).select_option(label="Wijkcentrum Noord")
    page.get_by_role("button", name="Opslaan").first.click()
    page.get_by_text("De wijzigingen zijn opgeslagen.").wait_for()
    page.get_by_role("link", name="Adres van Wijkcentrum Noord aanpassen").click()
    assert "Utrecht-Noord Oost" in page.locator("main").inner_text()  # buurt from the postcode
    assert axe_check(page) == []
