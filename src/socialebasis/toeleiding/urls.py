from django.urls import path

from socialebasis.toeleiding import views

app_name = "toeleiding"
urlpatterns = [
    path(
        "voorzieningen/<uuid:persoon_id>/toevoegen",
        views.toevoegen,
        name="toevoegen",
    ),
    path(
        "voorzieningen/<uuid:persoon_id>/<uuid:gebruik_id>",
        views.wijzigen,
        name="wijzigen",
    ),
]
