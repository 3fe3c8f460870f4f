"""A resident (Persoon) with the least data that serves the purpose, and consent records.

What we keep and why (DOMAIN.md §5, doelbinding): name to address the person; one way to reach
them; an address (postcode + house number) to find help nearby; the buurt for the local network.
Year of birth only where a purpose needs it (e.g. an age-bound activity); no date of birth,
no BSN, no health data in this record.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum.nl import postcode as nl_postcode


def valideer_postcode(value: str) -> None:
    try:
        nl_postcode.validate(value)
    except Exception:
        raise ValidationError(
            _("%(value)s is geen geldige Nederlandse postcode (bijvoorbeeld 3511 AB)."),
            params={"value": value},
        ) from None


def valideer_geboortejaar(value: int) -> None:
    jaar = timezone.now().year
    if not (jaar - 120 <= value <= jaar):
        raise ValidationError(
            _("Geboortejaar %(value)s kan niet kloppen: kies een jaar tussen %(min)s en %(max)s."),
            params={"value": value, "min": jaar - 120, "max": jaar},
        )


class Persoon(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(
        "gebieden.Gebied",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"niveau": "gemeente"},
        verbose_name=_("gemeente"),
    )
    voornaam = models.CharField(_("voornaam"), max_length=100)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=100, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    straat = models.CharField(_("straat"), max_length=120, blank=True)
    huisnummer = models.CharField(_("huisnummer"), max_length=12, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=7, blank=True, validators=[valideer_postcode]
    )
    woonplaats = models.CharField(_("woonplaats"), max_length=80, blank=True)
    buurt = models.ForeignKey(
        "gebieden.Gebied",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"niveau": "buurt"},
        verbose_name=_("buurt"),
    )
    geboortejaar = models.PositiveSmallIntegerField(
        _("geboortejaar"),
        null=True,
        blank=True,
        validators=[valideer_geboortejaar],
        help_text=_("Alleen invullen als het nodig is voor de hulp of activiteit."),
    )
    team = models.ForeignKey(
        "accounts.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="personen",
        verbose_name=_("verantwoordelijk team"),
    )
    account = models.OneToOneField(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="persoon",
        verbose_name=_("eigen account"),
    )
    is_demo = models.BooleanField(default=False, editable=False)
    aangemaakt = models.DateTimeField(auto_now_add=True)
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["achternaam", "voornaam", "id"]
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        indexes = [models.Index(fields=["gemeente", "team"])]

    def __str__(self) -> str:
        return self.volledige_naam

    @property
    def volledige_naam(self) -> str:
        return " ".join(p for p in [self.voornaam, self.tussenvoegsel, self.achternaam] if p)

    def audit_betrokkene(self) -> tuple[str, str]:
        return "persoon", str(self.uuid)

    def clean(self):
        if self.postcode:
            self.postcode = nl_postcode.compact(self.postcode)
            self.postcode = f"{self.postcode[:4]} {self.postcode[4:]}"
        if self.team_id and self.team.gemeente_id != self.gemeente_id:
            raise ValidationError({"team": _("Dit team hoort bij een andere gemeente.")})
        if self.buurt_id and self.buurt.gemeente_id != self.gemeente_id:
            raise ValidationError(
                {"buurt": _("Deze buurt ligt niet in de gemeente van de persoon.")}
            )


class Doel(models.TextChoices):
    KOPPELEN = "koppelen", _("Koppelen aan een vrijwilliger")
    NETWERK = "netwerk", _("Persoonlijk netwerk in kaart brengen")
    CONTACT = "contact", _("Contact opnemen over activiteiten in de buurt")
    DELEN_AANBIEDER = "delen_aanbieder", _("Gegevens delen met een aanbieder bij een verwijzing")


class ToestemmingBron(models.TextChoices):
    """How a consent was given: recorded by staff, by the resident themself (logged in), or on
    a public form without an account (then nobody 'recorded' it: `vastgelegd_door` is empty)."""

    MEDEWERKER = "medewerker", _("vastgelegd door een medewerker")
    INWONER = "inwoner", _("door de inwoner zelf gegeven")
    AANMELDFORMULIER = "aanmeldformulier", _("gegeven op het aanmeldformulier")


class Toestemming(models.Model):
    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="toestemmingen")
    doel = models.CharField(_("doel"), max_length=30, choices=Doel.choices)
    gegeven_op = models.DateField(_("gegeven op"), default=timezone.localdate)
    bron = models.CharField(
        _("hoe gegeven"),
        max_length=20,
        choices=ToestemmingBron.choices,
        default=ToestemmingBron.MEDEWERKER,
    )
    vastgelegd_door = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
        help_text=_("Leeg als de toestemming op een openbaar formulier is gegeven."),
    )
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)
    ingetrokken_op = models.DateField(_("ingetrokken op"), null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-gegeven_op", "-id"]
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        constraints = [
            # Only a consent given on a public form has nobody who recorded it.
            models.CheckConstraint(
                condition=models.Q(bron="aanmeldformulier")
                | models.Q(vastgelegd_door__isnull=False),
                name="toestemming_vastgelegd_door_behalve_formulier",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_doel_display()} ({self.gegeven_op})"

    @property
    def actief(self) -> bool:
        return self.ingetrokken_op is None
