"""Playwright driving Debian's Chromium (never a downloaded browser), with axe-core from npm."""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SB_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium niet gevonden op {CHROMIUM}: draai 'make chromium' of zet SB_CHROMIUM."
        )
    if not AXE.exists():
        pytest.fail("axe-core ontbreekt: draai 'make frontend'.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    # bypass_csp only so the test can inject axe-core; the pages themselves keep their CSP.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="nl-NL")
    context.set_default_timeout(15_000)
    pg = context.new_page()
    yield pg
    context.close()


def axe_check(page) -> list[str]:
    """Run axe-core (WCAG 2.1 A/AA) and return serious or critical violations, readable."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"""
    )
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(
            n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
            for n in v["nodes"][:3]
        )
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
