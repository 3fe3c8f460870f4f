"""Persoonlijk netwerk: network members, snapshots, questionnaires and the netwerkplan.

Everything here belongs to one resident (Persoon); access follows access to that resident
(``netwerk/toegang.py``). Third parties in the network are recorded minimally: a name or alias,
how they relate to the resident and what support goes back and forth. No contact details.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from socialebasis.netwerk import ecogram
from socialebasis.netwerk.instrumenten import INSTRUMENTEN


class Groep(models.TextChoices):
    HUISHOUDEN = "huishouden", _("huishouden en gezin")
    FAMILIE = "familie", _("familie")
    VRIENDEN = "vrienden", _("vrienden")
    BUREN = "buren", _("buren")
    KENNISSEN = "kennissen", _("kennissen (collega's, club)")
    VRIJWILLIGERS = "vrijwilligers", _("vrijwilligers en maatjes")
    PROFESSIONALS = "professionals", _("professionals")


class Ring(models.IntegerChoices):
    DICHTBIJ = 1, _("dichtbij")
    MIDDEN = 2, _("midden")
    VERDER = 3, _("verder")


class Contact(models.TextChoices):
    DAGELIJKS = "dagelijks", _("dagelijks")
    WEKELIJKS = "wekelijks", _("wekelijks")
    MAANDELIJKS = "maandelijks", _("maandelijks")
    MINDER = "minder", _("minder dan maandelijks")


class Afstand(models.TextChoices):
    ZELFDE_HUIS = "zelfde_huis", _("woont in hetzelfde huis")
    ZELFDE_BUURT = "zelfde_buurt", _("woont in dezelfde buurt")
    ZELFDE_PLAATS = "zelfde_plaats", _("woont in dezelfde plaats")
    VERDER = "verder", _("woont verder weg")


STEUN_LETTERS = "PGAE"

assert set(Groep.values) == set(ecogram.GROEPEN)
assert set(Contact.values) == set(ecogram.CONTACT)


def _steun_validator(value: str) -> None:
    from django.core.exceptions import ValidationError

    if any(c not in STEUN_LETTERS for c in value) or len(set(value)) != len(value):
        raise ValidationError(_("Gebruik alleen de letters P, G, A en E, elk één keer."))


def steun_normaal(letters) -> str:
    """'ep', ['E', 'P'] -> 'PE' (fixed order P, G, A, E). Unknown letters raise ValueError."""
    chosen = {str(c).strip().upper() for c in (letters or "") if str(c).strip(" ,;")}
    onbekend = sorted(chosen - set(STEUN_LETTERS))
    if onbekend:
        raise ValueError(f"Onbekende soort steun: {', '.join(onbekend)}. Kies uit P, G, A en E.")
    return "".join(c for c in STEUN_LETTERS if c in chosen)


class Netwerklid(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    persoon = models.ForeignKey(
        "personen.Persoon", on_delete=models.CASCADE, related_name="netwerkleden"
    )
    naam = models.CharField(
        _("naam of bijnaam"),
        max_length=80,
        help_text=_("Een voornaam of bijnaam is genoeg. Noteer geen adres of telefoonnummer."),
    )
    groep = models.CharField(_("groep"), max_length=20, choices=Groep.choices)
    ring = models.PositiveSmallIntegerField(
        _("hoe dichtbij"), choices=Ring.choices, default=Ring.MIDDEN
    )
    contact = models.CharField(
        _("hoe vaak contact"), max_length=20, choices=Contact.choices, blank=True
    )
    afstand = models.CharField(
        _("waar woont deze persoon"), max_length=20, choices=Afstand.choices, blank=True
    )
    steun_aan = models.CharField(
        _("steun die deze persoon geeft"),
        max_length=4,
        blank=True,
        validators=[_steun_validator],
        help_text=_("P praktisch, G gezelschap, A advies, E emotioneel."),
    )
    steun_van = models.CharField(
        _("steun die deze persoon krijgt"),
        max_length=4,
        blank=True,
        validators=[_steun_validator],
    )
    mantelzorger = models.BooleanField(_("is mantelzorger"), default=False)
    uren_per_week = models.DecimalField(
        _("uren mantelzorg per week"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(168)],
    )
    notitie = models.CharField(_("notitie"), max_length=300, blank=True)
    aangemaakt = models.DateTimeField(auto_now_add=True)
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["persoon", "groep", "ring", "naam", "id"]
        verbose_name = _("netwerklid")
        verbose_name_plural = _("netwerkleden")

    def __str__(self) -> str:
        return self.naam

    def als_ecogram(self) -> ecogram.Netwerklid:
        return ecogram.Netwerklid(
            id=str(self.uuid),
            naam=self.naam,
            groep=self.groep,
            ring=self.ring,
            contact=self.contact or None,
            steun_aan_bewoner=self.steun_aan,
            steun_van_bewoner=self.steun_van,
            mantelzorger=self.mantelzorger,
            uren_per_week=float(self.uren_per_week) if self.uren_per_week is not None else None,
        )

    def bevroren(self) -> dict:
        """The frozen copy kept in a snapshot."""
        return {
            "id": str(self.uuid),
            "naam": self.naam,
            "groep": self.groep,
            "ring": self.ring,
            "contact": self.contact,
            "afstand": self.afstand,
            "steun_aan": self.steun_aan,
            "steun_van": self.steun_van,
            "mantelzorger": self.mantelzorger,
            "uren_per_week": float(self.uren_per_week) if self.uren_per_week is not None else None,
        }


def ecogram_lid_uit(data: dict) -> ecogram.Netwerklid:
    return ecogram.Netwerklid(
        id=data["id"],
        naam=data["naam"],
        groep=data["groep"],
        ring=data["ring"],
        contact=data.get("contact") or None,
        steun_aan_bewoner=data.get("steun_aan", ""),
        steun_van_bewoner=data.get("steun_van", ""),
        mantelzorger=data.get("mantelzorger", False),
        uren_per_week=data.get("uren_per_week"),
        laag=data.get("laag", "persoonlijk"),
    )


class Momentopname(models.Model):
    """A frozen copy of the member list at one moment, to compare before and after."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    persoon = models.ForeignKey(
        "personen.Persoon", on_delete=models.CASCADE, related_name="netwerk_momentopnamen"
    )
    datum = models.DateField(_("datum"), default=timezone.localdate)
    gemaakt_door = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("gemaakt door")
    )
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)
    leden = models.JSONField(default=list, blank=True)  # an empty network is a valid start
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("momentopname")
        verbose_name_plural = _("momentopnamen")

    def __str__(self) -> str:
        return f"{self.datum}"

    def ecogram_leden(self) -> list[ecogram.Netwerklid]:
        return [ecogram_lid_uit(d) for d in self.leden]


