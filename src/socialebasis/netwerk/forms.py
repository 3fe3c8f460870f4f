"""Forms of the netwerk screens. They only validate input; the services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from socialebasis.netwerk.instrumenten import INSTRUMENTEN
from socialebasis.netwerk.models import (
    Afstand,
    Contact,
    Eigenaar,
    Groep,
    Netwerklid,
    Planactie,
    Ring,
    Scoringsinstellingen,
)

STEUN_KEUZES = [
    ("P", _("P: praktische steun (boodschappen, klusjes, vervoer)")),
    ("G", _("G: gezelschap (samen iets doen, praten)")),
    ("A", _("A: advies en informatie")),
    ("E", _("E: emotionele steun (troost, luisteren)")),
]


def _utrecht(form: forms.Form) -> None:
    """NL Design System classes on the widgets."""
    for veld in form.fields.values():
        w = veld.widget
        if isinstance(w, forms.Select) and not isinstance(w, forms.RadioSelect):
            w.attrs.setdefault("class", "utrecht-select utrecht-select--html-select")
        elif isinstance(w, forms.Textarea):
            w.attrs.setdefault("class", "utrecht-textarea utrecht-textarea--html-textarea")
        elif isinstance(w, forms.CheckboxInput):
            w.attrs.setdefault("class", "utrecht-checkbox utrecht-checkbox--html-input")
        elif isinstance(w, forms.CheckboxSelectMultiple | forms.RadioSelect):
            pass
        else:
            w.attrs.setdefault("class", "utrecht-textbox utrecht-textbox--html-input")


class LidFormulier(forms.Form):
    naam = forms.CharField(
        label=_("Naam of bijnaam"),
        max_length=80,
        help_text=_("Een voornaam of bijnaam is genoeg. Noteer geen adres of telefoonnummer."),
    )
    groep = forms.ChoiceField(label=_("Groep"), choices=Groep.choices)
    ring = forms.TypedChoiceField(
        label=_("Hoe dichtbij voelt deze persoon?"),
        choices=Ring.choices,
        coerce=int,
        initial=Ring.MIDDEN,
    )
    contact = forms.ChoiceField(
        label=_("Hoe vaak is er contact?"),
        choices=[("", _("weet ik niet"))] + list(Contact.choices),
        required=False,
    )
    afstand = forms.ChoiceField(
        label=_("Waar woont deze persoon?"),
        choices=[("", _("weet ik niet"))] + list(Afstand.choices),
        required=False,
    )
    steun_aan = forms.MultipleChoiceField(
        label=_("Wat geeft deze persoon aan de inwoner?"),
        choices=STEUN_KEUZES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    steun_van = forms.MultipleChoiceField(
        label=_("Wat geeft de inwoner aan deze persoon?"),
        choices=STEUN_KEUZES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    mantelzorger = forms.BooleanField(label=_("Deze persoon is mantelzorger"), required=False)
    uren_per_week = forms.DecimalField(
        label=_("Uren mantelzorg per week"),
        required=False,
        min_value=0,
        max_value=168,
        decimal_places=1,
        help_text=_("Alleen als deze persoon mantelzorger is."),
    )
    notitie = forms.CharField(
        label=_("Notitie"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kort en zakelijk. De inwoner kan dit lezen."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _utrecht(self)
        self.fields["naam"].widget.attrs["autocomplete"] = "off"

    @classmethod
    def van(cls, lid: Netwerklid, **kwargs):
        return cls(
            initial={
                "naam": lid.naam,
                "groep": lid.groep,
                "ring": lid.ring,
                "contact": lid.contact,
                "afstand": lid.afstand,
                "steun_aan": list(lid.steun_aan),
                "steun_van": list(lid.steun_van),
                "mantelzorger": lid.mantelzorger,
                "uren_per_week": lid.uren_per_week,
                "notitie": lid.notitie,
            },
            **kwargs,
        )

    def gegevens(self) -> dict:
        d = dict(self.cleaned_data)
        d["steun_aan"] = "".join(d["steun_aan"])
        d["steun_van"] = "".join(d["steun_van"])
        return d


class MomentopnameFormulier(forms.Form):
    toelichting = forms.CharField(
        label=_("Waarom nu een momentopname? (bijvoorbeeld: 'voor het netwerkberaad')"),
        max_length=200,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _utrecht(self)


def vragenlijst_formulier(code: str):
    """A form with one radio group per question of the instrument."""
    instrument = INSTRUMENTEN[code]
    velden = {}
    for vraag in instrument.vragen:
        velden[f"v{vraag.nummer}"] = forms.ChoiceField(
            label=f"{vraag.nummer}. {vraag.tekst}",
            choices=[(str(a.waarde), a.label) for a in instrument.antwoorden],
            widget=forms.RadioSelect,
            required=False,
        )
    velden["datum"] = forms.DateField(
        label=_("Datum van invullen"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leeg laten is vandaag."),
    )

    def antwoorden(self) -> list:
        uit = []
        for vraag in instrument.vragen:
            waarde = self.cleaned_data.get(f"v{vraag.nummer}") or None
            if waarde is not None and code == "lsns6":
                waarde = int(waarde)
            uit.append(waarde)
        return uit

    def init(self, *args, **kwargs):
        forms.Form.__init__(self, *args, **kwargs)
        _utrecht(self)

    return type(
        f"Vragenlijst_{code}",
        (forms.Form,),
        {**velden, "antwoorden": antwoorden, "__init__": init, "instrument": instrument},
    )


class DoelFormulier(forms.Form):
    use_required_attribute = False  # the server checks; no red border before anything is typed
    tekst = forms.CharField(
        label=_("Wat wil de inwoner? Schrijf het op in de eigen woorden van de inwoner."),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _utrecht(self)


class ActieFormulier(forms.ModelForm):
    class Meta:
        model = Planactie
        fields = [
            "omschrijving",
            "doel",
            "eigenaar",
            "netwerklid",
            "eigenaar_naam",
            "uiterlijk",
            "status",
        ]
        widgets = {"uiterlijk": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, persoon, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].choices = Eigenaar.choices
        self.fields["doel"].queryset = (
            plan.doelen.all() if plan else self.fields["doel"].queryset.none()
        )
        self.fields["doel"].empty_label = _("geen bepaald doel")
        self.fields["netwerklid"].queryset = persoon.netwerkleden.all()
        self.fields["netwerklid"].empty_label = _("niemand gekozen")
        self.fields["netwerklid"].help_text = _("Alleen als iemand uit het netwerk het doet.")
        _utrecht(self)

    def _post_clean(self):
        # Model validation happens in the service, in one transaction.
        pass


class BeraadFormulier(forms.Form):
    use_required_attribute = False
    datum = forms.DateField(
        label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    afspraken = forms.CharField(
        label=_("Wie waren er en wat gaat ieder doen?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Eén persoon per regel, zo: 'Ans: gaat elke dinsdag mee naar de markt'."),
    )
    verslag = forms.CharField(
        label=_("Wat is er verder besproken?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _utrecht(self)


class EvaluatieFormulier(forms.Form):
    datum = forms.DateField(
        label=_("Datum om samen terug te kijken"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _utrecht(self)


class EvaluatieWijzigenFormulier(EvaluatieFormulier):
    use_required_attribute = False
    verslag = forms.CharField(
        label=_("Wat kwam eruit?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["datum"].label = _("Datum")
        _utrecht(self)


def afspraken_als_tekst(afspraken) -> str:
    """The agreements of a netwerkberaad as the lines of the form: 'Naam: wat hij of zij doet'."""
    return "\n".join(f"{a['naam']}: {a['doet']}" if a.get("doet") else a["naam"] for a in afspraken)


class InstellingenFormulier(forms.ModelForm):
    class Meta:
        model = Scoringsinstellingen
        fields = ["djg11_subscale_threshold", "lsns6_subscale_threshold", "ediz_signal_threshold"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _utrecht(self)

    def _post_clean(self):
        pass
