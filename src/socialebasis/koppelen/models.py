"""Koppelen: volunteers and their offers, residents' requests for help, matches and concerns.

What we keep and why (doelbinding, DOMAIN.md §3 and §5): only what matching and following up a
match needs. Contact data of volunteers and residents stay in `personen.Persoon`; here we keep
what to match on (type of help, days, diet, language, distance) and how a match is going.
Coordinates are a buurt's representative point (no geocoding of home addresses).
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DAGEN = [(0, _("maandag")), (1, _("dinsdag")), (2, _("woensdag")), (3, _("donderdag"))]
DAGEN += [(4, _("vrijdag")), (5, _("zaterdag")), (6, _("zondag"))]
DAG_KORT = ("ma", "di", "wo", "do", "vr", "za", "zo")


def vog_geldig_jaren() -> int:
    """How long a VOG counts as valid here (advice: a new VOG every 3 years)."""
    return int(getattr(settings, "KOPPELEN_VOG_GELDIG_JAREN", 3))


def evaluatie_na_weken() -> int:
    return int(getattr(settings, "KOPPELEN_EVALUATIE_WEKEN", 6))


def contact_na_weken() -> int:
    """A running match without a check-in for this many weeks gets a reminder."""
    return int(getattr(settings, "KOPPELEN_CONTACT_WEKEN", 8))


def max_afstand_m() -> int:
    return int(getattr(settings, "KOPPELEN_MAX_AFSTAND_M", 5000))


class Soort(models.TextChoices):
    """Kinds of neighbourly help. Extend here (and in a migration) for a new kind."""

    MAALTIJDEN = "maaltijden", _("Maaltijden (thuiskok)")
    GEZELSCHAP = "gezelschap", _("Maatje en gezelschap")
    VERVOER = "vervoer", _("Vervoer")
    BOODSCHAPPEN = "boodschappen", _("Boodschappen")
    KLUSSEN = "klussen", _("Klussen")
    TAALMAATJE = "taalmaatje", _("Taalmaatje")
    ADMINISTRATIE = "administratie", _("Thuisadministratie")
    WANDELEN = "wandelen", _("Wandelen")
    OPVOEDSTEUN = "opvoedsteun", _("Opvoedsteun")


class Dieet(models.TextChoices):
    HALAL = "halal", _("halal")
    KOOSJER = "koosjer", _("koosjer")
    VEGETARISCH = "vegetarisch", _("vegetarisch")
    VEGANISTISCH = "veganistisch", _("veganistisch")
    ZOUTARM = "zoutarm", _("zoutarm")
    DIABETES = "diabetes", _("geschikt bij diabetes")
    GLUTENVRIJ = "glutenvrij", _("glutenvrij")
    LACTOSEVRIJ = "lactosevrij", _("lactosevrij")
    GEMALEN = "gemalen", _("gemalen of zacht")


class Taal(models.TextChoices):
    NEDERLANDS = "nl", _("Nederlands")
    ENGELS = "en", _("Engels")
    TURKS = "tr", _("Turks")
    ARABISCH = "ar", _("Arabisch")
    BERBERS = "ber", _("Berbers (Tamazight)")
    PAPIAMENTS = "pap", _("Papiaments")
    SRANAN = "srn", _("Sranantongo")
    POOLS = "pl", _("Pools")
    OEKRAIENS = "uk", _("Oekraïens")
    TIGRINYA = "ti", _("Tigrinya")


class VrijwilligerStatus(models.TextChoices):
    AANGEMELD = "aangemeld", _("aangemeld")
    INTAKE = "intake", _("intake")
    ACTIEF = "actief", _("actief")
    GEPAUZEERD = "gepauzeerd", _("gepauzeerd")
    GESTOPT = "gestopt", _("gestopt")


class KoppelingStatus(models.TextChoices):
    VOORGESTELD = "voorgesteld", _("voorgesteld")
    GEACCEPTEERD = "geaccepteerd", _("geaccepteerd")
    AFGEWEZEN = "afgewezen", _("afgewezen")
    KENNISMAKING = "kennismaking", _("kennismaking gepland")
    ACTIEF = "actief", _("actief")
    GEEVALUEERD = "geevalueerd", _("geëvalueerd")
    BEEINDIGD = "beeindigd", _("beëindigd")


# States in which a match uses the volunteer's capacity and takes the request off the list.
LOPEND = (
    KoppelingStatus.VOORGESTELD,
    KoppelingStatus.GEACCEPTEERD,
    KoppelingStatus.KENNISMAKING,
    KoppelingStatus.ACTIEF,
    KoppelingStatus.GEEVALUEERD,
)
# After acceptance the volunteer may see the resident's address.
NA_AKKOORD = (
    KoppelingStatus.GEACCEPTEERD,
    KoppelingStatus.KENNISMAKING,
    KoppelingStatus.ACTIEF,
    KoppelingStatus.GEEVALUEERD,
)


class Vrijwilliger(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Erasing a person (AVG art. 17) erases their volunteer record, requests and matches.
    persoon = models.OneToOneField(
        "personen.Persoon",
        on_delete=models.CASCADE,
        related_name="vrijwilliger",
        verbose_name=_("persoon (contactgegevens)"),
    )
    account = models.OneToOneField(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vrijwilliger",
        verbose_name=_("account"),
    )
    gemeente = models.ForeignKey(
        "gebieden.Gebied", on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente")
    )
    organisatie = models.ForeignKey(
        "accounts.Organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vrijwilligers",
        verbose_name=_("organisatie"),
        help_text=_("Leeg bij een nieuwe aanmelding: elke coördinator in de gemeente ziet die."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=VrijwilligerStatus.choices,
        default=VrijwilligerStatus.AANGEMELD,
    )
    vog_datum = models.DateField(_("datum VOG"), null=True, blank=True)
    talen = models.JSONField(_("talen"), default=list, blank=True)
    huisdieren_geen_bezwaar = models.BooleanField(
        _("geen bezwaar tegen huisdieren bij de inwoner thuis"), default=True
    )
    motivatie = models.TextField(_("wat wil de vrijwilliger doen"), blank=True, max_length=1000)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    aangemeld_op = models.DateField(_("aangemeld op"), default=timezone.localdate)
    # Consent given on the public sign-up page is a personen.Toestemming (doel 'koppelen',
    # bron 'aanmeldformulier'); migration 0002 moved the old `toestemming_op` there.

    class Meta:
        ordering = ["persoon__voornaam", "id"]
        verbose_name = _("vrijwilliger")
        verbose_name_plural = _("vrijwilligers")
        indexes = [models.Index(fields=["gemeente", "status"])]

    def __str__(self) -> str:
        return self.persoon.voornaam

    def audit_betrokkene(self) -> tuple[str, str]:
        return self.persoon.audit_betrokkene()

    @property
    def vog_geldig_tot(self):
        if not self.vog_datum:
            return None
        try:
            return self.vog_datum.replace(year=self.vog_datum.year + vog_geldig_jaren())
        except ValueError:  # 29 February
            return self.vog_datum.replace(year=self.vog_datum.year + vog_geldig_jaren(), day=28)

    def heeft_geldige_vog(self, op=None) -> bool:
        tot = self.vog_geldig_tot
        return bool(tot and (op or timezone.localdate()) < tot)


class Aanbod(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    vrijwilliger = models.ForeignKey(Vrijwilliger, on_delete=models.CASCADE, related_name="aanbod")
    soort = models.CharField(_("soort hulp"), max_length=30, choices=Soort.choices)
    capaciteit = models.PositiveSmallIntegerField(
        _("aantal inwoners per week"), default=1, help_text=_("Voor hoeveel inwoners tegelijk.")
    )
    dagen = models.JSONField(_("dagen"), default=list, blank=True)
    tijden = models.CharField(_("tijden"), max_length=100, blank=True)
    straal_m = models.PositiveIntegerField(_("afstand in meters"), default=2000)
    kan_bezorgen = models.BooleanField(_("kan bezorgen"), default=False)
    dieten = models.JSONField(_("diëten die de vrijwilliger kan koken"), default=list, blank=True)
    talen = models.JSONField(_("talen"), default=list, blank=True)
    actief = models.BooleanField(_("actief"), default=True)
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["soort", "id"]
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")

    def __str__(self) -> str:
        return self.get_soort_display()


class Vacature(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey(
        "accounts.Organisatie", on_delete=models.CASCADE, related_name="vacatures"
    )
    gemeente = models.ForeignKey("gebieden.Gebied", on_delete=models.PROTECT, related_name="+")
    titel = models.CharField(_("titel"), max_length=150)
    soort = models.CharField(_("soort hulp"), max_length=30, choices=Soort.choices)
    omschrijving = models.TextField(_("omschrijving"), max_length=2000)
    buurt = models.ForeignKey(
        "gebieden.Gebied", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    open = models.BooleanField(_("open"), default=True)
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt", "id"]
        verbose_name = _("vacature")
        verbose_name_plural = _("vacatures")

    def __str__(self) -> str:
        return self.titel


class Frequentie(models.TextChoices):
    EENMALIG = "eenmalig", _("eenmalig")
    WEKELIJKS = "wekelijks", _("één keer per week")
    TWEE_PER_WEEK = "twee_per_week", _("twee keer per week")
    TWEEWEKELIJKS = "tweewekelijks", _("één keer per twee weken")
    MAANDELIJKS = "maandelijks", _("één keer per maand")


class Levering(models.TextChoices):
    NVT = "nvt", _("niet van toepassing")
    BEZORGEN = "bezorgen", _("bezorgen")
    OPHALEN = "ophalen", _("ophalen")


class Urgentie(models.IntegerChoices):
    NORMAAL = 0, _("normaal")
    HOOG = 1, _("hoog")
    SPOED = 2, _("spoed")


class HulpvraagStatus(models.TextChoices):
    WACHTEND = "wachtend", _("op de wachtlijst")
    GEKOPPELD = "gekoppeld", _("gekoppeld")
    GESLOTEN = "gesloten", _("gesloten")


class Hulpvraag(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    persoon = models.ForeignKey(
        "personen.Persoon", on_delete=models.CASCADE, related_name="hulpvragen"
    )
    gemeente = models.ForeignKey("gebieden.Gebied", on_delete=models.PROTECT, related_name="+")
    organisatie = models.ForeignKey(
        "accounts.Organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hulpvragen",
        verbose_name=_("coördinerende organisatie"),
    )
    soort = models.CharField(_("soort hulp"), max_length=30, choices=Soort.choices)
    frequentie = models.CharField(
        _("hoe vaak"), max_length=20, choices=Frequentie.choices, default=Frequentie.WEKELIJKS
    )
    dagen = models.JSONField(_("dagen"), default=list, blank=True)
    voorkeursdagen = models.JSONField(_("voorkeursdagen"), default=list, blank=True)
    dieten = models.JSONField(_("dieet"), default=list, blank=True)
    allergieen = models.CharField(_("allergieën"), max_length=200, blank=True)
    talen = models.JSONField(_("voorkeurstaal"), default=list, blank=True)
    voorkeuren = models.CharField(_("andere wensen"), max_length=500, blank=True)
    huisdieren = models.BooleanField(_("huisdieren in huis"), default=False)
    levering = models.CharField(
        _("ophalen of bezorgen"), max_length=10, choices=Levering.choices, default=Levering.NVT
    )
    urgentie = models.PositiveSmallIntegerField(
        _("urgentie"), choices=Urgentie.choices, default=Urgentie.NORMAAL
    )
    wacht_sinds = models.DateField(_("wacht sinds"), default=timezone.localdate)
    kwetsbaar = models.BooleanField(
        _("kwetsbare inwoner (VOG verplicht)"),
        default=False,
        help_text=_("Dan komt alleen een vrijwilliger met een geldige VOG in aanmerking."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=HulpvraagStatus.choices,
        default=HulpvraagStatus.WACHTEND,
    )
    ingevoerd_door = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ingevoerd_rol = models.CharField(max_length=20, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-urgentie", "wacht_sinds", "id"]
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")
        indexes = [models.Index(fields=["gemeente", "status"])]

    def __str__(self) -> str:
        return self.get_soort_display()

    def audit_betrokkene(self) -> tuple[str, str]:
        return self.persoon.audit_betrokkene()

    @property
    def wachtdagen(self) -> int:
        return (timezone.localdate() - self.wacht_sinds).days

    @property
    def door_inwoner_zelf(self) -> bool:
        return self.ingevoerd_rol == "inwoner"


class EindReden(models.TextChoices):
    DOEL_BEREIKT = "doel_bereikt", _("doel bereikt, hulp niet meer nodig")
    KLIK = "klik", _("het klikte niet")
    AGENDA = "agenda", _("agenda past niet meer")
    AFSTAND = "afstand", _("afstand te groot")
    VERHUISD = "verhuisd", _("verhuisd")
    GEZONDHEID = "gezondheid", _("gezondheid of overlijden")
    VRIJWILLIGER_GESTOPT = "vrijwilliger_gestopt", _("vrijwilliger gestopt")
    ANDERS = "anders", _("anders")


class Koppeling(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hulpvraag = models.ForeignKey(Hulpvraag, on_delete=models.CASCADE, related_name="koppelingen")
    aanbod = models.ForeignKey(Aanbod, on_delete=models.CASCADE, related_name="koppelingen")
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=KoppelingStatus.choices,
        default=KoppelingStatus.VOORGESTELD,
    )
    afstand_m = models.PositiveIntegerField(_("afstand in meters"), default=0)
    uitleg = models.JSONField(_("uitleg"), default=list, blank=True)
    onvervulde_wensen = models.JSONField(_("wensen die niet passen"), default=list, blank=True)
    handmatig = models.BooleanField(_("met de hand gekoppeld"), default=False)
    voorgesteld_door = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    voorgesteld_op = models.DateTimeField(default=timezone.now)
    geaccepteerd_op = models.DateTimeField(null=True, blank=True)
    afwijzing = models.CharField(_("reden afwijzing"), max_length=300, blank=True)
    kennismaking_op = models.DateTimeField(_("kennismaking"), null=True, blank=True)
    gestart_op = models.DateField(_("gestart op"), null=True, blank=True)
    evaluatie_voor = models.DateField(_("evaluatie uiterlijk"), null=True, blank=True)
    geevalueerd_op = models.DateField(_("geëvalueerd op"), null=True, blank=True)
    evaluatie = models.TextField(_("evaluatie"), blank=True, max_length=2000)
    beeindigd_op = models.DateField(_("beëindigd op"), null=True, blank=True)
    eind_reden = models.CharField(
        _("reden van beëindigen"), max_length=30, choices=EindReden.choices, blank=True
    )
    eind_toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        ordering = ["-voorgesteld_op", "id"]
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")
        constraints = [
            models.UniqueConstraint(
                fields=["hulpvraag"],
                condition=models.Q(status__in=[s.value for s in LOPEND]),
                name="koppeling_een_lopende_per_hulpvraag",
            )
        ]

    def __str__(self) -> str:
        return f"{self.hulpvraag} ({self.get_status_display()})"

    def audit_betrokkene(self) -> tuple[str, str]:
        return self.hulpvraag.persoon.audit_betrokkene()

    @property
    def vrijwilliger(self) -> Vrijwilliger:
        return self.aanbod.vrijwilliger

    @property
    def adres_zichtbaar(self) -> bool:
        return self.status in NA_AKKOORD

    @property
    def evaluatie_te_laat(self) -> bool:
        return bool(
            self.evaluatie_voor
            and self.status == KoppelingStatus.ACTIEF
            and self.evaluatie_voor < timezone.localdate()
        )

    @staticmethod
    def evaluatiedatum(start):
        return start + timedelta(weeks=evaluatie_na_weken())


class Contactmoment(models.Model):
    """A periodic check-in by the coordinator with the resident and/or the volunteer."""

    koppeling = models.ForeignKey(Koppeling, on_delete=models.CASCADE, related_name="contacten")
    datum = models.DateField(_("datum"), default=timezone.localdate)
    notitie = models.CharField(_("notitie"), max_length=500)
    door = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")

    def __str__(self) -> str:
        return f"{self.datum}"


class Statuswijziging(models.Model):
    """History of status changes of a volunteer or a match."""

    vrijwilliger = models.ForeignKey(
        Vrijwilliger, on_delete=models.CASCADE, null=True, blank=True, related_name="historie"
    )
    koppeling = models.ForeignKey(
        Koppeling, on_delete=models.CASCADE, null=True, blank=True, related_name="historie"
    )
    van = models.CharField(max_length=20, blank=True)
    naar = models.CharField(max_length=20)
    op = models.DateTimeField(default=timezone.now)
    door = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    toelichting = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["op", "id"]

    def __str__(self) -> str:
        return f"{self.van} -> {self.naar}"

    @property
    def naar_label(self) -> str:
        keuzes = KoppelingStatus if self.koppeling_id else VrijwilligerStatus
        return keuzes(self.naar).label if self.naar in keuzes.values else self.naar


class ZorgsignaalStatus(models.TextChoices):
    ONTVANGEN = "ontvangen", _("ontvangen")
    IN_BEHANDELING = "in_behandeling", _("in behandeling")
    AFGEHANDELD = "afgehandeld", _("afgehandeld")


class Zorgsignaal(models.Model):
    """A concern a volunteer raises about a resident they are matched with."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    koppeling = models.ForeignKey(Koppeling, on_delete=models.CASCADE, related_name="signalen")
    persoon = models.ForeignKey("personen.Persoon", on_delete=models.CASCADE, related_name="+")
    gemeente = models.ForeignKey("gebieden.Gebied", on_delete=models.PROTECT, related_name="+")
    gemeld_door = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    team = models.ForeignKey(
        "accounts.Team", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisatie = models.ForeignKey(
        "accounts.Organisatie", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    omschrijving = models.TextField(_("wat valt u op?"), max_length=2000)
    spoed = models.BooleanField(_("het is dringend"), default=False)
    status = models.CharField(
        max_length=20, choices=ZorgsignaalStatus.choices, default=ZorgsignaalStatus.ONTVANGEN
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)
    afgehandeld_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt", "id"]
        verbose_name = _("zorgsignaal")
        verbose_name_plural = _("zorgsignalen")

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.aangemaakt:%Y-%m-%d})"

    def audit_betrokkene(self) -> tuple[str, str]:
        return self.persoon.audit_betrokkene()


