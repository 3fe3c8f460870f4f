from django.urls import path

from socialebasis.koppelen import views

app_name = "koppelen"
urlpatterns = [
    # coördinator
    path("koppelen/", views.overzicht, name="overzicht"),
    path("koppelen/ronde", views.ronde, name="ronde"),
    path("koppelen/hulpvragen/nieuw", views.hulpvraag_nieuw, name="hulpvraag_nieuw"),
    path("koppelen/hulpvragen/<uuid:hulpvraag_id>", views.hulpvraag, name="hulpvraag"),
    path("koppelen/koppelingen", views.koppelingen, name="koppelingen"),
    path("koppelen/koppelingen/<uuid:koppeling_id>", views.koppeling, name="koppeling"),
    path(
        "koppelen/koppelingen/<uuid:koppeling_id>/<str:actie>",
        views.koppeling_actie,
        name="koppeling_actie",
    ),
    path("koppelen/vrijwilligers", views.vrijwilligers, name="vrijwilligers"),
    path(
        "koppelen/vrijwilligers/<uuid:vrijwilliger_id>",
        views.vrijwilliger_detail,
        name="vrijwilliger_detail",
    ),
    path(
        "koppelen/vrijwilligers/<uuid:vrijwilliger_id>/aanbod",
        views.aanbod_bewerken,
        name="aanbod_nieuw",
    ),
    path(
        "koppelen/vrijwilligers/<uuid:vrijwilliger_id>/aanbod/<uuid:aanbod_id>",
        views.aanbod_bewerken,
        name="aanbod_bewerken",
    ),
    path("koppelen/vacatures", views.vacatures, name="vacatures"),
    path(
        "koppelen/vacatures/<uuid:vacature_id>/sluiten",
        views.vacature_sluiten,
        name="vacature_sluiten",
    ),
    # coördinator and professional
    path("koppelen/zorgsignalen", views.zorgsignalen, name="zorgsignalen"),
    path("koppelen/zorgsignalen/<uuid:signaal_id>", views.zorgsignaal, name="zorgsignaal"),
    # vrijwilliger
    path("koppelen/vrijwilliger", views.vrijwilliger, name="vrijwilliger"),
    path(
        "koppelen/vrijwilliger/koppelingen/<uuid:koppeling_id>",
        views.mijn_koppeling,
        name="mijn_koppeling",
    ),
    path("koppelen/vrijwilliger/aanbod", views.aanbod_bewerken, name="mijn_aanbod_nieuw"),
    path(
        "koppelen/vrijwilliger/aanbod/<uuid:aanbod_id>",
        views.aanbod_bewerken,
        name="mijn_aanbod_bewerken",
    ),
    # inwoner
    path("koppelen/mijn", views.mijn, name="mijn"),
    path("koppelen/mijn/nieuw", views.mijn_nieuw, name="mijn_nieuw"),
    path(
        "koppelen/mijn/<uuid:hulpvraag_id>/intrekken",
        views.mijn_intrekken,
        name="mijn_intrekken",
    ),
    # openbaar
    path("word-vrijwilliger", views.word_vrijwilliger, name="word_vrijwilliger"),
    path("word-vrijwilliger/bedankt", views.bedankt, name="bedankt"),
]