class Wijze(models.TextChoices):
    ZELF = "zelf", _("door de inwoner zelf")
    SAMEN = "samen", _("samen met een professional")


INSTRUMENT_KEUZES = [(code, i.naam) for code, i in INSTRUMENTEN.items()]


class Vragenlijst(models.Model):
    """One administration of a validated questionnaire, with the score computed at the time."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    persoon = models.ForeignKey(
        "personen.Persoon", on_delete=models.CASCADE, related_name="vragenlijsten"
    )
    instrument = models.CharField(_("vragenlijst"), max_length=10, choices=INSTRUMENT_KEUZES)
    antwoorden = models.JSONField(_("antwoorden"), default=list)  # in item order; null = open
    totaal = models.PositiveSmallIntegerField(_("totaalscore"), null=True, blank=True)
    subschalen = models.JSONField(_("subschalen"), default=dict, blank=True)  # EDIZ has none
    subschaal_categorieen = models.JSONField(default=dict, blank=True)
    categorie = models.CharField(_("uitkomst"), max_length=20, blank=True)
    categorie_label = models.CharField(_("uitkomst in woorden"), max_length=100, blank=True)
    instellingen = models.JSONField(default=dict)  # scoring settings used at the time
    datum = models.DateField(_("datum"), default=timezone.localdate)
    wijze = models.CharField(_("ingevuld"), max_length=10, choices=Wijze.choices)
    ingevuld_door = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("ingevuld door")
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")
        indexes = [models.Index(fields=["persoon", "instrument", "datum"])]

    def __str__(self) -> str:
        return f"{self.instrument} {self.datum}"

    @property
    def naam(self) -> str:
        return INSTRUMENTEN[self.instrument].naam

    @property
    def max_totaal(self) -> int:
        return INSTRUMENTEN[self.instrument].max_totaal


class Netwerkplan(models.Model):
    """The resident's own plan, made with their network (one per resident)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    persoon = models.OneToOneField(
        "personen.Persoon", on_delete=models.CASCADE, related_name="netwerkplan"
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("netwerkplan")
        verbose_name_plural = _("netwerkplannen")

    def __str__(self) -> str:
        return f"netwerkplan {self.uuid}"


