"""Logboek dataverwerkingen: one append-only row per processing of personal data.

Shaped after the Logius/BZK standard "Logboek Dataverwerkingen" (OpenTelemetry-like spans):
trace_id, span_id, parent_span_id, name, start/end time, status, processing activity and a
pseudonymised data subject. Rows never hold names, addresses or other content of the record.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AlleenToevoegen(Exception):
    """Raised on any attempt to change or delete a log row through the application."""


class VerwerkingQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AlleenToevoegen("Het logboek dataverwerkingen kan niet worden gewijzigd.")

    def delete(self):
        raise AlleenToevoegen("Het logboek dataverwerkingen kan niet worden verwijderd.")

    _raw_delete = delete


class Status(models.TextChoices):
    OK = "ok", _("gelukt")
    FOUT = "fout", _("mislukt")
    GEWEIGERD = "geweigerd", _("geweigerd")


class Verwerking(models.Model):
    trace_id = models.CharField(max_length=32, db_index=True)
    span_id = models.CharField(max_length=16, unique=True)
    parent_span_id = models.CharField(max_length=16, blank=True)
    naam = models.CharField(_("handeling"), max_length=100, help_text="bv. persoon.lezen")
    verwerkingsactiviteit = models.CharField(
        _("verwerkingsactiviteit"),
        max_length=100,
        db_index=True,
        help_text=_("Sleutel in het register van verwerkingsactiviteiten."),
    )
    betrokkene = models.CharField(
        _("betrokkene (pseudoniem)"), max_length=64, blank=True, db_index=True
    )
    betrokkene_type = models.CharField(max_length=30, blank=True)
    gemeente = models.ForeignKey(
        "gebieden.Gebied", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_rol = models.CharField(max_length=20, blank=True)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OK)
    start_tijd = models.DateTimeField()
    eind_tijd = models.DateTimeField()

    objects = VerwerkingQuerySet.as_manager()

    class Meta:
        ordering = ["-start_tijd", "-id"]
        verbose_name = _("verwerking")
        verbose_name_plural = _("logboek dataverwerkingen")
        indexes = [models.Index(fields=["gemeente", "-start_tijd"])]

    def __str__(self) -> str:
        return f"{self.naam} {self.start_tijd:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise AlleenToevoegen("Het logboek dataverwerkingen kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AlleenToevoegen("Het logboek dataverwerkingen kan niet worden verwijderd.")

    @property
    def actor_rol_label(self) -> str:
        from socialebasis.accounts.models import Rol

        return Rol(self.actor_rol).label if self.actor_rol in Rol.values else self.actor_rol
