from html import escape

from django import forms
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from socialebasis.gebieden import zoeken
from socialebasis.gebieden.models import Gebied
from socialebasis.kaart.models import Doelgroep, Kosten, Locatie, Term, Toegankelijkheid, Weekdag

SELECT = {"class": "utrecht-select utrecht-select--html-select"}
TEXT = {"class": "utrecht-textbox utrecht-textbox--html-input"}


class LangeKeuzelijst(forms.Select):
    """A select for thousands of options (every wijk and buurt of a national kaart): the same
    HTML as Django's Select, built in one pass instead of one template render per option (which
    took ~0.3 s per 3,000 options)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        delen = [format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))]
        for groep, opties, _index in widget["optgroups"]:
            if groep:
                delen.append(format_html('<optgroup label="{}">', groep))
            for optie in opties:
                gekozen = " selected" if optie["attrs"].get("selected") else ""
                delen.append(
                    f'<option value="{_esc(optie["value"])}"{gekozen}>'
                    f"{_esc(optie['label'])}</option>"
                )
            if groep:
                delen.append("</optgroup>")
        delen.append("</select>")
        return mark_safe("".join(delen))


def _esc(waarde) -> str:
    return escape(str(waarde), quote=True)


def _gebieden():
    """The wijken and buurten that have a location: a semi-join in the database (both columns
    are indexed), not every location's ids through Python."""
    return (
        Gebied.objects.filter(
            Q(id__in=Locatie.objects.filter(wijk__isnull=False).values("wijk_id"))
            | Q(id__in=Locatie.objects.filter(buurt__isnull=False).values("buurt_id"))
        )
        .defer("grens")
        .order_by("niveau", "naam")
    )  # boundaries are large; loaded when needed


