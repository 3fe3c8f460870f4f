from django.apps import AppConfig


class PersonenConfig(AppConfig):
    name = "socialebasis.personen"
    label = "personen"
    verbose_name = "Personen"
