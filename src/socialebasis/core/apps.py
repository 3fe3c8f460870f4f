from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "socialebasis.core"
    label = "core"
    verbose_name = "Kern"