class ZoekForm(forms.Form):
    """The public search form. Every field is optional; GET, so results can be shared."""

    q = forms.CharField(
        label=_("Waar zoekt u hulp of een activiteit voor?"),
        help_text=_("Bijvoorbeeld: eenzaam, koken, taalles, opvoedvragen, schulden."),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={**TEXT, "type": "search", "autocomplete": "off"}),
    )
    categorie = forms.ModelChoiceField(
        label=_("Onderwerp"),
        queryset=Term.objects.all(),
        required=False,
        empty_label=_("Alle onderwerpen"),
        widget=forms.Select(attrs=SELECT),
    )
    doelgroep = forms.ChoiceField(
        label=_("Voor wie"),
        choices=[("", _("Iedereen"))] + Doelgroep.choices,
        required=False,
        widget=forms.Select(attrs=SELECT),
    )
    gebied = forms.ChoiceField(
        label=_("Wijk of buurt"), required=False, widget=LangeKeuzelijst(attrs=SELECT)
    )
    dag = forms.TypedChoiceField(
        label=_("Op welke dag"),
        choices=[("", _("Elke dag"))] + Weekdag.choices,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.Select(attrs=SELECT),
    )
    kosten = forms.ChoiceField(
        label=_("Kosten"),
        choices=[("", _("Maakt niet uit"))] + Kosten.choices,
        required=False,
        widget=forms.Select(attrs=SELECT),
    )
    toegankelijk = forms.ChoiceField(
        label=_("Toegankelijkheid"),
        choices=[("", _("Maakt niet uit"))] + Toegankelijkheid.choices,
        required=False,
        widget=forms.Select(attrs=SELECT),
    )
    dichtbij = forms.ChoiceField(
        label=_("Dichtbij welke buurt?"),
        help_text=_("Dan staat wat het dichtst bij is bovenaan."),
        required=False,
        widget=LangeKeuzelijst(attrs=SELECT),
    )
    postcode = forms.CharField(
        label=_("Of dichtbij uw postcode"),
        help_text=_("Bijvoorbeeld 3511 of 3511 AB. Dan staat wat het dichtst bij is bovenaan."),
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={**TEXT, "autocomplete": "postal-code", "size": 8}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.postcodeplaats = None
        gebieden = list(_gebieden())
        self.gebieden = {g.code: g for g in gebieden}
        wijken = [(g.code, g.naam) for g in gebieden if g.niveau == "wijk"]
        buurten = [(g.code, g.naam) for g in gebieden if g.niveau == "buurt"]
        self.fields["gebied"].choices = (
            [("", _("Overal"))]
            + ([(_("Wijken"), wijken)] if wijken else [])
            + ([(_("Buurten"), buurten)] if buurten else [])
        )
        self.fields["dichtbij"].choices = (
            [("", _("Niet sorteren op afstand"))] + buurten + [(c, n) for c, n in wijken]
        )

    def clean_postcode(self):
        """A postcode sorts by distance from the buurten that have it as their most common PC4
        (CBS figures; see docs/gebieden.md). Unknown or wrong → a message at the field."""
        tekst = (self.cleaned_data.get("postcode") or "").strip()
        if not tekst:
            return ""
        try:
            plaats = zoeken.plaats_bij_postcode(None, tekst)
        except zoeken.OngeldigePostcode as fout:
            raise forms.ValidationError(str(fout), code="ongeldig") from None
        if plaats is None or plaats.punt_lat is None:
            raise forms.ValidationError(
                _(
                    "Deze postcode kennen we niet in de sociale kaart. Kies hierboven uw buurt "
                    "of wijk."
                ),
                code="onbekend",
            )
        self.postcodeplaats = plaats
        return zoeken.postcode_normaliseren(tekst)


class DienstForm(forms.Form):
    """An entry as the aanbieder or redacteur edits it (one weekly time; more via HSDS import)."""

    naam = forms.CharField(
        label=_("Naam van de activiteit"), max_length=250, widget=forms.TextInput(attrs=TEXT)
    )
    beschrijving = forms.CharField(
        label=_("Wat is het?"),
        help_text=_("Schrijf kort en eenvoudig. Wat doet u, voor wie, en hoe gaat het?"),
        widget=forms.Textarea(
            attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 5}
        ),
    )
    naam_en = forms.CharField(
        label=_("Naam in het Engels"),
        max_length=250,
        required=False,
        widget=forms.TextInput(attrs=TEXT),
    )
    beschrijving_en = forms.CharField(
        label=_("Beschrijving in het Engels"),
        required=False,
        widget=forms.Textarea(
            attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3}
        ),
    )
    termen = forms.ModelMultipleChoiceField(
        label=_("Onderwerpen"),
        queryset=Term.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=True,
    )
    doelgroepen = forms.MultipleChoiceField(
        label=_("Voor wie"),
        choices=Doelgroep.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    kosten = forms.ChoiceField(
        label=_("Kosten"),
        choices=[("", "—")] + Kosten.choices,
        required=False,
        widget=forms.Select(attrs=SELECT),
    )
    kosten_toelichting = forms.CharField(
        label=_("Toelichting op de kosten"),
        max_length=250,
        required=False,
        widget=forms.TextInput(attrs=TEXT),
    )
    locatie = forms.ModelChoiceField(
        label=_("Waar"),
        queryset=Locatie.objects.none(),
        required=False,
        widget=forms.Select(attrs=SELECT),
    )
    weekdag = forms.TypedChoiceField(
        label=_("Elke week op"),
        choices=[("", _("geen vaste dag"))] + Weekdag.choices,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.Select(attrs=SELECT),
    )
    begintijd = forms.TimeField(
        label=_("Van (uu:mm)"),
        required=False,
        widget=forms.TimeInput(attrs={**TEXT, "type": "time"}),
    )
    eindtijd = forms.TimeField(
        label=_("Tot (uu:mm)"),
        required=False,
        widget=forms.TimeInput(attrs={**TEXT, "type": "time"}),
    )
    aanmelden = forms.CharField(
        label=_("Hoe meldt iemand zich aan?"),
        required=False,
        widget=forms.Textarea(
            attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 2}
        ),
    )
    email = forms.EmailField(
        label=_("E-mailadres"), required=False, widget=forms.EmailInput(attrs=TEXT)
    )
    url = forms.URLField(label=_("Website"), required=False, widget=forms.URLInput(attrs=TEXT))

    def __init__(self, *args, locaties=None, **kwargs):
        super().__init__(*args, **kwargs)
        if locaties is not None:
            self.fields["locatie"].queryset = locaties

    def clean(self):
        data = super().clean()
        if data.get("begintijd") and data.get("eindtijd") and data["eindtijd"] <= data["begintijd"]:
            self.add_error("eindtijd", _("De eindtijd moet na de begintijd liggen."))
        if (data.get("begintijd") or data.get("eindtijd")) and data.get("weekdag") is None:
            self.add_error("weekdag", _("Kies ook een dag."))
        return data

    def dienst_velden(self) -> dict:
        d = dict(self.cleaned_data)
        rooster = {k: d.pop(k) for k in ("weekdag", "begintijd", "eindtijd")}
        return {**d, "rooster": rooster}


