"""The demo as a new user meets it: each demo account logs in and every page reachable from its
start page (one click deep) passes axe-core with no serious or critical violations."""

from urllib.parse import urlsplit

import pytest

from socialebasis.accounts.models import Rol
from socialebasis.demo import services as demo
from tests.browser.conftest import axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
OVERSLAAN = ("/account/uitloggen", "/taal", "/technisch-beheer", "/static/")
MAX_PAGINAS = 12


@pytest.fixture
def demo_geladen():
    demo.laden(aantal=120, seed=3)


def _interne_links(page, base):
    hrefs = page.eval_on_selector_all(
        "main a[href]",
        "els => els.map(e => new URL(e.getAttribute('href'), document.baseURI).href)",
    )
    paden = []
    for href in hrefs:
        deel = urlsplit(href)
        if deel.netloc != urlsplit(base).netloc or deel.path.startswith(OVERSLAAN):
            continue
        if deel.path.endswith((".json", ".pdf", ".csv")):
            continue
        pad = deel.path + (f"?{deel.query}" if deel.query else "")
        if pad not in paden:
            paden.append(pad)
    return paden


@pytest.mark.parametrize("rol", list(Rol))
def test_demo_account_en_alle_bereikbare_paginas(page, live_server, demo_geladen, rol):
    page.goto("/account/inloggen")
    page.get_by_label("E-mailadres").fill(f"{rol.value}@{demo.DEMO_DOMEIN}")
    page.get_by_label("Wachtwoord").fill(demo.DEMO_WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    assert "/account/inloggen" not in page.url, "demo account kon niet inloggen"
    fouten = axe_check(page)
    for pad in _interne_links(page, live_server.url)[:MAX_PAGINAS]:
        response = page.goto(pad)
        assert response.status < 400, f"{pad} gaf {response.status}"
        assert page.locator("h1").count() == 1, pad
        fouten += axe_check(page)
    assert not fouten, "\n".join(fouten)


def test_demo_openbaar_zonder_inloggen(page, live_server, demo_geladen):
    fouten = []
    for start in ("/", "/gebieden/GM0344", "/gebieden/WK034402"):
        page.goto(start)
        fouten += axe_check(page)
        for pad in _interne_links(page, live_server.url)[:MAX_PAGINAS]:
            response = page.goto(pad)
            assert response.status < 400, f"{pad} gaf {response.status}"
            fouten += axe_check(page)
    assert not fouten, "\n".join(fouten)