class Plandoel(models.Model):
    plan = models.ForeignKey(Netwerkplan, on_delete=models.CASCADE, related_name="doelen")
    tekst = models.TextField(
        _("doel in de eigen woorden van de inwoner"),
        max_length=500,
        help_text=_(
            "Schrijf op wat de inwoner zelf zegt, bijvoorbeeld: 'Ik wil weer eens per "
            "week iets leuks doen met iemand.'"
        ),
    )
    volgorde = models.PositiveSmallIntegerField(default=0)
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["volgorde", "id"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self) -> str:
        return self.tekst[:40]


class Eigenaar(models.TextChoices):
    INWONER = "inwoner", _("de inwoner zelf")
    NETWERKLID = "netwerklid", _("iemand uit het netwerk")
    VRIJWILLIGER = "vrijwilliger", _("een vrijwilliger")
    PROFESSIONAL = "professional", _("een professional")


class ActieStatus(models.TextChoices):
    OPEN = "open", _("nog niet begonnen")
    BEZIG = "bezig", _("bezig")
    KLAAR = "klaar", _("klaar")
    GESTOPT = "gestopt", _("gestopt")


class Planactie(models.Model):
    plan = models.ForeignKey(Netwerkplan, on_delete=models.CASCADE, related_name="acties")
    doel = models.ForeignKey(
        Plandoel,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="acties",
        verbose_name=_("bij doel"),
    )
    omschrijving = models.CharField(_("wat gaat er gebeuren"), max_length=300)
    eigenaar = models.CharField(_("wie doet het"), max_length=20, choices=Eigenaar.choices)
    netwerklid = models.ForeignKey(
        Netwerklid,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="acties",
        verbose_name=_("welk netwerklid"),
    )
    eigenaar_naam = models.CharField(
        _("naam van wie het doet"),
        max_length=80,
        blank=True,
        help_text=_("Voor een vrijwilliger of professional: een naam of functie."),
    )
    uiterlijk = models.DateField(_("klaar op"), null=True, blank=True)
    status = models.CharField(
        _("stand van zaken"), max_length=10, choices=ActieStatus.choices, default=ActieStatus.OPEN
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["uiterlijk", "id"]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")

    def __str__(self) -> str:
        return self.omschrijving[:40]

    @property
    def wie(self) -> str:
        if self.eigenaar == Eigenaar.NETWERKLID and self.netwerklid_id:
            return self.netwerklid.naam
        if self.eigenaar == Eigenaar.INWONER:
            return self.plan.persoon.voornaam
        return self.eigenaar_naam or self.get_eigenaar_display()


class Netwerkberaad(models.Model):
    """A meeting of the resident and their network: who came and what each will do."""

    plan = models.ForeignKey(Netwerkplan, on_delete=models.CASCADE, related_name="beraden")
    datum = models.DateField(_("datum"))
    afspraken = models.JSONField(default=list)  # [{"naam": ..., "doet": ...}]
    verslag = models.TextField(_("wat is er besproken"), max_length=2000, blank=True)
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("netwerkberaad")
        verbose_name_plural = _("netwerkberaden")

    def __str__(self) -> str:
        return f"netwerkberaad {self.datum}"


class Evaluatie(models.Model):
    """A review date of the plan, and afterwards what came out of it."""

    plan = models.ForeignKey(Netwerkplan, on_delete=models.CASCADE, related_name="evaluaties")
    datum = models.DateField(_("datum"))
    verslag = models.TextField(_("wat kwam eruit"), max_length=2000, blank=True)
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["datum", "id"]
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")

    def __str__(self) -> str:
        return f"evaluatie {self.datum}"


class Scoringsinstellingen(models.Model):
    """Per gemeente: thresholds the sources disagree on (see docs/instrumenten.md)."""

    gemeente = models.OneToOneField(
        "gebieden.Gebied",
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"niveau": "gemeente"},
    )
    djg11_subscale_threshold = models.PositiveSmallIntegerField(
        _("grens subschalen De Jong Gierveld (11 vragen)"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("Bronnen verschillen: 2 (RIVM 2016) of 3 (vzinfo). Standaard 2."),
    )
    lsns6_subscale_threshold = models.PositiveSmallIntegerField(
        _("grens subschalen LSNS-6"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(15)],
        help_text=_("Vaak genoemd: onder 6. Deze grens is niet bevestigd. Leeg = uit."),
    )
    ediz_signal_threshold = models.PositiveSmallIntegerField(
        _("signaalgrens EDIZ"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_("Er is geen officiële grens voor overbelasting. Leeg = uit."),
    )
    gewijzigd = models.DateTimeField(auto_now=True)
    gewijzigd_door = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("scoringsinstellingen")
        verbose_name_plural = _("scoringsinstellingen")

    def __str__(self) -> str:
        return f"scoringsinstellingen {self.gemeente_id}"
