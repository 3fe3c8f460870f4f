"""Users (e-mail login), roles, organisations and teams. A gemeente (Gebied) is the tenant."""

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    INWONER = "inwoner", _("Inwoner")
    VRIJWILLIGER = "vrijwilliger", _("Vrijwilliger")
    PROFESSIONAL = "professional", _("Professional")
    COORDINATOR = "coordinator", _("Coördinator")
    AANBIEDER = "aanbieder", _("Aanbieder")
    BELEIDSMEDEWERKER = "beleidsmedewerker", _("Beleidsmedewerker")
    BEHEERDER = "beheerder", _("Beheerder")


# Roles that work with personal data or settings of many people: TOTP in production.
ROLLEN_MET_TWEE_STAPPEN = frozenset(
    {Rol.PROFESSIONAL, Rol.COORDINATOR, Rol.BEHEERDER, Rol.BELEIDSMEDEWERKER}
)


class OrganisatieSoort(models.TextChoices):
    GEMEENTE = "gemeente", _("gemeente")
    WELZIJN = "welzijn", _("welzijnsorganisatie")
    ZORG = "zorg", _("zorgaanbieder")
    VRIJWILLIGERS = "vrijwilligers", _("vrijwilligersorganisatie")
    BIBLIOTHEEK = "bibliotheek", _("bibliotheek")
    OVERIG = "overig", _("overig")


class Organisatie(models.Model):
    """A provider or the municipality itself. A provider may serve several gemeenten."""

    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(
        _("soort"), max_length=20, choices=OrganisatieSoort.choices, default=OrganisatieSoort.OVERIG
    )
    gemeenten = models.ManyToManyField(
        "gebieden.Gebied",
        related_name="organisaties",
        verbose_name=_("werkt in gemeenten"),
        limit_choices_to={"niveau": "gemeente"},
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.naam


class Team(models.Model):
    """A team within a gemeente, e.g. 'Wijkteam Noord', working in one or more wijken."""

    naam = models.CharField(_("naam"), max_length=200)
    gemeente = models.ForeignKey(
        "gebieden.Gebied",
        on_delete=models.PROTECT,
        related_name="teams",
        limit_choices_to={"niveau": "gemeente"},
        verbose_name=_("gemeente"),
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="teams",
        verbose_name=_("organisatie"),
    )
    wijken = models.ManyToManyField(
        "gebieden.Gebied",
        blank=True,
        related_name="+",
        limit_choices_to={"niveau": "wijk"},
        verbose_name=_("werkgebied (wijken)"),
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "naam"], name="team_naam_uniek_in_gemeente")
        ]

    def __str__(self) -> str:
        return self.naam


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        # E-mail addresses are compared without regard to case.
        return self.get(email__iexact=username)

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("Een e-mailadres is verplicht.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("rol", Rol.BEHEERDER)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """An account. One role per account; one gemeente (tenant) per account."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    naam = models.CharField(_("naam"), max_length=150, help_text=_("Zo spreken we u aan."))
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices, default=Rol.INWONER)
    gemeente = models.ForeignKey(
        "gebieden.Gebied",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"niveau": "gemeente"},
        verbose_name=_("gemeente"),
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        verbose_name=_("organisatie"),
    )
    teams = models.ManyToManyField(Team, blank=True, related_name="leden", verbose_name=_("teams"))
    is_active = models.BooleanField(_("actief"), default=True)
    is_staff = models.BooleanField(_("toegang tot technisch beheer"), default=False)
    date_joined = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["naam"]

    class Meta:
        ordering = ["email"]
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.naam or self.email

    def audit_betrokkene(self) -> tuple[str, str]:
        return "gebruiker", str(self.pk)

    @property
    def needs_two_factor(self) -> bool:
        return self.rol in ROLLEN_MET_TWEE_STAPPEN
