"""Each demo role logs in with the keyboard in Chromium; every page it visits passes axe-core."""

import pytest

from socialebasis.accounts.models import Rol
from tests.browser.conftest import axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WACHTWOORD = "een-lang-wachtwoord-1"

PAGINAS = {
    Rol.INWONER: ["/mijn", "/mijn/verwerkingen", "/netwerk/mijn-plan"],
    Rol.VRIJWILLIGER: ["/vrijwilliger"],
    Rol.PROFESSIONAL: ["/professional", "/personen/nieuw"],
    Rol.COORDINATOR: ["/coordinator"],
    Rol.AANBIEDER: ["/aanbieder"],
    Rol.BELEIDSMEDEWERKER: ["/beleid"],
    Rol.BEHEERDER: [
        "/beheer",
        "/beheer/logboek",
        "/beheer/gebruikers/nieuw",
        "/beheer/teams/nieuw",
        "/netwerk/instellingen",
    ],
}
LANDING = {
    Rol.INWONER: "/mijn",
    Rol.VRIJWILLIGER: "/koppelen/vrijwilliger",
    Rol.PROFESSIONAL: "/professional",
    Rol.COORDINATOR: "/koppelen/",
    Rol.AANBIEDER: "/aanbieder",
    Rol.BELEIDSMEDEWERKER: "/beleid",
    Rol.BEHEERDER: "/beheer",
}


def _inloggen(page, email):
    page.goto("/account/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_label("Wachtwoord").press("Enter")  # by keyboard
    page.wait_for_load_state()


def test_openbare_paginas_zijn_toegankelijk(page, utrecht):
    fouten = []
    for pad in [
        "/",
        "/gebieden",
        f"/gebieden/{utrecht.gemeente.code}",
        f"/gebieden/{utrecht.buurt.code}",
        "/verwerkingsactiviteiten",
        "/account/inloggen",
        "/bestaat-niet",
    ]:
        page.goto(pad)
        assert page.locator("html").get_attribute("lang") == "nl"
        assert page.locator("h1").count() == 1, pad
        fouten += axe_check(page)
    assert not fouten, "\n".join(fouten)


def test_skiplink_is_eerste_tabstop_en_springt_naar_inhoud(page, utrecht):
    page.goto("/")
    page.keyboard.press("Tab")
    focus = page.evaluate("document.activeElement.textContent.trim()")
    assert focus == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


def test_taalkeuze_engels(page, utrecht):
    page.goto("/")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("button", name="Nederlands").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "nl"


@pytest.mark.parametrize("rol", list(Rol))
def test_elke_rol_logt_in_en_elke_pagina_is_toegankelijk(page, utrecht, rol):
    _inloggen(page, utrecht.users[rol].email)
    assert page.url.endswith(LANDING[rol]), page.url
    fouten = axe_check(page)
    for pad in PAGINAS[rol]:
        response = page.goto(pad)
        assert response.status == 200, pad
        fouten += axe_check(page)
    if rol in (Rol.PROFESSIONAL, Rol.COORDINATOR):
        page.goto(PAGINAS[rol][0])
        page.get_by_role(
            "link",
            exact=True,
            name=utrecht.in_team.volledige_naam
            if rol == Rol.PROFESSIONAL
            else utrecht.koppelen.volledige_naam,
        ).click()
        page.wait_for_load_state()
        assert (
            page.locator("h1")
            .inner_text()
            .startswith("Teamlid" if rol == Rol.PROFESSIONAL else "Koppel")
        )
        fouten += axe_check(page)
    assert not fouten, "\n".join(fouten)
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Inloggen").count() >= 1


def test_professional_voegt_inwoner_toe_met_foutmelding(page, utrecht):
    _inloggen(page, utrecht.users[Rol.PROFESSIONAL].email)
    page.goto("/personen/nieuw")
    page.get_by_label("Voornaam").fill("Ans")
    page.get_by_label("Postcode").fill("12")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    assert "geen geldige Nederlandse postcode" in page.content()
    assert not axe_check(page)
    page.get_by_label("Postcode").fill("3511 ab")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Ans"
    assert "3511 AB" in page.content()
