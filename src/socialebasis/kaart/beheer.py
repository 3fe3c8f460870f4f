"""Upkeep pages: aanbieder staff keep their entries; a coördinator or beheerder approves them.

URL names: kaart:beheer (list: own organisation, or the gemeente for redacteuren),
kaart:nieuw, kaart:bewerken, kaart:controleren (POST), kaart:beoordelen (approval queue),
kaart:publiceren (POST).
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from socialebasis.accounts.models import Rol
from socialebasis.core.toegang import Actie, mag, zichtbaar
from socialebasis.kaart import services
from socialebasis.kaart.forms import DienstForm
from socialebasis.kaart.models import Dienst, Locatie, Organisatie
from socialebasis.kaart.toegang import is_aanbieder, is_redacteur
from socialebasis.web.views import rol_vereist

BEHEER_ROLLEN = (Rol.AANBIEDER, Rol.COORDINATOR, Rol.BEHEERDER)


def _eigen(user):
    qs = zichtbaar(user, Dienst).select_related("organisatie")
    if is_aanbieder(user):
        return qs.filter(organisatie__organisatie_id=user.organisatie_id)
    if is_redacteur(user):
        return qs.filter(gemeente_id=user.gemeente_id)
    return qs.none()


def _locaties(user):
    if is_aanbieder(user):
        return Locatie.objects.filter(organisatie__organisatie_id=user.organisatie_id)
    return Locatie.objects.filter(organisatie__gemeente_id=user.gemeente_id)


@rol_vereist(*BEHEER_ROLLEN)
def lijst(request):
    diensten = list(_eigen(request.user).order_by("naam"))
    return render(
        request,
        "kaart/beheer.html",
        {
            "diensten": diensten,
            "verouderd": [d for d in diensten if d.verouderd],
            "redacteur": is_redacteur(request.user),
        },
    )


def _opslaan_form(request, dienst=None):
    locaties = _locaties(request.user)
    if dienst is None:
        initial = {}
    else:
        rooster = dienst.roosters.filter(weekdag__isnull=False).first()
        dol = dienst.op_locaties.first()
        initial = {
            **{k: getattr(dienst, k) for k in services.VELDEN},
            "termen": list(dienst.termen.all()),
            "locatie": dol.locatie if dol else None,
            "weekdag": rooster.weekdag if rooster else None,
            "begintijd": rooster.begintijd if rooster else None,
            "eindtijd": rooster.eindtijd if rooster else None,
        }
    form = DienstForm(request.POST or None, initial=initial, locaties=locaties)
    return form


@rol_vereist(*BEHEER_ROLLEN)
def nieuw(request):
    if not mag(request.user, Actie.AANMAKEN, Dienst):
        raise Http404
    form = _opslaan_form(request)
    if is_redacteur(request.user):
        from django import forms as djforms

        form.fields["organisatie"] = djforms.ModelChoiceField(
            label=_("Organisatie"),
            queryset=Organisatie.objects.filter(gemeente_id=request.user.gemeente_id),
            widget=djforms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
        )
    if request.method == "POST" and form.is_valid():
        velden = form.dienst_velden()
        org = velden.pop("organisatie", None) or services.kaart_organisatie_voor(request.user)
        dienst = services.aanmaken(request.user, organisatie=org, **velden)
        messages.success(request, _("Opgeslagen als concept. Een redacteur publiceert het."))
        return redirect("kaart:bewerken", pk=dienst.pk)
    return render(request, "kaart/bewerken.html", {"form": form, "dienst": None})


def _beheerbaar(request, pk) -> Dienst:
    dienst = _eigen(request.user).filter(pk=pk).first()
    if dienst is None or not mag(request.user, Actie.WIJZIGEN, dienst):
        raise Http404
    return dienst


@rol_vereist(*BEHEER_ROLLEN)
def bewerken(request, pk):
    dienst = _beheerbaar(request, pk)
    form = _opslaan_form(request, dienst)
    if request.method == "POST" and form.is_valid():
        services.wijzigen(request.user, dienst, **form.dienst_velden())
        messages.success(request, _("De wijzigingen zijn opgeslagen."))
        return redirect("kaart:bewerken", pk=dienst.pk)
    return render(
        request,
        "kaart/bewerken.html",
        {
            "form": form,
            "dienst": dienst,
            "wijzigingen": dienst.wijzigingen.select_related("door")[:50],
            "mag_publiceren": is_redacteur(request.user, dienst.gemeente_id),
        },
    )


@require_POST
@rol_vereist(*BEHEER_ROLLEN)
def controleren(request, pk):
    dienst = _beheerbaar(request, pk)
    services.controleren(request.user, dienst)
    messages.success(request, _("Bedankt. We hebben genoteerd dat het nog klopt."))
    return redirect("kaart:beheer")


@rol_vereist(Rol.COORDINATOR, Rol.BEHEERDER)
def beoordelen(request):
    return render(
        request,
        "kaart/beoordelen.html",
        {
            "diensten": services.te_beoordelen(request.user).select_related("organisatie"),
        },
    )


@require_POST
@rol_vereist(Rol.COORDINATOR, Rol.BEHEERDER)
def publiceren(request, pk):
    dienst = services.te_beoordelen(request.user).filter(pk=pk).first()
    if dienst is None:
        raise Http404
    services.publiceren(request.user, dienst)
    messages.success(request, _("Gepubliceerd: het staat nu in de openbare sociale kaart."))
    return redirect("kaart:beoordelen")
