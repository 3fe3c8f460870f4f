"""Upkeep of locations: aanbieder staff add and change the places of their own organisation; a
coördinator or beheerder those of the gemeente's organisations.

URL names: kaart:locaties (list), kaart:locatie-nieuw, kaart:locatie-bewerken. Access through
core.toegang (kaart.toegang.LocatieRegel); another organisation's location gives 404. A
confidential location keeps its address here, for its owners only; publicly only the wijk shows.
"""

import uuid

from django import forms as djforms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from socialebasis.core.toegang import Actie, mag
from socialebasis.kaart import services
from socialebasis.kaart.beheer import BEHEER_ROLLEN
from socialebasis.kaart.forms import SELECT, LocatieForm
from socialebasis.kaart.models import Locatie, Organisatie
from socialebasis.kaart.toegang import is_redacteur
from socialebasis.web.views import rol_vereist


def _terug(request):
    """The entry edit page to return to (?dienst=<uuid>), only when the user keeps that entry."""
    try:
        pk = uuid.UUID(request.GET.get("dienst") or "")
    except ValueError:
        return None
    return services.beheerbare_diensten(request.user).filter(pk=pk).first()


@rol_vereist(*BEHEER_ROLLEN)
def lijst(request):
    locaties = services.beheerbare_locaties(request.user).prefetch_related("adressen")
    return render(
        request,
        "kaart/locaties.html",
        {"locaties": locaties.order_by("naam"), "redacteur": is_redacteur(request.user)},
    )


def _formulier(request, locatie=None):
    initial = {}
    if locatie is not None:
        adres = locatie.adressen.first()
        initial = {
            "naam": locatie.naam,
            "beschrijving": locatie.beschrijving,
            "vertrouwelijk": locatie.vertrouwelijk,
            "toegankelijkheid": locatie.toegankelijkheid,
            "buurt": locatie.buurt or locatie.wijk,
            "straat": adres.straat if adres else "",
            "postcode": adres.postcode if adres else "",
            "plaats": adres.plaats if adres else "",
        }
    gemeente_id = (
        locatie.organisatie.gemeente_id
        if locatie is not None and locatie.organisatie.gemeente_id
        else request.user.gemeente_id
    )
    form = LocatieForm(request.POST or None, initial=initial, gemeente_id=gemeente_id)
    if locatie is None and is_redacteur(request.user):
        form.fields["organisatie"] = djforms.ModelChoiceField(
            label=_("Organisatie"),
            queryset=Organisatie.objects.filter(gemeente_id=request.user.gemeente_id),
            widget=djforms.Select(attrs=SELECT),
        )
    return form


def _opslaan(request, form, locatie=None):
    d = dict(form.cleaned_data)
    if locatie is None:
        org = d.pop("organisatie", None) or services.kaart_organisatie_voor(request.user)
    else:
        org = None
    return services.locatie_opslaan(request.user, locatie, organisatie=org, **d)


def _na_opslaan(request, locatie):
    dienst = _terug(request)
    if dienst is not None:
        return redirect("kaart:bewerken", pk=dienst.pk)
    return redirect("kaart:locatie-bewerken", pk=locatie.pk)


@rol_vereist(*BEHEER_ROLLEN)
def nieuw(request):
    if not mag(request.user, Actie.AANMAKEN, Locatie):
        raise Http404
    form = _formulier(request)
    if request.method == "POST" and form.is_valid():
        locatie = _opslaan(request, form)
        messages.success(request, _("De locatie is opgeslagen."))
        return _na_opslaan(request, locatie)
    return render(
        request,
        "kaart/locatie.html",
        {"form": form, "locatie": None, "dienst": _terug(request)},
    )


@rol_vereist(*BEHEER_ROLLEN)
def bewerken(request, pk):
    locatie = services.beheerbare_locaties(request.user).filter(pk=pk).first()
    if locatie is None or not mag(request.user, Actie.WIJZIGEN, locatie):
        raise Http404
    form = _formulier(request, locatie)
    if request.method == "POST" and form.is_valid():
        locatie = _opslaan(request, form, locatie)
        messages.success(request, _("De wijzigingen zijn opgeslagen."))
        return _na_opslaan(request, locatie)
    return render(
        request,
        "kaart/locatie.html",
        {
            "form": form,
            "locatie": locatie,
            "dienst": _terug(request),
            "diensten": services.beheerbare_diensten(request.user)
            .filter(op_locaties__locatie=locatie)
            .distinct()
            .order_by("naam"),
        },
    )