class LocatieForm(forms.Form):
    """A location of the aanbieder's own organisation (or, for a redacteur, of the gemeente)."""

    naam = forms.CharField(
        label=_("Naam van de plek"),
        help_text=_("Bijvoorbeeld: Buurthuis De Boog."),
        max_length=250,
        widget=forms.TextInput(attrs=TEXT),
    )
    straat = forms.CharField(
        label=_("Straat en huisnummer"),
        max_length=250,
        widget=forms.TextInput(attrs={**TEXT, "autocomplete": "street-address"}),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        help_text=_("Bijvoorbeeld 3511 AB."),
        max_length=12,
        required=False,
        widget=forms.TextInput(attrs={**TEXT, "autocomplete": "postal-code", "size": 8}),
    )
    plaats = forms.CharField(
        label=_("Plaats"),
        max_length=100,
        widget=forms.TextInput(attrs={**TEXT, "autocomplete": "address-level2"}),
    )
    vertrouwelijk = forms.BooleanField(
        label=_("Geheim adres"),
        help_text=_(
            "Bijvoorbeeld een opvang. Dan tonen we nooit het adres of de naam van de plek, "
            "alleen de wijk. Mensen krijgen het adres als ze zich aanmelden."
        ),
        required=False,
        widget=forms.CheckboxInput(
            attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
        ),
    )
    toegankelijkheid = forms.MultipleChoiceField(
        label=_("Toegankelijkheid"),
        choices=Toegankelijkheid.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    buurt = forms.ModelChoiceField(
        label=_("Buurt of wijk"),
        help_text=_("Leeg laten: dan zoeken we de buurt bij de postcode."),
        queryset=Gebied.objects.none(),
        required=False,
        empty_label=_("Zoek het uit met de postcode"),
        widget=forms.Select(attrs=SELECT),
    )
    beschrijving = forms.CharField(
        label=_("Hoe vindt u de plek?"),
        help_text=_("Bijvoorbeeld: ingang aan de achterkant, tweede verdieping."),
        required=False,
        widget=forms.Textarea(
            attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 2}
        ),
    )

    def __init__(self, *args, gemeente_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buurt"].queryset = Gebied.objects.filter(
            gemeente_id=gemeente_id, niveau__in=["wijk", "buurt"]
        ).order_by("-niveau", "naam")
        self.fields["buurt"].label_from_instance = lambda g: f"{g.naam} ({g.get_niveau_display()})"

    def clean_postcode(self):
        tekst = (self.cleaned_data.get("postcode") or "").strip()
        if not tekst:
            return ""
        try:
            return zoeken.postcode_normaliseren(tekst)
        except zoeken.OngeldigePostcode as fout:
            raise forms.ValidationError(str(fout), code="ongeldig") from None
