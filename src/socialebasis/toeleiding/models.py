"""Which services of the sociale kaart a resident was referred to or uses.

Recorded minimally: the resident, the service (a published kaart entry of the resident's
gemeente), the state, since/until and an optional short note. Access follows access to the
resident (toeleiding/toegang.py).
"""

import uuid

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class GebruikStatus(models.TextChoices):
    VERWEZEN = "verwezen", _("verwezen")
    IN_GEBRUIK = "in_gebruik", _("in gebruik")
    GESTOPT = "gestopt", _("gestopt")


class Voorzieninggebruik(models.Model):
    """One resident and one service: referred to it, using it, or stopped."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    persoon = models.ForeignKey(
        "personen.Persoon", on_delete=models.CASCADE, related_name="voorzieningen"
    )
    dienst = models.ForeignKey(
        "kaart.Dienst",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("voorziening"),
    )
    gemeente = models.ForeignKey(
        "gebieden.Gebied", on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente")
    )
    status = models.CharField(
        _("stand van zaken"),
        max_length=12,
        choices=GebruikStatus.choices,
        default=GebruikStatus.IN_GEBRUIK,
    )
    sinds = models.DateField(_("sinds"), default=timezone.localdate)
    tot = models.DateField(_("tot en met"), null=True, blank=True)
    notitie = models.CharField(
        _("notitie"),
        max_length=200,
        blank=True,
        help_text=_("Kort, bijvoorbeeld: 'gaat op dinsdag'. Geen medische gegevens."),
    )
    vastgelegd_door = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["persoon", "-sinds", "id"]
        verbose_name = _("voorziening in gebruik")
        verbose_name_plural = _("voorzieningen in gebruik")
        constraints = [
            models.UniqueConstraint(
                fields=["persoon", "dienst"],
                condition=~Q(status="gestopt"),
                name="toeleiding_een_lopend_gebruik_per_dienst",
                violation_error_message=_(
                    "Deze voorziening staat al bij de inwoner. Wijzig die in plaats van een "
                    "nieuwe toe te voegen."
                ),
            ),
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=F("sinds")),
                name="toeleiding_tot_na_sinds",
                violation_error_message=_("De einddatum ligt vóór de begindatum."),
            ),
        ]

    def __str__(self) -> str:
        return f"voorziening {self.uuid}"

    @property
    def lopend(self) -> bool:
        return self.status != GebruikStatus.GESTOPT
