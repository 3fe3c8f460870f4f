from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "socialebasis.accounts"
    label = "accounts"
    verbose_name = "Gebruikers en rollen"
