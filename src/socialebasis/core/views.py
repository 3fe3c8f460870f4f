"""Error pages: problem+json under /api/, a page in the chosen language (Dutch first) elsewhere."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from socialebasis.core.api import problem_response

TEKST = {
    400: (_("Er ging iets mis"), _("Uw verzoek klopt niet. Probeer het opnieuw.")),
    403: (
        _("Geen toegang"),
        _(
            "U mag deze pagina niet zien. Denkt u dat dit niet klopt? "
            "Neem contact op met de beheerder van uw organisatie."
        ),
    ),
    404: (
        _("Pagina niet gevonden"),
        _("Deze pagina bestaat niet (meer). Kijk of het adres goed is, of ga naar de startpagina."),
    ),
    500: (_("Er ging iets mis"), _("Er ging bij ons iets fout. Probeer het later nog eens.")),
}


def _fout(request, status):
    if request.path.startswith("/api/"):
        detail = {
            400: "Het verzoek klopt niet.",
            403: "U heeft geen toegang tot deze gegevens.",
            404: "Dit adres bestaat niet in de API. Let op: adressen eindigen niet op een '/'.",
            500: "Er ging iets mis bij de server. Probeer het later opnieuw.",
        }[status]
        return problem_response(request, status, detail)
    titel, uitleg = TEKST[status]
    return render(request, "fout.html", {"titel": titel, "uitleg": uitleg}, status=status)


def fout_400(request, exception=None):
    return _fout(request, 400)


def fout_403(request, exception=None):
    return _fout(request, 403)


def fout_404(request, exception=None):
    return _fout(request, 404)


def fout_500(request):
    return _fout(request, 500)
