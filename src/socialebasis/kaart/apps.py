from django.apps import AppConfig


class KaartConfig(AppConfig):
    name = "socialebasis.kaart"
    label = "kaart"
    verbose_name = "Sociale kaart"
