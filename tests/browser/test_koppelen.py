"""Koppelen in Chromium: the coördinator takes a request from the waiting list through a
matching round to an ended match; the volunteer and public pages; axe-clean on every page."""

import datetime

import pytest
from django.utils import timezone

from socialebasis.accounts.models import Rol
from socialebasis.koppelen.tests.factories import (
    AanbodFactory,
    HulpvraagFactory,
    KoppelingFactory,
    VrijwilligerFactory,
)
from tests.browser.conftest import axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WACHTWOORD = "een-lang-wachtwoord-1"


def _inloggen(page, email):
    page.goto("/account/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_label("Wachtwoord").press("Enter")
    page.wait_for_load_state()


def _klik(page, rol, naam):
    page.get_by_role(rol, name=naam).click()
    page.wait_for_load_state()


def test_coordinator_van_wachtlijst_tot_beeindigde_koppeling(page, utrecht):
    org = utrecht.users[Rol.COORDINATOR].organisatie
    v = VrijwilligerFactory(gemeente=utrecht.gemeente, organisatie=org)
    AanbodFactory(vrijwilliger=v)
    hv = HulpvraagFactory(gemeente=utrecht.gemeente, persoon=utrecht.koppelen, organisatie=org)
    naam = utrecht.koppelen.volledige_naam
    fouten = []

    _inloggen(page, utrecht.users[Rol.COORDINATOR].email)
    page.goto("/koppelen/")
    assert page.locator("h1").inner_text() == "Koppelen: wachtlijst"
    fouten += axe_check(page)

    for pad in [
        "/koppelen/vrijwilligers",
        f"/koppelen/vrijwilligers/{v.uuid}",
        "/koppelen/vacatures",
        "/koppelen/zorgsignalen",
        "/koppelen/hulpvragen/nieuw",
    ]:
        assert page.goto(pad).status == 200, pad
        fouten += axe_check(page)
    page.goto("/koppelen/")
    _klik(page, "link", naam)  # from the waiting list
    assert str(hv.uuid) in page.url
    fouten += axe_check(page)

    _klik(page, "link", "Koppelronde voor maaltijden (thuiskok) starten")
    assert page.get_by_text("Gemeenschappelijke dagen: di, do").is_visible()
    fouten += axe_check(page)

    _klik(page, "button", f"Voorstel voor {naam} accepteren")
    assert page.get_by_text("1 voorstel(len) naar de vrijwilligers gestuurd.").is_visible()
    fouten += axe_check(page)

    _klik(page, "link", "Lopende koppelingen")
    fouten += axe_check(page)
    _klik(page, "link", naam)
    assert page.locator("#status").inner_text() == "voorgesteld"
    fouten += axe_check(page)

    _klik(page, "button", "Vrijwilliger zegt ja")
    assert page.locator("#status").inner_text() == "geaccepteerd"
    fouten += axe_check(page)

    wanneer = timezone.localtime() + datetime.timedelta(days=7)
    page.get_by_label("Datum en tijd van de kennismaking").fill(wanneer.strftime("%Y-%m-%dT10:00"))
    _klik(page, "button", "Kennismaking plannen")
    assert page.locator("#status").inner_text() == "kennismaking gepland"
    fouten += axe_check(page)

    page.get_by_label("Startdatum").fill(timezone.localdate().isoformat())
    _klik(page, "button", "Koppeling actief zetten")
    assert page.locator("#status").inner_text() == "actief"
    fouten += axe_check(page)

    page.get_by_label("Hoe gaat het? (evaluatie)").fill("Ze koken samen; beiden tevreden.")
    _klik(page, "button", "Evaluatie vastleggen")
    assert page.locator("#status").inner_text() == "geëvalueerd"
    fouten += axe_check(page)

    page.get_by_label("Reden van beëindigen").select_option("doel_bereikt")
    _klik(page, "button", "Beëindigen")
    assert page.locator("#status").inner_text() == "beëindigd"
    assert page.get_by_text("doel bereikt, hulp niet meer nodig").is_visible()
    fouten += axe_check(page)
    assert not fouten, "\n".join(fouten)


def test_vrijwilliger_inwoner_en_publieke_pagina_zijn_toegankelijk(page, utrecht):
    org = utrecht.users[Rol.COORDINATOR].organisatie
    v = VrijwilligerFactory(
        gemeente=utrecht.gemeente, organisatie=org, account=utrecht.users[Rol.VRIJWILLIGER]
    )
    aanbod = AanbodFactory(vrijwilliger=v)
    hv = HulpvraagFactory(gemeente=utrecht.gemeente, persoon=utrecht.eigen, status="gekoppeld")
    k = KoppelingFactory(hulpvraag=hv, aanbod=aanbod, status="voorgesteld")
    fouten = []

    page.goto("/word-vrijwilliger")
    fouten += axe_check(page)
    page.get_by_label("Gemeente").select_option(label="Utrecht")
    page.get_by_label("Voornaam").fill("Sanne")
    page.get_by_label("E-mailadres").fill("sanne@example.org")
    page.get_by_label("Postcode").fill("3511 AB")
    page.get_by_label("Klussen").check()
    page.get_by_label("zaterdag").check()
    page.get_by_label("Ik geef toestemming").check()
    _klik(page, "button", "Aanmelden")
    assert page.locator("h1").inner_text() == "Bedankt voor uw aanmelding!"
    fouten += axe_check(page)

    _inloggen(page, utrecht.users[Rol.VRIJWILLIGER].email)
    page.goto("/koppelen/vrijwilliger/aanbod")
    fouten += axe_check(page)
    page.goto("/koppelen/vrijwilliger")
    fouten += axe_check(page)
    _klik(page, "link", f"Ja of nee zeggen tegen het voorstel voor {utrecht.eigen.voornaam}")
    assert page.locator("#adres").count() == 0
    fouten += axe_check(page)
    _klik(page, "button", "Ja, graag")
    assert page.locator("#adres").is_visible()
    page.get_by_label("Wat valt u op?").fill("Mevrouw lijkt erg moe.")
    _klik(page, "button", "Zorgsignaal versturen")
    assert page.get_by_text("Uw signaal is ontvangen.").is_visible()
    fouten += axe_check(page)

    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()
    _inloggen(page, utrecht.users[Rol.INWONER].email)
    page.goto("/koppelen/mijn")
    assert page.get_by_text(v.persoon.voornaam).is_visible()
    fouten += axe_check(page)
    k.refresh_from_db()
    assert k.status == "geaccepteerd"
    assert not fouten, "\n".join(fouten)


def test_inwoner_vraagt_zelf_een_vrijwilliger_aan(page, utrecht):
    """The resident's own request: large B1 form, consent in the same form, by keyboard."""
    fouten = []
    _inloggen(page, utrecht.users[Rol.INWONER].email)
    page.goto("/koppelen/mijn")
    fouten += axe_check(page)
    _klik(page, "link", "Vraag zelf een vrijwilliger aan")
    assert page.locator("h1").inner_text() == "Een vrijwilliger aanvragen"
    fouten += axe_check(page)
    page.get_by_label("Boodschappen").check()
    page.get_by_label("één keer per week").check()
    page.get_by_label("dinsdag").check()
    page.get_by_label("Heeft u een allergie?").fill("noten")
    page.get_by_label("Graag brengen").check()
    _klik(page, "button", "Vraag versturen")
    # forgot the consent: the error names it, nothing is sent
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_text("Zonder uw toestemming kan de coördinator").first.is_visible()
    fouten += axe_check(page)
    page.get_by_label("Ja, ik geef toestemming").focus()
    page.keyboard.press("Space")
    assert page.get_by_label("Ja, ik geef toestemming").is_checked()
    page.get_by_role("button", name="Vraag versturen").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("Uw vraag is verstuurd.").is_visible()
    assert page.get_by_role("button", name="Vraag intrekken voor boodschappen").is_visible()
    fouten += axe_check(page)

    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()
    _inloggen(page, utrecht.users[Rol.COORDINATOR].email)
    page.goto("/koppelen/")
    rij = page.get_by_role("row").filter(has_text=utrecht.eigen.volledige_naam)
    assert "inwoner zelf" in rij.inner_text()
    page.goto("/koppelen/ronde")
    fouten += axe_check(page)
    assert not fouten, "\n".join(fouten)
