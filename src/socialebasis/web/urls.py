from django.urls import path

from socialebasis.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("start", views.start, name="start"),
    path("gebieden", views.gebieden, name="gebieden"),
    path("gebieden/<str:code>", views.gebied, name="gebied"),
    path("verwerkingsactiviteiten", views.verwerkingsactiviteiten, name="verwerkingsactiviteiten"),
    path("mijn", views.mijn, name="mijn"),
    path("mijn/verwerkingen", views.mijn_verwerkingen, name="mijn_verwerkingen"),
    path("mijn/gegevens.json", views.mijn_gegevens_download, name="mijn_gegevens_download"),
    path(
        "mijn/toestemmingen/<int:toestemming_id>/intrekken",
        views.toestemming_intrekken,
        name="toestemming_intrekken",
    ),
    path("professional", views.caseload, name="professional"),
    path("coordinator", views.caseload, name="coordinator"),
    path("personen/nieuw", views.persoon_nieuw, name="persoon_nieuw"),
    path("personen/<uuid:persoon_id>", views.persoon, name="persoon"),
    path("vrijwilliger", views.vrijwilliger, name="vrijwilliger"),
    path("aanbieder", views.aanbieder, name="aanbieder"),
    path("beleid", views.beleid, name="beleid"),
    path("beheer", views.beheer, name="beheer"),
    path("beheer/logboek", views.logboek, name="logboek"),
    path("beheer/gebruikers/nieuw", views.gebruiker_nieuw, name="gebruiker_nieuw"),
    path("beheer/teams/nieuw", views.team_nieuw, name="team_nieuw"),
]
