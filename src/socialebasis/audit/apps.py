from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "socialebasis.audit"
    label = "audit"
    verbose_name = "Logboek dataverwerkingen"
