"""Sociale kaart: the directory of the social base, aligned with HSDS 3.0 (Open Referral).

HSDS object → model: organization → Organisatie, service → Dienst, location → Locatie,
service_at_location → DienstOpLocatie, address → Adres, phone → Telefoon, contact → Contact,
schedule → Rooster (+ Uitzondering), taxonomy → Taxonomie, taxonomy_term → Term. Ids are UUIDs
and are the HSDS ids. Fields HSDS has and we do not model are kept in `hsds_extra` so an import
followed by an export loses nothing.

Our Dutch profile adds: laag, doelgroepen, kosten, Wmo-type, toegankelijkheid, talen, buurt/wijk,
gemeente (tenant for upkeep), simple weekly schedules with exceptions, confidential locations and
English name/description.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Laag(models.TextChoices):
    GEMEENSCHAPPELIJK = "gemeenschappelijk", _("gemeenschappelijk (van en voor bewoners)")
    INSTITUTIONEEL = "institutioneel", _("institutioneel (organisaties)")


class Doelgroep(models.TextChoices):
    KINDEREN = "kinderen", _("kinderen")
    JONGEREN = "jongeren", _("jongeren")
    OUDERS = "ouders", _("ouders")
    VOLWASSENEN = "volwassenen", _("volwassenen")
    OUDEREN = "ouderen", _("ouderen")
    MANTELZORGERS = "mantelzorgers", _("mantelzorgers")
    NIEUWKOMERS = "nieuwkomers", _("nieuwkomers")
    BEPERKING = "beperking", _("mensen met een beperking")


class Kosten(models.TextChoices):
    GRATIS = "gratis", _("gratis")
    KLEINE_BIJDRAGE = "kleine_bijdrage", _("kleine bijdrage")
    BEDRAG = "bedrag", _("betaald")


class WmoType(models.TextChoices):
    ALGEMEEN = "algemene_voorziening", _("algemene voorziening")
    VOORLIGGEND = "voorliggend", _("voorliggende voorziening")
    GEEN = "", _("niet van toepassing")


class Toegankelijkheid(models.TextChoices):
    ROLSTOEL = "rolstoeltoegankelijk", _("rolstoeltoegankelijk")
    INVALIDENTOILET = "invalidentoilet", _("toilet voor mensen met een beperking")
    RINGLEIDING = "ringleiding", _("ringleiding")
    PRIKKELARM = "prikkelarm", _("prikkelarm")
    GELIJKVLOERS = "gelijkvloers", _("gelijkvloers of met lift")


class Publicatie(models.TextChoices):
    CONCEPT = "concept", _("concept")
    GEPUBLICEERD = "gepubliceerd", _("gepubliceerd")


class Status(models.TextChoices):
    """HSDS service.status."""

    ACTIVE = "active", _("actief")
    INACTIVE = "inactive", _("gestopt")
    DEFUNCT = "defunct", _("opgeheven")
    TEMPORARILY_CLOSED = "temporarily closed", _("tijdelijk gesloten")


TALEN = {
    "nl": "Nederlands",
    "en": "Engels",
    "ar": "Arabisch",
    "tr": "Turks",
    "ti": "Tigrinya",
    "pl": "Pools",
    "uk": "Oekraïens",
    "zgh": "Tamazight",
    "es": "Spaans",
    "pap": "Papiaments",
}


class Meertalig:
    """`naam`/`beschrijving` in the active language, falling back to Dutch."""

    def _taal(self, veld: str) -> str:
        if (get_language() or "nl").startswith("en"):
            waarde = getattr(self, f"{veld}_en", "")
            if waarde:
                return waarde
        return getattr(self, veld)

    @property
    def naam_vertaald(self) -> str:
        return self._taal("naam")

    @property
    def beschrijving_vertaald(self) -> str:
        return self._taal("beschrijving")


class Organisatie(models.Model):
    """HSDS organization. May be linked to the platform's own Organisatie (for upkeep)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    naam = models.CharField(_("naam"), max_length=250)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), blank=True, max_length=500)
    organisatie = models.ForeignKey(
        "accounts.Organisatie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kaart_organisaties",
        verbose_name=_("organisatie op het platform"),
    )
    gemeente = models.ForeignKey(
        "gebieden.Gebied",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    is_demo = models.BooleanField(default=False)
    gewijzigd_op = models.DateTimeField(default=timezone.now, db_index=True)
    hsds_extra = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("organisatie (sociale kaart)")
        verbose_name_plural = _("organisaties (sociale kaart)")

    def __str__(self) -> str:
        return self.naam


class Taxonomie(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    naam = models.CharField(_("naam"), max_length=250)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    uri = models.URLField(blank=True, max_length=500)
    versie = models.CharField(max_length=50, blank=True)
    gewijzigd_op = models.DateTimeField(default=timezone.now)
    hsds_extra = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("taxonomie")
        verbose_name_plural = _("taxonomieën")

    def __str__(self) -> str:
        return self.naam


class Term(Meertalig, models.Model):
    """HSDS taxonomy_term: a category of the social base."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomie = models.ForeignKey(
        Taxonomie, on_delete=models.CASCADE, null=True, blank=True, related_name="termen"
    )
    code = models.CharField(_("code"), max_length=100, blank=True, db_index=True)
    naam = models.CharField(_("naam"), max_length=250)
    naam_en = models.CharField(_("naam (Engels)"), max_length=250, blank=True)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    beschrijving_en = models.TextField(_("beschrijving (Engels)"), blank=True)
    ouder = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="kinderen"
    )
    volgorde = models.PositiveSmallIntegerField(default=0)
    gewijzigd_op = models.DateTimeField(default=timezone.now)
    hsds_extra = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")

    def __str__(self) -> str:
        return self.naam


class Zoekwoord(models.Model):
    """Thesaurus: a word residents use ("eenzaam") pointing to categories ("ontmoeting").

    Words without a gemeente are the national list (seeded; changed by a platform beheerder);
    a gemeente's beheerder adds words of their own. All words help every search: a word only
    adds places to look, it never hides anything.
    """

    woord = models.CharField(_("woord of zinsdeel"), max_length=100)
    gemeente = models.ForeignKey(
        "gebieden.Gebied",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    termen = models.ManyToManyField(Term, related_name="zoekwoorden", verbose_name=_("categorieën"))

    class Meta:
        ordering = ["woord"]
        constraints = [
            models.UniqueConstraint(
                fields=["woord"],
                condition=models.Q(gemeente__isnull=True),
                name="kaart_zoekwoord_landelijk_uniek",
            ),
            models.UniqueConstraint(
                fields=["woord", "gemeente"], name="kaart_zoekwoord_gemeente_uniek"
            ),
        ]
        verbose_name = _("zoekwoord")
        verbose_name_plural = _("zoekwoorden")

    def __str__(self) -> str:
        return self.woord


class Locatie(models.Model):
    """HSDS location. A confidential location never shows its address or point, only its wijk."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, null=True, blank=True, related_name="locaties"
    )
    naam = models.CharField(_("naam"), max_length=250, blank=True)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    soort = models.CharField(max_length=20, default="physical")  # HSDS location_type
    lat = models.FloatField(_("breedtegraad"), null=True, blank=True)
    lon = models.FloatField(_("lengtegraad"), null=True, blank=True)
    vertrouwelijk = models.BooleanField(
        _("vertrouwelijk adres"),
        default=False,
        help_text=_("Het adres wordt nooit openbaar getoond, alleen de wijk."),
    )
    buurt = models.ForeignKey(
        "gebieden.Gebied",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("buurt"),
    )
    wijk = models.ForeignKey(
        "gebieden.Gebied",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wijk"),
    )
    toegankelijkheid = models.JSONField(_("toegankelijkheid"), default=list, blank=True)
    gewijzigd_op = models.DateTimeField(default=timezone.now)
    hsds_extra = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def __str__(self) -> str:
        return self.naam or str(self.id)

    @property
    def openbaar_punt(self) -> tuple[float, float] | None:
        """(lat, lon) to show publicly: the wijk's point for a confidential location."""
        if self.vertrouwelijk:
            gebied = self.wijk or self.buurt
            if gebied and gebied.punt_lat is not None:
                return gebied.punt_lat, gebied.punt_lon
            return None
        if self.lat is None:
            return None
        return self.lat, self.lon


class Adres(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    locatie = models.ForeignKey(Locatie, on_delete=models.CASCADE, related_name="adressen")
    straat = models.CharField(_("straat en huisnummer"), max_length=250)
    toevoeging = models.CharField(_("toevoeging"), max_length=250, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    plaats = models.CharField(_("plaats"), max_length=100)
    provincie = models.CharField(_("provincie"), max_length=100, blank=True)
    land = models.CharField(_("land"), max_length=2, default="NL")
    soort = models.CharField(max_length=20, default="physical")
    hsds_extra = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("adres")
        verbose_name_plural = _("adressen")

    def __str__(self) -> str:
        return f"{self.straat}, {self.plaats}"


class Dienst(Meertalig, models.Model):
    """HSDS service: an activity or service of the social base."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, null=True, blank=True, related_name="diensten"
    )
    naam = models.CharField(_("naam"), max_length=250)
    naam_en = models.CharField(_("naam (Engels)"), max_length=250, blank=True)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    beschrijving_en = models.TextField(_("beschrijving (Engels)"), blank=True)
    url = models.URLField(_("website"), blank=True, max_length=500)
    email = models.EmailField(_("e-mailadres"), blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    aanmelden = models.TextField(_("hoe meldt u zich aan?"), blank=True)
    laag = models.CharField(
        _("soort aanbod"), max_length=20, choices=Laag.choices, default=Laag.GEMEENSCHAPPELIJK
    )
    doelgroepen = models.JSONField(_("voor wie"), default=list, blank=True)
    kosten = models.CharField(_("kosten"), max_length=20, choices=Kosten.choices, blank=True)
    kosten_bedrag = models.DecimalField(
        _("bedrag (euro)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    kosten_toelichting = models.CharField(_("toelichting kosten"), max_length=250, blank=True)
    wmo_type = models.CharField(
        _("Wmo"), max_length=30, choices=WmoType.choices, blank=True, default=""
    )
    talen = models.JSONField(_("talen"), default=list, blank=True)
    termen = models.ManyToManyField(
        Term, blank=True, related_name="diensten", verbose_name=_("categorieën")
    )
    locaties = models.ManyToManyField(
        Locatie, through="DienstOpLocatie", blank=True, related_name="diensten"
    )
    gemeente = models.ForeignKey(
        "gebieden.Gebied",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    # Public point of the main location (the wijk's point for a confidential one), kept by
    # services.punt_bijwerken: used for the distance sort and the map.
    punt_lat = models.FloatField(null=True, blank=True, editable=False)
    punt_lon = models.FloatField(null=True, blank=True, editable=False)
    # Wijk and buurt of the main location (buurt left empty for a confidential one), kept by
    # services.punt_bijwerken: the area filter of the search uses these indexed columns.
    wijk = models.ForeignKey(
        "gebieden.Gebied",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    buurt = models.ForeignKey(
        "gebieden.Gebied",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    publicatie = models.CharField(
        _("publicatie"),
        max_length=20,
        choices=Publicatie.choices,
        default=Publicatie.CONCEPT,
        db_index=True,
    )
    laatst_gecontroleerd = models.DateField(_("laatst gecontroleerd"), null=True, blank=True)
    herinnerd_op = models.DateField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)
    gewijzigd_op = models.DateTimeField(default=timezone.now, db_index=True)
    hsds_extra = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("activiteit of dienst")
        verbose_name_plural = _("activiteiten en diensten")
        indexes = [models.Index(fields=["gemeente", "publicatie"])]

    def __str__(self) -> str:
        return self.naam

    @property
    def verouderd(self) -> bool:
        """Not checked for 12 months: flagged and its owner is reminded."""
        if self.laatst_gecontroleerd is None:
            return True
        return self.laatst_gecontroleerd < timezone.localdate() - dt.timedelta(days=365)

    def volgende_keer(self, now: dt.datetime | None = None):
        """Next occurrence (Moment) over all schedules, or None."""
        from socialebasis.kaart.rooster import volgende

        return volgende(list(self.roosters.all()), now or timezone.now())

    @property
    def doelgroepen_labels(self) -> list[str]:
        labels = dict(Doelgroep.choices)
        return [str(labels.get(d, d)) for d in self.doelgroepen]

    @property
    def talen_labels(self) -> list[str]:
        return [TALEN.get(t, t) for t in self.talen]


class DienstOpLocatie(models.Model):
    """HSDS service_at_location."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dienst = models.ForeignKey(Dienst, on_delete=models.CASCADE, related_name="op_locaties")
    locatie = models.ForeignKey(Locatie, on_delete=models.CASCADE, related_name="op_locaties")
    beschrijving = models.TextField(blank=True)
    hsds_extra = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("activiteit op locatie")
        verbose_name_plural = _("activiteiten op locatie")
        constraints = [
            models.UniqueConstraint(fields=["dienst", "locatie"], name="kaart_dienst_locatie_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.dienst_id} @ {self.locatie_id}"


class Telefoon(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dienst = models.ForeignKey(
        Dienst, on_delete=models.CASCADE, null=True, blank=True, related_name="telefoons"
    )
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, null=True, blank=True, related_name="telefoons"
    )
    locatie = models.ForeignKey(
        Locatie, on_delete=models.CASCADE, null=True, blank=True, related_name="telefoons"
    )
    nummer = models.CharField(_("telefoonnummer"), max_length=50)
    beschrijving = models.CharField(_("toelichting"), max_length=250, blank=True)
    hsds_extra = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("telefoonnummer")
        verbose_name_plural = _("telefoonnummers")

    def __str__(self) -> str:
        return self.nummer


class Contact(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dienst = models.ForeignKey(
        Dienst, on_delete=models.CASCADE, null=True, blank=True, related_name="contacten"
    )
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, null=True, blank=True, related_name="contacten"
    )
    naam = models.CharField(_("naam"), max_length=250, blank=True)
    functie = models.CharField(_("functie"), max_length=250, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    hsds_extra = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")

    def __str__(self) -> str:
        return self.naam or self.email


class Weekdag(models.IntegerChoices):
    MAANDAG = 0, _("maandag")
    DINSDAG = 1, _("dinsdag")
    WOENSDAG = 2, _("woensdag")
    DONDERDAG = 3, _("donderdag")
    VRIJDAG = 4, _("vrijdag")
    ZATERDAG = 5, _("zaterdag")
    ZONDAG = 6, _("zondag")


class Rooster(models.Model):
    """When it happens: every week on `weekdag`, or once on `datum`. Simpler than an RRULE."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dienst = models.ForeignKey(Dienst, on_delete=models.CASCADE, related_name="roosters")
    locatie = models.ForeignKey(
        Locatie, on_delete=models.SET_NULL, null=True, blank=True, related_name="roosters"
    )
    weekdag = models.PositiveSmallIntegerField(
        _("elke week op"), choices=Weekdag.choices, null=True, blank=True
    )
    datum = models.DateField(_("eenmalig op"), null=True, blank=True)
    begintijd = models.TimeField(_("van"), null=True, blank=True)
    eindtijd = models.TimeField(_("tot"), null=True, blank=True)
    geldig_vanaf = models.DateField(_("vanaf"), null=True, blank=True)
    geldig_tot = models.DateField(_("tot en met"), null=True, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=250, blank=True)
    hsds_extra = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["weekdag", "datum", "begintijd"]
        verbose_name = _("rooster")
        verbose_name_plural = _("roosters")

    def __str__(self) -> str:
        return self.toelichting or str(self.id)


class Uitzondering(models.Model):
    """One occurrence that does not happen (holiday) or happens at another date or time."""

    rooster = models.ForeignKey(Rooster, on_delete=models.CASCADE, related_name="uitzonderingen")
    datum = models.DateField(_("datum"))
    vervalt = models.BooleanField(_("gaat niet door"), default=True)
    nieuwe_datum = models.DateField(_("verplaatst naar"), null=True, blank=True)
    nieuwe_begintijd = models.TimeField(_("nieuwe begintijd"), null=True, blank=True)
    reden = models.CharField(_("reden"), max_length=250, blank=True)

    class Meta:
        ordering = ["datum"]
        verbose_name = _("uitzondering")
        verbose_name_plural = _("uitzonderingen")
        constraints = [
            models.UniqueConstraint(fields=["rooster", "datum"], name="kaart_uitzondering_uniek")
        ]

    def __str__(self) -> str:
        return str(self.datum)


class Wijziging(models.Model):
    """Change history of an entry (like HSDS metadata): who, when, which field, old and new."""

    dienst = models.ForeignKey(Dienst, on_delete=models.CASCADE, related_name="wijzigingen")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    op = models.DateTimeField(default=timezone.now)
    soort = models.CharField(max_length=20)  # HSDS metadata.last_action_type
    veld = models.CharField(max_length=100, blank=True)
    oud = models.TextField(blank=True)
    nieuw = models.TextField(blank=True)

    class Meta:
        ordering = ["-op", "-id"]
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")

    def __str__(self) -> str:
        return f"{self.soort} {self.veld}"
