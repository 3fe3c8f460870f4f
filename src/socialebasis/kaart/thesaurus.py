"""Beheerder pages for the categories (taxonomy) and the need thesaurus.

URL names: kaart:thesaurus (overview + add a word), kaart:zoekwoord-verwijderen (POST),
kaart:categorie (edit), kaart:categorie-nieuw.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from socialebasis.accounts.models import Rol
from socialebasis.kaart import services
from socialebasis.kaart.forms import TEXT
from socialebasis.kaart.models import Term, Zoekwoord
from socialebasis.kaart.toegang import is_platformbeheerder
from socialebasis.web.views import rol_vereist


class ZoekwoordForm(forms.Form):
    woord = forms.CharField(
        label=gettext_lazy("Woord of zinsdeel van inwoners"),
        max_length=100,
        widget=forms.TextInput(attrs=TEXT),
    )
    termen = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Zoek dan ook in"),
        queryset=Term.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )


class TermForm(forms.ModelForm):
    class Meta:
        model = Term
        fields = ["naam", "naam_en", "beschrijving", "beschrijving_en", "code"]
        widgets = {
            "naam": forms.TextInput(attrs=TEXT),
            "naam_en": forms.TextInput(attrs=TEXT),
            "code": forms.TextInput(attrs=TEXT),
            "beschrijving": forms.Textarea(
                attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3}
            ),
            "beschrijving_en": forms.Textarea(
                attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3}
            ),
        }


@rol_vereist(Rol.BEHEERDER)
def overzicht(request):
    form = ZoekwoordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.zoekwoord_opslaan(
            request.user, form.cleaned_data["woord"], form.cleaned_data["termen"]
        )
        messages.success(request, _("Het zoekwoord is opgeslagen."))
        return redirect("kaart:thesaurus")
    platform = is_platformbeheerder(request.user)
    woorden = Zoekwoord.objects.prefetch_related("termen").select_related("gemeente")
    return render(
        request,
        "kaart/thesaurus.html",
        {
            "form": form,
            "platform": platform,
            "termen": Term.objects.all(),
            "eigen": [] if platform else woorden.filter(gemeente_id=request.user.gemeente_id),
            "landelijk": woorden.filter(gemeente__isnull=True),
        },
    )


@require_POST
@rol_vereist(Rol.BEHEERDER)
def zoekwoord_verwijderen(request, pk):
    # another gemeente's words do not exist for this beheerder (404, not 403)
    zichtbaar = Q(gemeente__isnull=True) | Q(gemeente_id=request.user.gemeente_id)
    zw = get_object_or_404(Zoekwoord.objects.filter(zichtbaar), pk=pk)
    services.zoekwoord_verwijderen(request.user, zw)
    messages.success(request, _("Het zoekwoord is verwijderd."))
    return redirect("kaart:thesaurus")


@rol_vereist(Rol.BEHEERDER)
def categorie(request, pk=None):
    if not is_platformbeheerder(request.user):
        raise PermissionDenied(
            _(
                "De categorieën gelden voor alle gemeenten; "
                "de beheerder van het platform past ze aan."
            )
        )
    term = get_object_or_404(Term, pk=pk) if pk else None
    form = TermForm(request.POST or None, instance=term)
    if request.method == "POST" and form.is_valid():
        services.term_opslaan(request.user, term, **form.cleaned_data)
        messages.success(request, _("De categorie is opgeslagen."))
        return redirect("kaart:thesaurus")
    return render(request, "kaart/categorie.html", {"form": form, "term": term})
