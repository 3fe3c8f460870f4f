"""Screens of toeleiding: add a service a resident uses, change its state, stop it.

The list itself is shown on the netwerk pages (``netwerk/persoon.html`` for the professional,
``netwerk/mijn_plan.html`` for the resident) through ``toeleiding/_voorzieningen.html`` and
``context``. Thin: access and audit happen in the services.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from socialebasis.accounts.models import Rol
from socialebasis.netwerk import services as netwerk
from socialebasis.personen.models import Persoon
from socialebasis.toeleiding import services
from socialebasis.toeleiding.forms import KiesFormulier, ZoekFormulier
from socialebasis.toeleiding.models import GebruikStatus, Voorzieninggebruik
from socialebasis.web.views import rol_vereist


def context(actor, persoon: Persoon) -> dict:
    """What ``toeleiding/_voorzieningen.html`` needs on a netwerk page (an audited read)."""
    rijen = services.lijst(actor, persoon)
    return {
        "voorzieningen": [g for g in rijen if g.lopend],
        "voorzieningen_gestopt": [g for g in rijen if not g.lopend],
        "voorziening_zoek": ZoekFormulier(prefix="vz"),
        "kan_voorziening": services.mag_vastleggen(actor, persoon),
    }


def _persoon(request, persoon_id) -> Persoon:
    try:
        return netwerk.persoon_ophalen(request.user, persoon_id)
    except (Persoon.DoesNotExist, PermissionDenied):
        raise Http404 from None


def _terug(request, persoon: Persoon) -> str:
    if request.user.rol == Rol.INWONER:
        return reverse("netwerk:mijn_plan") + "#voorzieningen"
    return reverse("netwerk:persoon", kwargs={"persoon_id": persoon.uuid}) + "#voorzieningen"


@rol_vereist(Rol.PROFESSIONAL, Rol.INWONER)
def toevoegen(request, persoon_id):
    p = _persoon(request, persoon_id)
    if not services.mag_vastleggen(request.user, p):
        raise Http404
    zoek = ZoekFormulier(request.GET or None, prefix="vz")
    tekst = zoek.cleaned_data["zoek"] if zoek.is_valid() else ""
    resultaten = services.zoeken(p, tekst)
    form = KiesFormulier(request.POST or None, prefix="kies", persoon=p, resultaten=resultaten)
    if request.method == "POST" and form.is_valid():
        try:
            gebruik = services.vastleggen(
                request.user, p, form.cleaned_data["dienst"], form.gegevens()
            )
        except ValidationError as e:
            for veld, fouten in getattr(e, "message_dict", {None: e.messages}).items():
                form.add_error(veld if veld in form.fields else None, fouten)
        else:
            messages.success(
                request,
                _("%(naam)s staat nu bij de voorzieningen en op de netwerkkaart.")
                % {"naam": gebruik.dienst.naam},
            )
            return redirect(_terug(request, p))
    return render(
        request,
        "toeleiding/toevoegen.html",
        {
            "persoon": p,
            "zoek": zoek,
            "tekst": tekst,
            "resultaten": resultaten,
            "form": form,
            "terug": _terug(request, p),
            "zelf": request.user.rol == Rol.INWONER,
        },
    )


@rol_vereist(Rol.PROFESSIONAL, Rol.INWONER)
@require_POST
def wijzigen(request, persoon_id, gebruik_id):
    p = _persoon(request, persoon_id)
    try:
        gebruik = services.lezen(request.user, p, gebruik_id)
    except Voorzieninggebruik.DoesNotExist:
        raise Http404 from None
    naar = request.POST.get("status")
    if naar not in (GebruikStatus.IN_GEBRUIK, GebruikStatus.GESTOPT):
        messages.error(request, _("Kies of de voorziening in gebruik is of gestopt."))
        return redirect(_terug(request, p))
    try:
        if naar == GebruikStatus.GESTOPT:
            services.stoppen(request.user, gebruik)
            melding = _("%(naam)s staat nu bij de gestopte voorzieningen.")
        else:
            services.wijzigen(request.user, gebruik, {"status": naar})
            melding = _("%(naam)s staat nu als in gebruik.")
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return redirect(_terug(request, p))
    messages.success(request, melding % {"naam": gebruik.dienst.naam})
    return redirect(_terug(request, p))
