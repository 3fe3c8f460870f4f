from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from socialebasis.accounts import views

app_name = "accounts"
urlpatterns = [
    path("inloggen", views.InlogView.as_view(), name="login"),
    path("uitloggen", auth_views.LogoutView.as_view(), name="logout"),
    path("tweestaps", views.tweestaps, name="tweestaps"),
    path("tweestaps/instellen", views.tweestaps_instellen, name="tweestaps_instellen"),
    path(
        "wachtwoord-vergeten",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/wachtwoord_vergeten.html",
            email_template_name="accounts/wachtwoord_email.txt",
            subject_template_name="accounts/wachtwoord_onderwerp.txt",
            success_url=reverse_lazy("accounts:wachtwoord_verstuurd"),
        ),
        name="wachtwoord_vergeten",
    ),
    path(
        "wachtwoord-vergeten/verstuurd",
        auth_views.PasswordResetDoneView.as_view(
            template_name="accounts/wachtwoord_verstuurd.html"
        ),
        name="wachtwoord_verstuurd",
    ),
    path(
        "wachtwoord-instellen/<uidb64>/<token>",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/wachtwoord_instellen.html",
            success_url=reverse_lazy("accounts:wachtwoord_ingesteld"),
        ),
        name="wachtwoord_instellen",
    ),
    path(
        "wachtwoord-ingesteld",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/wachtwoord_ingesteld.html"
        ),
        name="wachtwoord_ingesteld",
    ),
]
