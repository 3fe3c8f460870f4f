from django.urls import path

from socialebasis.netwerk import views

app_name = "netwerk"
urlpatterns = [
    path("netwerk/mijn-plan", views.mijn_plan, name="mijn_plan"),
    path("netwerk/mijn-plan.pdf", views.mijn_plan_pdf, name="mijn_plan_pdf"),
    path(
        "netwerk/mijn-plan/vragenlijsten/<slug:code>",
        views.mijn_vragenlijst,
        name="mijn_vragenlijst",
    ),
    path("netwerk/instellingen", views.instellingen, name="instellingen"),
    path("netwerk/<uuid:persoon_id>", views.persoon, name="persoon"),
    path("netwerk/<uuid:persoon_id>/leden/<uuid:lid_id>", views.lid, name="lid"),
    path(
        "netwerk/<uuid:persoon_id>/leden/<uuid:lid_id>/verwijderen",
        views.lid_verwijderen,
        name="lid_verwijderen",
    ),
    path("netwerk/<uuid:persoon_id>/momentopnamen", views.momentopname, name="momentopname"),
    path("netwerk/<uuid:persoon_id>/vergelijken", views.vergelijken, name="vergelijken"),
    path("netwerk/<uuid:persoon_id>/vragenlijsten", views.vragenlijsten, name="vragenlijsten"),
    path(
        "netwerk/<uuid:persoon_id>/vragenlijsten/<slug:code>",
        views.vragenlijst_invullen,
        name="vragenlijst_invullen",
    ),
    path("netwerk/<uuid:persoon_id>/plan", views.plan, name="plan"),
    path("netwerk/<uuid:persoon_id>/plan/doelen/<int:doel_id>", views.doel, name="doel"),
    path(
        "netwerk/<uuid:persoon_id>/plan/doelen/<int:doel_id>/verwijderen",
        views.doel_verwijderen,
        name="doel_verwijderen",
    ),
    path("netwerk/<uuid:persoon_id>/plan/acties/<int:actie_id>", views.actie, name="actie"),
    path(
        "netwerk/<uuid:persoon_id>/plan/acties/<int:actie_id>/verwijderen",
        views.actie_verwijderen,
        name="actie_verwijderen",
    ),
    path(
        "netwerk/<uuid:persoon_id>/plan/acties/<int:actie_id>/status",
        views.actie_status,
        name="actie_status",
    ),
    path("netwerk/<uuid:persoon_id>/plan/beraden/<int:beraad_id>", views.beraad, name="beraad"),
    path(
        "netwerk/<uuid:persoon_id>/plan/beraden/<int:beraad_id>/verwijderen",
        views.beraad_verwijderen,
        name="beraad_verwijderen",
    ),
    path(
        "netwerk/<uuid:persoon_id>/plan/evaluaties/<int:evaluatie_id>",
        views.evaluatie,
        name="evaluatie",
    ),
    path(
        "netwerk/<uuid:persoon_id>/plan/evaluaties/<int:evaluatie_id>/verwijderen",
        views.evaluatie_verwijderen,
        name="evaluatie_verwijderen",
    ),
    path("netwerk/<uuid:persoon_id>/plan.pdf", views.plan_pdf, name="plan_pdf"),
]
