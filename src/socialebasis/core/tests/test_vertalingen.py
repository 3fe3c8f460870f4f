"""The English catalogue is complete and compiled, and the language choice works.

Dutch is the source language (msgid); English is the only catalogue. After changing a
user-facing text, update and compile the catalogue (developer tools: `apt-get install gettext`;
the product and CI only read the committed django.mo):

    cd src/socialebasis
    PYTHONPATH=../../src DJANGO_SETTINGS_MODULE=socialebasis.settings \\
        ../../.venv/bin/python -m django makemessages -l en --no-obsolete --add-location=file \\
        --ignore='*/tests/*'
    # translate every new or changed entry in locale/en/LC_MESSAGES/django.po (no fuzzy, no empty)
    PYTHONPATH=../../src DJANGO_SETTINGS_MODULE=socialebasis.settings \\
        ../../.venv/bin/python -m django compilemessages -l en

Run both from src/socialebasis: from the project root, compilemessages also walks .venv and
recompiles the catalogues of installed packages.
"""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

from socialebasis.accounts.models import Rol

PAKKET = Path(__file__).resolve().parents[2]
PO = PAKKET / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def _po_regels():
    """The .po entries as dicts: msgctxt, msgid, msgid_plural, msgstr([n]), flags, refs."""
    entries, entry, veld = [], None, None
    for regel in [*PO.read_text(encoding="utf-8").splitlines(), ""]:
        regel = regel.strip()
        if not regel:
            if entry and "msgid" in entry:
                entries.append(entry)
            entry, veld = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "refs": []}
        if regel.startswith("#,"):
            entry["flags"] |= {f.strip() for f in regel[2:].split(",")}
        elif regel.startswith("#:"):
            entry["refs"] += regel[2:].split()
        elif regel.startswith("#~"):
            entry["obsolete"] = True
        elif regel.startswith("#"):
            continue
        elif regel.startswith('"'):
            entry[veld] += ast.literal_eval(regel)
        else:
            veld, _, waarde = regel.partition(" ")
            entry[veld] = ast.literal_eval(waarde)
    return [e for e in entries if e["msgid"] != "" and not e.get("obsolete")]


def _vertalingen(entry):
    return [v for k, v in entry.items() if k.startswith("msgstr")]


def test_po_is_volledig_zonder_fuzzy_of_lege_vertalingen():
    entries = _po_regels()
    assert len(entries) > 100
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    leeg = [e["msgid"] for e in entries if not all(_vertalingen(e))]
    assert not fuzzy, f"fuzzy: {fuzzy}"
    assert not leeg, f"zonder vertaling: {leeg}"
    kop = PO.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert "#, fuzzy" not in kop and '"Language: en\\n"' in kop


def test_po_bevat_alleen_teksten_uit_socialebasis():
    for entry in _po_regels():
        for ref in entry["refs"]:
            pad = ref.rsplit(":", 1)[0] if ref.rsplit(":", 1)[-1].isdigit() else ref
            assert (PAKKET / pad).is_file(), f"{entry['msgid']!r} komt uit {ref}"


def test_placeholders_blijven_gelijk():
    def placeholders(tekst):
        return sorted(re.findall(r"%\(\w+\)s", tekst))

    for e in _po_regels():
        if "msgid_plural" in e:
            paren = [(e["msgid"], e["msgstr[0]"]), (e["msgid_plural"], e["msgstr[1]"])]
        else:
            paren = [(e["msgid"], e["msgstr"])]
        for bron, vertaling in paren:
            assert placeholders(vertaling) == placeholders(bron), e["msgid"]


def test_mo_is_bijgewerkt_met_de_po():
    with MO.open("rb") as f:
        mo = gettext.GNUTranslations(f)
    verwacht = set()
    for e in _po_regels():
        ctx = e.get("msgctxt")
        sleutel = f"{ctx}\x04{e['msgid']}" if ctx is not None else e["msgid"]
        if "msgid_plural" in e:
            for n, getal in ((0, 1), (1, 2)):
                assert mo.ngettext(e["msgid"], e["msgid_plural"], getal) == e[f"msgstr[{n}]"]
                verwacht.add((sleutel, n))
        else:
            if ctx is not None:
                assert mo.pgettext(ctx, e["msgid"]) == e["msgstr"], e["msgid"]
            else:
                assert mo.gettext(e["msgid"]) == e["msgstr"], e["msgid"]
            verwacht.add(sleutel)
    # and nothing in the .mo that is no longer in the .po (the catalogue keys, minus the header)
    assert set(mo._catalog) - {""} == verwacht


def _engels(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.django_db
def test_startpagina_in_het_engels_met_taalcookie(client):
    html = _engels(client).get("/").content.decode()
    assert 'lang="en"' in html
    assert "Help close by, in your own neighbourhood" in html
    assert "Skip to content" in html and "Naar de inhoud" not in html
    # the language switch keeps its own label, in its own language
    assert 'lang="nl"' in html and ">Nederlands</button>" in html


@pytest.mark.django_db
def test_inlogpagina_in_het_engels_met_taalcookie(client):
    html = _engels(client).get("/account/inloggen").content.decode()
    assert 'lang="en"' in html
    assert "Log in with your email address and password." in html
    assert "Email address" in html and "Password" in html


@pytest.mark.django_db
def test_foutmelding_bij_inloggen_in_het_engels(client, utrecht):
    r = _engels(client).post(
        "/account/inloggen",
        {"username": utrecht.users[Rol.INWONER].email, "password": "fout"},
    )
    assert "The email address or the password is not correct." in r.content.decode()


@pytest.mark.django_db
def test_zonder_cookie_nederlands_ook_als_de_browser_engels_vraagt(client):
    html = client.get("/", headers={"accept-language": "en"}).content.decode()
    assert 'lang="nl"' in html
    assert "Hulp dichtbij, in uw eigen buurt" in html
    html = client.get("/account/inloggen", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert 'lang="nl"' in html and "Log in met uw e-mailadres" in html


@pytest.mark.django_db
def test_openbare_paginas_in_het_engels(client):
    _engels(client)
    html = client.get("/verwerkingsactiviteiten").content.decode()
    assert "Support for a resident in the social domain" in html
    assert "task carried out in the public interest" in html
    r = client.get("/bestaat-niet")
    assert r.status_code == 404 and "Page not found" in r.content.decode()


ENGELSE_STARTPAGINA = {
    Rol.INWONER: ("/mijn", "What we know about you"),
    Rol.VRIJWILLIGER: ("/vrijwilliger", "Thank you for being a volunteer."),
    Rol.PROFESSIONAL: ("/professional", "You see the residents of your team:"),
    Rol.COORDINATOR: ("/coordinator", "Residents looking for a volunteer"),
    Rol.AANBIEDER: ("/aanbieder", "Municipalities where you work"),
    Rol.BELEIDSMEDEWERKER: ("/beleid", "District monitor"),
    Rol.BEHEERDER: ("/beheer", "Search the data processing log"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("rol", list(Rol))
def test_elke_rol_ziet_de_eigen_pagina_in_het_engels(client, utrecht, rol):
    pad, zin = ENGELSE_STARTPAGINA[rol]
    client.force_login(utrecht.users[rol])
    html = _engels(client).get(pad).content.decode()
    assert 'lang="en"' in html
    assert zin in html
    assert "Log out" in html and "Uitloggen" not in html
