from django.apps import AppConfig


class GebiedenConfig(AppConfig):
    name = "socialebasis.gebieden"
    label = "gebieden"
    verbose_name = "Gebieden"
