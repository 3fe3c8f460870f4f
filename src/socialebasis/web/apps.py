from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "socialebasis.web"
    label = "web"
    verbose_name = "Website"