class AfgewezenVoorstel(models.Model):
    """A pair from a matching round a coördinator said no to: the next round of any coördinator
    of the same organisation does not propose it again (until the list is cleared)."""

    hulpvraag = models.ForeignKey(Hulpvraag, on_delete=models.CASCADE, related_name="+")
    aanbod = models.ForeignKey(Aanbod, on_delete=models.CASCADE, related_name="+")
    organisatie = models.ForeignKey(
        "accounts.Organisatie", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    gemeente = models.ForeignKey("gebieden.Gebied", on_delete=models.PROTECT, related_name="+")
    afgewezen_door = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    afgewezen_op = models.DateTimeField(default=timezone.now)
    reden = models.CharField(_("reden"), max_length=300, blank=True)

    class Meta:
        ordering = ["-afgewezen_op", "id"]
        verbose_name = _("afgewezen voorstel")
        verbose_name_plural = _("afgewezen voorstellen")
        indexes = [models.Index(fields=["gemeente", "organisatie"])]

    def __str__(self) -> str:
        return f"{self.hulpvraag_id} x {self.aanbod_id}"

    def audit_betrokkene(self) -> tuple[str, str]:
        return self.hulpvraag.persoon.audit_betrokkene()


class Aanmeldpoging(models.Model):
    """A sign-up on the public page, to limit sign-ups per address across all workers.

    Keeps only a keyed hash (HMAC) of the IP address and the moment; rows older than an hour
    are deleted at the next sign-up."""

    sleutel = models.CharField(max_length=64, db_index=True)
    op = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("aanmeldpoging")
        verbose_name_plural = _("aanmeldpogingen")

    def __str__(self) -> str:
        return f"{self.op:%Y-%m-%d %H:%M}"
