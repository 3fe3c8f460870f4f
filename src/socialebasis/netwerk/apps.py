from django.apps import AppConfig


class NetwerkConfig(AppConfig):
    name = "socialebasis.netwerk"
    label = "netwerk"
    verbose_name = "Persoonlijk netwerk"
