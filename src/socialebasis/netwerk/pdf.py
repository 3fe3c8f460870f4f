"""The netwerkplan as a printable PDF (WeasyPrint): B1 Dutch, system fonts, no network access.

``base_url`` points at this app's folder and the template has no remote URLs, so WeasyPrint
never fetches anything. Call through ``services.plan_afdrukken`` (access check + audit).
"""

from __future__ import annotations

import base64
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone, translation

from socialebasis.netwerk import bronnen, ecogram
from socialebasis.netwerk.grafiek import datum_nl

BASIS = Path(__file__).resolve().parent


def _context(persoon, plan) -> dict:
    acties = list(plan.acties.all()) if plan else []
    evaluaties = list(plan.evaluaties.all()) if plan else []
    vandaag = timezone.localdate()
    volgende = next((e for e in evaluaties if e.datum >= vandaag), None)
    leden = [lid.als_ecogram() for lid in persoon.netwerkleden.all()]
    leden += bronnen.extra_leden(persoon)  # volunteers and services: the same map as on screen
    naam = persoon.voornaam or "u"
    return {
        "netwerk": ecogram.table_rows(naam, leden),
        "kaart": kaart_als_afbeelding(naam, leden) if leden else "",
        "kaart_tekst": ecogram.text_alternative(naam, leden) if leden else "",
        "persoon": persoon,
        "plan": plan,
        "doelen": list(plan.doelen.all()) if plan else [],
        "acties": acties,
        "beraad": plan.beraden.first() if plan else None,
        "volgende": volgende,
        "vandaag": datum_nl(vandaag),
        "datum_nl": datum_nl,
    }


def kaart_als_afbeelding(naam: str, leden) -> str:
    """The netwerkkaart as a data URI for an <img>: the print variant of the SVG (no
    paint-order), drawn by WeasyPrint as vector graphics. Nothing is fetched."""
    svg = ecogram.render_svg(naam, leden, title=f"Netwerkkaart van {naam}", druk=True)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def plan_html(persoon, plan) -> str:
    with translation.override("nl"):
        return render_to_string("netwerk/plan_pdf.html", _context(persoon, plan))


def plan_document(persoon, plan):
    from weasyprint import HTML

    return HTML(string=plan_html(persoon, plan), base_url=str(BASIS)).render()


def plan_pdf(persoon, plan) -> bytes:
    return plan_document(persoon, plan).write_pdf()


def tekst_van(document) -> str:
    """All text laid out in a rendered WeasyPrint document (for tests and checks)."""
    delen: list[str] = []

    def loop(box):
        tekst = getattr(box, "text", None)
        if isinstance(tekst, str):
            delen.append(tekst)
        for kind in getattr(box, "children", []) or []:
            loop(kind)

    for pagina in document.pages:
        loop(pagina._page_box)
    return " ".join(delen)
