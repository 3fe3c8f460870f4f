from django import forms
from django.utils.translation import gettext_lazy as _

from socialebasis.gebieden.models import Gebied
from socialebasis.koppelen.models import (
    DAGEN,
    Dieet,
    EindReden,
    Frequentie,
    Levering,
    Soort,
    Taal,
    Urgentie,
    VrijwilligerStatus,
)

_TEKST = {"class": "utrecht-textbox utrecht-textbox--html-input"}
_SELECT = {"class": "utrecht-select utrecht-select--html-select"}
_VAK = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 4}


def _dagen_veld(label, required=False):
    return forms.TypedMultipleChoiceField(
        label=label,
        choices=DAGEN,
        coerce=int,
        required=required,
        widget=forms.CheckboxSelectMultiple,
    )


class HulpvraagFormulier(forms.Form):
    persoon = forms.TypedChoiceField(label=_("Inwoner"), widget=forms.Select(attrs=_SELECT))
    soort = forms.ChoiceField(
        label=_("Soort hulp"), choices=Soort.choices, widget=forms.Select(attrs=_SELECT)
    )
    frequentie = forms.ChoiceField(
        label=_("Hoe vaak"), choices=Frequentie.choices, widget=forms.Select(attrs=_SELECT)
    )
    dagen = _dagen_veld(_("Op welke dagen kan het?"))
    dieten = forms.MultipleChoiceField(
        label=_("Dieet"),
        choices=Dieet.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    allergieen = forms.CharField(
        label=_("Allergieën"), required=False, max_length=200, widget=forms.TextInput(attrs=_TEKST)
    )
    talen = forms.MultipleChoiceField(
        label=_("Voorkeurstaal"),
        choices=Taal.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    levering = forms.ChoiceField(
        label=_("Ophalen of bezorgen"), choices=Levering.choices, widget=forms.Select(attrs=_SELECT)
    )
    huisdieren = forms.BooleanField(label=_("Er zijn huisdieren in huis"), required=False)
    voorkeuren = forms.CharField(
        label=_("Andere wensen"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs=_TEKST),
    )
    urgentie = forms.TypedChoiceField(
        label=_("Urgentie"),
        choices=Urgentie.choices,
        coerce=int,
        widget=forms.Select(attrs=_SELECT),
    )
    kwetsbaar = forms.BooleanField(
        label=_("Kwetsbare inwoner: alleen een vrijwilliger met een geldige VOG"), required=False
    )
    toestemming_koppelen = forms.BooleanField(
        label=_("De inwoner geeft toestemming om een vrijwilliger te zoeken"),
        required=False,
        help_text=_(
            "Vraag dit aan de inwoner. Zonder toestemming ziet de coördinator de vraag niet."
        ),
    )

    def __init__(self, *args, personen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persoon"].choices = [("", _("Kies een inwoner"))] + [
            (str(p.uuid), p.volledige_naam) for p in personen
        ]


class HandmatigFormulier(forms.Form):
    aanbod = forms.ChoiceField(label=_("Vrijwilliger"), widget=forms.Select(attrs=_SELECT))

    def __init__(self, *args, aanbod=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbod"].choices = [("", _("Kies een vrijwilliger"))] + [
            (str(a.uuid), f"{a.vrijwilliger.persoon.volledige_naam} — {a.get_soort_display()}")
            for a in aanbod
        ]


class KennismakingFormulier(forms.Form):
    kennismaking_op = forms.DateTimeField(
        label=_("Datum en tijd van de kennismaking"),
        widget=forms.DateTimeInput(
            attrs={**_TEKST, "type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class StartFormulier(forms.Form):
    gestart_op = forms.DateField(
        label=_("Startdatum"), widget=forms.DateInput(attrs={**_TEKST, "type": "date"})
    )


class EvaluatieFormulier(forms.Form):
    evaluatie = forms.CharField(
        label=_("Hoe gaat het? (evaluatie)"), max_length=2000, widget=forms.Textarea(attrs=_VAK)
    )


class ContactFormulier(forms.Form):
    notitie = forms.CharField(
        label=_("Notitie van het contactmoment"),
        max_length=500,
        widget=forms.TextInput(attrs=_TEKST),
    )


class EindeFormulier(forms.Form):
    eind_reden = forms.ChoiceField(
        label=_("Reden van beëindigen"),
        choices=[("", _("Kies een reden"))] + EindReden.choices,
        widget=forms.Select(attrs=_SELECT),
    )
    eind_toelichting = forms.CharField(
        label=_("Toelichting"), required=False, max_length=300, widget=forms.TextInput(attrs=_TEKST)
    )


class AfwijzenFormulier(forms.Form):
    reden = forms.CharField(
        label=_("Waarom past het niet?"),
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs=_TEKST),
    )


class VrijwilligerStatusFormulier(forms.Form):
    naar = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=VrijwilligerStatus.choices,
        widget=forms.Select(attrs=_SELECT),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, max_length=300, widget=forms.TextInput(attrs=_TEKST)
    )


class VogFormulier(forms.Form):
    vog_datum = forms.DateField(
        label=_("Datum van de VOG"), widget=forms.DateInput(attrs={**_TEKST, "type": "date"})
    )


class ZorgsignaalFormulier(forms.Form):
    omschrijving = forms.CharField(
        label=_("Wat valt u op?"),
        max_length=2000,
        widget=forms.Textarea(attrs=_VAK),
        help_text=_("Schrijf alleen op wat nodig is. Het signaal gaat naar de professional."),
    )
    spoed = forms.BooleanField(label=_("Het is dringend"), required=False)


class AanmeldFormulier(forms.Form):
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Gebied.objects.gemeenten().order_by("naam"),
        empty_label=_("Kies uw gemeente"),
        widget=forms.Select(attrs=_SELECT),
    )
    voornaam = forms.CharField(
        label=_("Voornaam"),
        max_length=100,
        widget=forms.TextInput(attrs={**_TEKST, "autocomplete": "given-name"}),
    )
    achternaam = forms.CharField(
        label=_("Achternaam"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={**_TEKST, "autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("E-mailadres"), widget=forms.EmailInput(attrs={**_TEKST, "autocomplete": "email"})
    )
    telefoon = forms.CharField(
        label=_("Telefoonnummer"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={**_TEKST, "autocomplete": "tel", "type": "tel"}),
    )
    buurt = forms.ChoiceField(
        label=_("Uw buurt"),
        required=False,
        widget=forms.Select(attrs=_SELECT),
        help_text=_("Weet u het niet? Laat het open; de coördinator vraagt het."),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=7,
        widget=forms.TextInput(attrs={**_TEKST, "autocomplete": "postal-code"}),
        help_text=_("Zo zoeken we iemand bij u in de buurt."),
    )
    soorten = forms.MultipleChoiceField(
        label=_("Wat wilt u doen?"), choices=Soort.choices, widget=forms.CheckboxSelectMultiple
    )
    dagen = _dagen_veld(_("Op welke dagen kunt u?"), required=True)
    motivatie = forms.CharField(
        label=_("Wilt u nog iets vertellen?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs=_VAK),
    )
    toestemming = forms.BooleanField(
        label=_(
            "Ik geef toestemming om mijn gegevens te gebruiken om mij te koppelen aan een "
            "buurtgenoot. Ik kan dit altijd weer intrekken."
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].label_from_instance = lambda g: g.naam
        keuzes = {}
        for b in (
            Gebied.objects.buurten().select_related("gemeente").order_by("gemeente__naam", "naam")
        ):
            keuzes.setdefault(b.gemeente.naam, []).append((str(b.pk), b.naam))
        self.fields["buurt"].choices = [("", _("Weet ik niet"))] + list(keuzes.items())

    def clean(self):
        data = super().clean()
        buurt, gemeente = data.get("buurt"), data.get("gemeente")
        if buurt and gemeente and not Gebied.objects.filter(pk=buurt, gemeente=gemeente).exists():
            self.add_error("buurt", _("Deze buurt ligt niet in de gekozen gemeente."))
        return data

    def clean_postcode(self):
        from socialebasis.personen.models import valideer_postcode

        waarde = self.cleaned_data["postcode"].strip().upper()
        valideer_postcode(waarde)
        return waarde


class AanbodFormulier(forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort hulp"), choices=Soort.choices, widget=forms.Select(attrs=_SELECT)
    )
    capaciteit = forms.IntegerField(
        label=_("Voor hoeveel inwoners tegelijk"),
        min_value=0,
        max_value=20,
        initial=1,
        widget=forms.NumberInput(attrs=_TEKST),
    )
    dagen = _dagen_veld(_("Op welke dagen"), required=True)
    tijden = forms.CharField(
        label=_("Tijden"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs=_TEKST),
        help_text=_("Bijvoorbeeld: 's middags, of na 17.00 uur."),
    )
    straal_m = forms.IntegerField(
        label=_("Hoe ver wilt u gaan (in meters)"),
        min_value=100,
        max_value=50000,
        initial=2000,
        widget=forms.NumberInput(attrs=_TEKST),
    )
    kan_bezorgen = forms.BooleanField(label=_("Ik kan maaltijden bezorgen"), required=False)
    dieten = forms.MultipleChoiceField(
        label=_("Welke diëten kunt u koken"),
        choices=Dieet.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class VacatureFormulier(forms.Form):
    titel = forms.CharField(label=_("Titel"), max_length=150, widget=forms.TextInput(attrs=_TEKST))
    soort = forms.ChoiceField(
        label=_("Soort hulp"), choices=Soort.choices, widget=forms.Select(attrs=_SELECT)
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"), max_length=2000, widget=forms.Textarea(attrs=_VAK)
    )


class ProfielFormulier(forms.Form):
    talen = forms.MultipleChoiceField(
        label=_("Talen die de vrijwilliger spreekt"),
        choices=Taal.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    huisdieren_geen_bezwaar = forms.BooleanField(
        label=_("Geen bezwaar tegen huisdieren bij de inwoner thuis"), required=False
    )
    buurt = forms.ModelChoiceField(
        label=_("Buurt waar de vrijwilliger woont"),
        queryset=Gebied.objects.none(),
        required=False,
        empty_label=_("Niet wijzigen"),
        widget=forms.Select(attrs=_SELECT),
        help_text=_("Nodig om de afstand tot inwoners te bepalen."),
    )

    def __init__(self, *args, gemeente_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buurt"].queryset = Gebied.objects.buurten().filter(gemeente_id=gemeente_id)
        self.fields["buurt"].label_from_instance = lambda g: g.naam


class EigenHulpvraagFormulier(forms.Form):
    """What a resident fills in themself: plain words, large targets, few fields. Urgency and
    vulnerability are decided by the coördinator after a conversation."""

    organisatie = forms.ModelChoiceField(
        label=_("Wie zoekt de vrijwilliger voor u?"),
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        help_text=_("Deze organisatie werkt in uw gemeente. Een coördinator belt u daarna."),
    )
    soort = forms.ChoiceField(
        label=_("Waarbij wilt u hulp?"), choices=Soort.choices, widget=forms.RadioSelect
    )
    frequentie = forms.ChoiceField(
        label=_("Hoe vaak?"), choices=Frequentie.choices, widget=forms.RadioSelect
    )
    dagen = _dagen_veld(_("Op welke dagen kan het?"))
    dieten = forms.MultipleChoiceField(
        label=_("Eet u volgens een dieet?"),
        choices=Dieet.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alleen nodig bij hulp met maaltijden."),
    )
    allergieen = forms.CharField(
        label=_("Heeft u een allergie?"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs=_TEKST),
        help_text=_("Bijvoorbeeld: noten of vis."),
    )
    talen = forms.MultipleChoiceField(
        label=_("Welke taal spreekt u het liefst?"),
        choices=Taal.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    levering = forms.ChoiceField(
        label=_("Haalt u het eten op, of wordt het gebracht?"),
        choices=[
            (Levering.NVT, _("Dat geldt niet voor mij")),
            (Levering.BEZORGEN, _("Graag brengen")),
            (Levering.OPHALEN, _("Ik haal het zelf op")),
        ],
        initial=Levering.NVT,
        widget=forms.RadioSelect,
    )
    huisdieren = forms.BooleanField(label=_("Ik heb een huisdier"), required=False)
    voorkeuren = forms.CharField(
        label=_("Wat moet de vrijwilliger nog weten?"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={**_VAK, "rows": 3}),
        help_text=_("Bijvoorbeeld: liefst een vrouw, of liever in de ochtend."),
    )
    toestemming_koppelen = forms.BooleanField(
        label=_("Ja, ik geef toestemming om een vrijwilliger voor mij te zoeken."),
        help_text=_(
            "De coördinator van de organisatie die u kiest, ziet dan uw naam, adres, "
            "telefoonnummer, e-mailadres, buurt en wat u hier invult. Een vrijwilliger ziet eerst "
            "alleen uw voornaam, uw buurt en wat u vraagt; uw adres pas als hij of zij ja zegt. "
            "U kunt uw toestemming altijd intrekken op de pagina Mijn gegevens."
        ),
        error_messages={
            "required": _("Zonder uw toestemming kan de coördinator geen vrijwilliger zoeken.")
        },
    )

    def __init__(self, *args, organisaties=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = organisaties
        if organisaties is not None and len(organisaties) == 1:
            self.fields["organisatie"].initial = organisaties[0].pk


class RondeAfwijzenFormulier(forms.Form):
    reden = forms.CharField(required=False, max_length=300)


class BeoordelingFormulier(forms.Form):
    urgentie = forms.TypedChoiceField(
        label=_("Urgentie"),
        choices=Urgentie.choices,
        coerce=int,
        widget=forms.Select(attrs=_SELECT),
    )
    kwetsbaar = forms.BooleanField(
        label=_("Kwetsbare inwoner: alleen een vrijwilliger met een geldige VOG"), required=False
    )
