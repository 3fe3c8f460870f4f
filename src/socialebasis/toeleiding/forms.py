"""Forms of the toeleiding screens. They only validate input; the services write."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from socialebasis.netwerk.forms import _utrecht
from socialebasis.toeleiding import services
from socialebasis.toeleiding.models import GebruikStatus


class ZoekFormulier(forms.Form):
    zoek = forms.CharField(
        label=_("Zoek een voorziening in de sociale kaart"),
        max_length=100,
        required=False,
        help_text=_("Bijvoorbeeld: koffieochtend, taalcafé, voedselbank, mantelzorg."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _utrecht(self)
        self.fields["zoek"].widget.input_type = "search"
        self.fields["zoek"].widget.attrs["autocomplete"] = "off"


class KiesFormulier(forms.Form):
    """Choose one of the search results and say how it stands."""

    dienst = forms.ChoiceField(
        label=_("Welke voorziening?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een voorziening uit de zoekresultaten."),
            "invalid_choice": _("Kies een voorziening uit de zoekresultaten."),
        },
    )
    status = forms.ChoiceField(
        label=_("Hoe staat het?"),
        choices=[
            (GebruikStatus.IN_GEBRUIK, _("gebruikt deze voorziening al")),
            (GebruikStatus.VERWEZEN, _("is erheen verwezen, maar gaat er nog niet heen")),
        ],
        initial=GebruikStatus.IN_GEBRUIK,
        widget=forms.RadioSelect,
    )
    sinds = forms.DateField(
        label=_("Sinds wanneer"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leeg laten is vandaag."),
    )
    notitie = forms.CharField(
        label=_("Korte notitie"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: 'gaat op dinsdag'. Geen medische gegevens."),
    )

    def __init__(self, *args, persoon, resultaten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.persoon = persoon
        keuzes = list(resultaten)
        gekozen = self.data.get(self.add_prefix("dienst")) if self.is_bound else None
        if gekozen and not any(str(d.pk) == gekozen for d in keuzes):
            try:
                keuzes += list(services.te_kiezen(persoon).filter(pk=gekozen))
            except (ValueError, forms.ValidationError):
                pass  # not a UUID: the field says "kies een voorziening"
        self.fields["dienst"].choices = [(str(d.pk), d.naam) for d in keuzes]
        self._diensten = {str(d.pk): d for d in keuzes}
        _utrecht(self)

    def clean_dienst(self):
        return self._diensten[self.cleaned_data["dienst"]]

    def gegevens(self) -> dict:
        cd = self.cleaned_data
        return {
            "status": cd["status"],
            "sinds": cd["sinds"] or timezone.localdate(),
            "notitie": cd["notitie"],
        }
