"""Gemeenten, wijken en buurten (CBS-gebiedsindeling) en hun kerncijfers."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Niveau(models.TextChoices):
    GEMEENTE = "gemeente", _("gemeente")
    WIJK = "wijk", _("wijk")
    BUURT = "buurt", _("buurt")


CODE_PREFIX = {Niveau.GEMEENTE: "GM", Niveau.WIJK: "WK", Niveau.BUURT: "BU"}
CODE_LENGTE = {Niveau.GEMEENTE: 6, Niveau.WIJK: 8, Niveau.BUURT: 10}


class GebiedQuerySet(models.QuerySet):
    def gemeenten(self):
        return self.filter(niveau=Niveau.GEMEENTE)

    def wijken(self):
        return self.filter(niveau=Niveau.WIJK)

    def buurten(self):
        return self.filter(niveau=Niveau.BUURT)


class Gebied(models.Model):
    """One CBS area. A gemeente is also the tenant of the platform."""

    code = models.CharField(_("CBS-code"), max_length=10, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    niveau = models.CharField(_("niveau"), max_length=10, choices=Niveau.choices, db_index=True)
    gemeente = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
        help_text=_("Leeg voor een gemeente zelf."),
    )
    ouder = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kinderen",
        verbose_name=_("ligt in"),
    )
    grens = models.JSONField(_("grens (GeoJSON, WGS84)"), null=True, blank=True)
    grens_bron = models.CharField(_("bron van de grens"), max_length=200, blank=True)
    # Bounding box and a representative point, derived from `grens` when it is loaded.
    min_lon = models.FloatField(null=True, blank=True)
    min_lat = models.FloatField(null=True, blank=True)
    max_lon = models.FloatField(null=True, blank=True)
    max_lat = models.FloatField(null=True, blank=True)
    punt_lon = models.FloatField(null=True, blank=True)
    punt_lat = models.FloatField(null=True, blank=True)
    # CBS Kerncijfers wijken en buurten (newest year loaded): the most common four-digit postcode
    # of the area's addresses (pst_mvp) and its coverage class (pst_dekp, 1 = almost all addresses
    # have it, up to 5). NULL when CBS publishes '.'. Used by zoeken.plaats_bij_postcode.
    postcode_meest = models.CharField(
        _("meest voorkomende postcode (PC4)"), max_length=4, null=True, blank=True, db_index=True
    )
    postcode_dekking = models.PositiveSmallIntegerField(
        _("dekking van die postcode (klasse 1-5)"), null=True, blank=True
    )

    objects = GebiedQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        indexes = [models.Index(fields=["gemeente", "niveau"])]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"

    @property
    def tenant_id(self) -> int:
        return self.pk if self.niveau == Niveau.GEMEENTE else self.gemeente_id


class Kerncijfers(models.Model):
    """CBS Kerncijfers wijken en buurten for one area and year. Missing ('.') is NULL, never 0."""

    gebied = models.ForeignKey(Gebied, on_delete=models.CASCADE, related_name="kerncijfers")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    inwoners = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)
    leeftijd_0_14 = models.PositiveIntegerField(_("0 tot 15 jaar"), null=True, blank=True)
    leeftijd_15_24 = models.PositiveIntegerField(_("15 tot 25 jaar"), null=True, blank=True)
    leeftijd_25_44 = models.PositiveIntegerField(_("25 tot 45 jaar"), null=True, blank=True)
    leeftijd_45_64 = models.PositiveIntegerField(_("45 tot 65 jaar"), null=True, blank=True)
    leeftijd_65_plus = models.PositiveIntegerField(_("65 jaar en ouder"), null=True, blank=True)
    huishoudens = models.PositiveIntegerField(_("huishoudens"), null=True, blank=True)
    eenpersoonshuishoudens = models.PositiveIntegerField(
        _("eenpersoonshuishoudens"), null=True, blank=True
    )
    huishoudens_met_kinderen = models.PositiveIntegerField(
        _("huishoudens met kinderen"), null=True, blank=True
    )
    wmo_clienten = models.PositiveIntegerField(_("Wmo-cliënten"), null=True, blank=True)
    bron = models.CharField(_("bron"), max_length=200, default="CBS Kerncijfers wijken en buurten")

    class Meta:
        ordering = ["gebied__code", "jaar"]
        verbose_name = _("kerncijfers")
        verbose_name_plural = _("kerncijfers")
        constraints = [
            models.UniqueConstraint(fields=["gebied", "jaar"], name="kerncijfers_uniek_per_jaar")
        ]

    def __str__(self) -> str:
        return f"{self.gebied.code} {self.jaar}"

    @property
    def aandeel_65_plus(self) -> float | None:
        if self.inwoners and self.leeftijd_65_plus is not None:
            return self.leeftijd_65_plus / self.inwoners
        return None
