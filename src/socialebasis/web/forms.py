from django import forms
from django.utils.translation import gettext_lazy as _

from socialebasis.accounts.models import Rol, Team
from socialebasis.core.toegang import zichtbaar
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


class GebruikerFormulier(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=150)
    email = forms.EmailField(
        label=_("E-mailadres"), help_text=_("De nieuwe gebruiker krijgt hier een uitnodiging.")
    )
    rol = forms.ChoiceField(label=_("Rol"), choices=Rol.choices)
    teams = forms.ModelMultipleChoiceField(
        label=_("Teams"),
        queryset=Team.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Een professional ziet de inwoners van zijn of haar teams."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teams"].queryset = zichtbaar(user, Team)
        self.fields["naam"].widget.attrs["autocomplete"] = "off"
        self.fields["email"].widget.attrs["autocomplete"] = "off"


class TeamFormulier(forms.Form):
    naam = forms.CharField(
        label=_("Naam van het team"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Buurtteam Overvecht"),
    )
    wijken = forms.ModelMultipleChoiceField(
        label=_("Werkgebied"),
        queryset=Gebied.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De wijken waar dit team werkt."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijken"].queryset = Gebied.objects.wijken().filter(gemeente=user.gemeente_id)
