from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "socialebasis.demo"
    label = "demo"
    verbose_name = "Demo"
