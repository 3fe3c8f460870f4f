"""The inline SVG map: accessible, CSP-safe, escaped, with a legend that shows numbers."""

import re

import pytest

from socialebasis.gebieden import kaart, services
from socialebasis.gebieden.models import Gebied, Niveau

VIERKANT = {
    "type": "Polygon",
    "coordinates": [[[5.0, 52.0], [5.1, 52.0], [5.1, 52.1], [5.0, 52.1], [5.0, 52.0]]],
}
NAAST = {
    "type": "Polygon",
    "coordinates": [[[5.1, 52.0], [5.2, 52.0], [5.2, 52.1], [5.1, 52.1], [5.1, 52.0]]],
}


def gebied(code, naam, niveau, grens=None):
    return Gebied(code=code, naam=naam, niveau=niveau, grens=grens)


def controleer_veilig(svg: str):
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert 'role="group"' in svg and 'aria-label="Kaart van' in svg
    assert "style=" not in svg.lower() and "<style" not in svg.lower()
    assert "<script" not in svg.lower()
    assert "<image" not in svg.lower()
    # No external resources: the only URL is the SVG namespace; links are site-relative.
    assert re.findall(r"https?://[^\"]+", svg) == ["http://www.w3.org/2000/svg"]


@pytest.mark.pure
def test_namen_worden_ontsnapt():
    gm = gebied("GM0001", "Stad & <Land>", Niveau.GEMEENTE)
    wijken = [gebied("WK000101", '<script>alert("x")</script>', Niveau.WIJK, VIERKANT)]
    svg = str(kaart.svg(gm, wijken))
    controleer_veilig(svg)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in svg
    assert "Stad &amp; &lt;Land&gt;" in svg
    assert 'href="/gebieden/WK000101"' in svg


@pytest.mark.pure
def test_kleuren_en_legenda_met_getallen():
    gm = gebied("GM0001", "Stad", Niveau.GEMEENTE)
    wijken = [
        gebied("WK000101", "Noord", Niveau.WIJK, VIERKANT),
        gebied("WK000102", "Zuid", Niveau.WIJK, NAAST),
        gebied("WK000103", "Oost", Niveau.WIJK, NAAST),
    ]
    svg = str(
        kaart.svg(gm, wijken, waarden={"WK000101": 1810, "WK000102": 12345}, titel="Inwoners 65+")
    )
    controleer_veilig(svg)
    assert svg.count("<path") == 3
    assert "<title>Noord: 1.810</title>" in svg
    assert "<title>Oost: geen cijfer</title>" in svg
    legenda = svg.split('class="sb-kaart-legenda"')[1]
    assert "Inwoners 65+" in legenda and "1.810" in legenda and "12.345" in legenda
    assert "geen cijfer" in legenda
    kleur_noord = re.search(r'<path d="[^"]*" fill="([^"]+)"[^>]*><title>Noord', svg).group(1)
    kleur_zuid = re.search(r'<path d="[^"]*" fill="([^"]+)"[^>]*><title>Zuid', svg).group(1)
    assert kleur_noord != kleur_zuid


@pytest.mark.pure
def test_zonder_grens_geen_kaart():
    b = gebied("BU00010101", "Klein", Niveau.BUURT)
    assert kaart.svg(b, [b]) == ""


@pytest.mark.pure
def test_buurt_zelf_linkt_niet_naar_zichzelf():
    b = gebied("BU00010101", "Klein", Niveau.BUURT, VIERKANT)
    svg = str(kaart.svg(b, [b]))
    controleer_veilig(svg)
    assert "<a " not in svg and "<title>Klein</title>" in svg
    assert 'aria-label="Kaart van Klein.' in svg.replace(". Bron", ".")


@pytest.mark.django_db
def test_kaart_van_utrecht():
    services.laden("GM0344", jaren=[2023])
    gm = Gebied.objects.get(code="GM0344")
    wijken = list(gm.kinderen.order_by("code"))
    svg = str(kaart.svg(gm, wijken))
    controleer_veilig(svg)
    assert svg.count("<path") == 10
    assert svg.count('<a href="/gebieden/WK0344') == 10
    assert "Kaart van de wijken van Utrecht" in svg
    waarden = {
        b.code: b.kerncijfers.get(jaar=2023).leeftijd_65_plus
        for b in Gebied.objects.buurten().filter(gemeente=gm)
    }
    buurten = list(Gebied.objects.buurten().filter(gemeente=gm))
    svg = str(kaart.svg(gm, buurten, waarden=waarden, titel="65 jaar en ouder"))
    controleer_veilig(svg)
    assert svg.count("<path") == 108  # three buurten have no usable boundary
    assert "<title>Welgelegen, Den Hommel: 360</title>" in svg
