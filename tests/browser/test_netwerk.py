"""A professional works on a resident's network in Chromium; every page passes axe-core."""

import pytest

from socialebasis.accounts.models import Rol
from socialebasis.netwerk.models import Netwerklid, Planactie, Vragenlijst
from tests.browser.conftest import axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WACHTWOORD = "een-lang-wachtwoord-1"


def _inloggen(page, email):
    page.goto("/account/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_label("Wachtwoord").press("Enter")
    page.wait_for_load_state()


def test_professional_netwerk_vragenlijst_en_plan(page, utrecht):
    fouten = []
    persoon = utrecht.in_team
    _inloggen(page, utrecht.users[Rol.PROFESSIONAL].email)
    page.goto(f"/netwerk/{persoon.uuid}")
    assert page.locator("h1").count() == 1
    fouten += axe_check(page)

    # Two members; with htmx the block is replaced in place (no full page load).
    page.evaluate("window.nwGeenHerlaad = true")
    for naam, groep, steun in [
        ("Zus Ans", "familie", "E: emotionele"),
        ("Buurman Piet", "buren", "P: praktische"),
    ]:  # noqa: E501
        page.get_by_label("Naam of bijnaam").fill(naam)
        page.get_by_label("Groep", exact=True).select_option(groep)
        page.get_by_role("group", name="Wat geeft deze persoon aan de inwoner?").get_by_label(
            steun, exact=False
        ).check()
        page.get_by_role("button", name="Toevoegen").click()
        page.get_by_role("status").get_by_text(f"{naam} staat nu in het netwerk.").wait_for()
    # the cursor is back in the name field, ready for the next person
    page.wait_for_function("document.activeElement && document.activeElement.id === 'id_lid-naam'")
    assert page.locator("#netwerk-blok svg").first.is_visible()
    assert page.get_by_role("rowheader", name="Zus Ans").is_visible()
    assert Netwerklid.objects.filter(persoon=persoon).count() == 2
    fouten += axe_check(page)

    # Remove one in place (htmx asks for confirmation with the browser's dialog).
    page.once("dialog", lambda dialoog: dialoog.accept())
    page.get_by_role("link", name="Verwijderen Buurman Piet").click()
    page.get_by_role("status").get_by_text(
        "Buurman Piet staat niet meer in het netwerk."
    ).wait_for()
    assert Netwerklid.objects.filter(persoon=persoon).count() == 1
    assert page.evaluate("window.nwGeenHerlaad") is True, "htmx updated the page in place"

    page.get_by_role("button", name="Momentopname maken").click()
    page.wait_for_load_state()
    fouten += axe_check(page)

    # DJG-11, filled in with the resident.
    page.get_by_role("link", name="Vragenlijsten").click()
    page.wait_for_load_state()
    fouten += axe_check(page)
    page.get_by_role(
        "link", name="De Jong Gierveld eenzaamheidsschaal (11 vragen) invullen"
    ).click()
    page.wait_for_load_state()
    fouten += axe_check(page)
    vragen = page.locator("fieldset")
    assert vragen.count() == 11
    for i in range(11):
        vragen.nth(i).get_by_label("ja", exact=True).check()
    page.get_by_role("button", name="Opslaan en score zien").click()
    page.wait_for_load_state()
    assert "Score 6 van 11: matig eenzaam." in page.content()
    assert Vragenlijst.objects.get(persoon=persoon).totaal == 6
    fouten += axe_check(page)

    # The plan: a goal and an action by someone from the network.
    page.get_by_role("link", name="Netwerkplan").click()
    page.wait_for_load_state()
    fouten += axe_check(page)
    page.get_by_label("Wat wil de inwoner?").fill("Ik wil weer naar de markt.")
    page.get_by_role("button", name="Doel toevoegen").click()
    page.wait_for_load_state()
    page.get_by_label("Wat gaat er gebeuren").fill("Samen naar de markt op zaterdag")
    page.get_by_label("Wie doet het").select_option("netwerklid")
    page.get_by_label("Welk netwerklid").select_option(label="Zus Ans")
    page.get_by_label("Bij doel").select_option(label="Ik wil weer naar de markt.")
    page.get_by_role("button", name="Actie toevoegen").click()
    page.wait_for_load_state()
    assert page.get_by_role("rowheader", name="Samen naar de markt op zaterdag").is_visible()
    assert Planactie.objects.get().netwerklid.naam == "Zus Ans"
    fouten += axe_check(page)

    # Print: the PDF link answers with a PDF for this logged-in professional.
    href = page.get_by_role("link", name="Plan afdrukken (PDF)").get_attribute("href")
    pdf = page.request.get(href)
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    assert not fouten, "\n".join(fouten)


def test_inwoner_ziet_eigen_plan(page, utrecht):
    from socialebasis.netwerk import services

    services.doel_toevoegen(
        utrecht.users[Rol.PROFESSIONAL], utrecht.eigen, "Ik wil een maatje om mee te wandelen."
    )
    _inloggen(page, utrecht.users[Rol.INWONER].email)
    page.goto("/netwerk/mijn-plan")
    assert page.get_by_text("Ik wil een maatje om mee te wandelen.").is_visible()
    fouten = axe_check(page)
    page.get_by_role("link", name="Lubben Social Network Scale (LSNS-6) invullen").click()
    page.wait_for_load_state()
    fouten += axe_check(page)
    assert not fouten, "\n".join(fouten)


def test_professional_voegt_een_voorziening_uit_de_sociale_kaart_toe(page, utrecht):
    """Search with htmx on the network page, choose, and see the service on the map."""
    from socialebasis.kaart.tests.factories import DienstFactory
    from socialebasis.toeleiding.models import Voorzieninggebruik

    DienstFactory(
        gemeente=utrecht.gemeente,
        naam="Koffie-inloop De Boog",
        beschrijving="Elke dinsdag koffie en een praatje.",
        laag="gemeenschappelijk",
    )
    persoon = utrecht.in_team
    _inloggen(page, utrecht.users[Rol.PROFESSIONAL].email)
    page.goto(f"/netwerk/{persoon.uuid}")
    page.evaluate("window.nwGeenHerlaad = true")
    page.get_by_label("Zoek een voorziening in de sociale kaart").fill("koffie")
    page.get_by_role("button", name="Zoeken").click()
    keuze = page.get_by_label("Koffie-inloop De Boog")
    keuze.wait_for()
    assert page.evaluate("window.nwGeenHerlaad") is True, "the results came in place (htmx)"
    fouten = axe_check(page)
    keuze.check()
    page.get_by_label("is erheen verwezen, maar gaat er nog niet heen").check()
    page.get_by_role("button", name="Toevoegen").last.click()
    page.wait_for_load_state()
    page.get_by_text("Koffie-inloop De Boog staat nu bij de voorzieningen").wait_for()
    assert page.get_by_role("rowheader", name="Koffie-inloop De Boog (verwezen)").is_visible()
    assert page.locator("#netwerk-blok svg .laag-dienst").count() == 1
    assert Voorzieninggebruik.objects.get(persoon=persoon).status == "verwezen"
    fouten += axe_check(page)
    page.get_by_role("button", name="Gaat er nu heen (Koffie-inloop De Boog)").click()
    page.wait_for_load_state()
    assert Voorzieninggebruik.objects.get(persoon=persoon).status == "in_gebruik"
    assert not fouten, "\n".join(fouten)


def test_voorziening_toevoegen_zonder_javascript(browser, live_server, utrecht):
    from socialebasis.kaart.tests.factories import DienstFactory

    DienstFactory(gemeente=utrecht.gemeente, naam="Taalcafé Noord", beschrijving="Taal oefenen.")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        _inloggen(page, utrecht.users[Rol.INWONER].email)
        page.goto("/netwerk/mijn-plan")
        page.get_by_label("Zoek een voorziening in de sociale kaart").fill("taal")
        page.get_by_role("button", name="Zoeken").click()
        page.wait_for_load_state()
        assert "/voorzieningen/" in page.url  # its own page without JavaScript
        page.get_by_label("Taalcafé Noord").check()
        page.get_by_role("button", name="Toevoegen").click()
        page.wait_for_load_state()
        assert page.url.endswith("/netwerk/mijn-plan#voorzieningen")
        # in the table of the map and in the list of services
        assert page.get_by_role("rowheader", name="Taalcafé Noord").count() == 2
    finally:
        context.close()


def test_professional_wijzigt_netwerkberaad_en_zet_actie_op_gedaan(page, utrecht):
    """Change a netwerkberaad by keyboard, mark an action done with one key press (htmx, in
    place), and remove a review after the question. Every page passes axe-core."""
    import datetime

    from socialebasis.netwerk.models import Evaluatie, Netwerkberaad, Netwerkplan, Plandoel

    persoon = utrecht.in_team
    plan = Netwerkplan.objects.create(persoon=persoon)
    doel = Plandoel.objects.create(plan=plan, tekst="Ik wil weer naar de markt.")
    actie = Planactie.objects.create(
        plan=plan, doel=doel, omschrijving="Samen naar de markt", eigenaar="inwoner"
    )
    beraad = Netwerkberaad.objects.create(
        plan=plan, datum=datetime.date(2026, 10, 1), afspraken=[{"naam": "Ans", "doet": "belt"}]
    )
    Evaluatie.objects.create(plan=plan, datum=datetime.date(2027, 1, 15))
    fouten = []
    _inloggen(page, utrecht.users[Rol.PROFESSIONAL].email)
    page.goto(f"/netwerk/{persoon.uuid}/plan")

    # The netwerkberaad: open it from the plan with the keyboard and change it.
    page.get_by_role("link", name="Wijzigen netwerkberaad van 1 oktober 2026").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Netwerkberaad wijzigen"
    fouten += axe_check(page)
    afspraken = page.get_by_label("Wie waren er en wat gaat ieder doen?")
    assert afspraken.input_value() == "Ans: belt"
    afspraken.focus()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Ans: belt elke zondag\nBuurman Piet: gaat mee naar de markt")
    page.get_by_label("Wat is er verder besproken?").fill("Piet heeft een auto.")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    page.get_by_role("status").get_by_text("Het netwerkberaad is opgeslagen.").wait_for()
    assert page.get_by_text("gaat mee naar de markt").is_visible()
    beraad.refresh_from_db()
    assert beraad.afspraken[1] == {"naam": "Buurman Piet", "doet": "gaat mee naar de markt"}
    assert beraad.verslag == "Piet heeft een auto."
    fouten += axe_check(page)

    # The action: one key press on "Gedaan"; htmx updates the plan in place.
    page.evaluate("window.nwGeenHerlaad = true")
    gedaan = page.get_by_role("button", name="Gedaan Samen naar de markt")
    gedaan.focus()
    page.keyboard.press("Enter")
    page.locator("#plan-status").get_by_text("Samen naar de markt: klaar.").wait_for()
    assert page.evaluate("window.nwGeenHerlaad") is True, "htmx updated the plan in place"
    assert page.get_by_role("button", name="Toch nog niet klaar Samen naar de markt").is_visible()
    # the keyboard focus stays on the button that was pressed
    assert page.evaluate("document.activeElement.id") == f"status-{actie.pk}"
    actie.refresh_from_db()
    assert actie.status == "klaar"
    fouten += axe_check(page)

    # The other edit pages pass axe too.
    page.get_by_role("link", name="Wijzigen Samen naar de markt").click()
    page.wait_for_load_state()
    fouten += axe_check(page)
    page.get_by_role("link", name="Terug naar het plan").click()
    page.get_by_role("link", name="Wijzigen doel 1").click()
    page.wait_for_load_state()
    fouten += axe_check(page)
    page.get_by_role("link", name="Terug naar het plan").click()
    page.get_by_role("link", name="Wijzigen terugkijken van 15 januari 2027").click()
    page.wait_for_load_state()
    fouten += axe_check(page)

    # Removing asks first, on its own page.
    page.get_by_role("link", name="Uit het plan halen").click()
    page.wait_for_load_state()
    assert "uit het plan halen?" in page.locator("h1").inner_text()
    fouten += axe_check(page)
    page.get_by_role("button", name="Ja, uit het plan halen").click()
    page.wait_for_load_state()
    page.get_by_text("Er is nog geen datum gepland om samen terug te kijken.").wait_for()
    assert not Evaluatie.objects.filter(plan=plan).exists()
    assert not fouten, "\n".join(fouten)
