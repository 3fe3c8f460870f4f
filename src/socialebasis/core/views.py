"""Error pages: problem+json under /api/, a Dutch page elsewhere."""

from django.shortcuts import render

from socialebasis.core.api import problem_response

TEKST = {
    400: ("Er ging iets mis", "Uw verzoek klopt niet. Probeer het opnieuw."),
    403: (
        "Geen toegang",
        "U mag deze pagina niet zien. Denkt u dat dit niet klopt? "
        "Neem contact op met de beheerder van uw organisatie.",
    ),
    404: (
        "Pagina niet gevonden",
        "Deze pagina bestaat niet (meer). Kijk of het adres goed is, of ga naar de startpagina.",
    ),
    500: ("Er ging iets mis", "Er ging bij ons iets fout. Probeer het later nog eens."),
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
