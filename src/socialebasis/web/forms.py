from django import forms
from django.utils.translation import gettext_lazy as _

from socialebasis.gebieden.models import Gebied
from socialebasis.personen.models import Doel, Persoon


class PersoonFormulier(forms.ModelForm):
    toestemmingen = forms.MultipleChoiceField(
        label=_("De inwoner geeft toestemming voor"),
        choices=Doel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vraag dit aan de inwoner zelf. Toestemming kan altijd worden ingetrokken."),
    )

    class Meta:
        model = Persoon
        fields = [
            "voornaam",
            "tussenvoegsel",
            "achternaam",
            "email",
            "telefoon",
            "straat",
            "huisnummer",
            "postcode",
            "woonplaats",
            "buurt",
        ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buurt"].queryset = Gebied.objects.buurten().filter(gemeente=user.gemeente_id)
        self.fields["buurt"].empty_label = _("Onbekend")
        autocomplete = {
            "voornaam": "given-name",
            "achternaam": "family-name",
            "email": "email",
            "telefoon": "tel",
            "straat": "address-line1",
            "postcode": "postal-code",
            "woonplaats": "address-level2",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        if user.rol == "coordinator":
            self.fields["toestemmingen"].initial = [Doel.KOPPELEN]

    def _post_clean(self):
        # Model validation (incl. tenant checks) happens in the service, in one transaction.
        pass
