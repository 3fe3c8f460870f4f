from django.urls import path

from socialebasis.kaart import beheer, hsds_api, thesaurus, views, views_locaties

app_name = "kaart"

urlpatterns = [
    path("sociale-kaart", views.zoeken, name="zoeken"),
    path("sociale-kaart/<uuid:pk>", views.dienst, name="dienst"),
    path("sociale-kaart/<uuid:pk>/afdrukken", views.afdrukken, name="afdrukken"),
    path("sociale-kaart/beheer", beheer.lijst, name="beheer"),
    path("sociale-kaart/beheer/nieuw", beheer.nieuw, name="nieuw"),
    path("sociale-kaart/beheer/<uuid:pk>", beheer.bewerken, name="bewerken"),
    path("sociale-kaart/beheer/<uuid:pk>/controleren", beheer.controleren, name="controleren"),
    path("sociale-kaart/beheer/locaties", views_locaties.lijst, name="locaties"),
    path("sociale-kaart/beheer/locaties/nieuw", views_locaties.nieuw, name="locatie-nieuw"),
    path(
        "sociale-kaart/beheer/locaties/<uuid:pk>",
        views_locaties.bewerken,
        name="locatie-bewerken",
    ),
    path("sociale-kaart/beoordelen", beheer.beoordelen, name="beoordelen"),
    path("sociale-kaart/beoordelen/<uuid:pk>/publiceren", beheer.publiceren, name="publiceren"),
    path("sociale-kaart/thesaurus", thesaurus.overzicht, name="thesaurus"),
    path(
        "sociale-kaart/thesaurus/<int:pk>/verwijderen",
        thesaurus.zoekwoord_verwijderen,
        name="zoekwoord-verwijderen",
    ),
    path("sociale-kaart/categorieen/nieuw", thesaurus.categorie, name="categorie-nieuw"),
    path("sociale-kaart/categorieen/<uuid:pk>", thesaurus.categorie, name="categorie"),
    path("api/hsds/", hsds_api.root, name="hsds-root"),
    path("api/hsds/services", hsds_api.services, name="hsds-services"),
    path("api/hsds/services/<str:pk>", hsds_api.service, name="hsds-service"),
    path("api/hsds/organizations", hsds_api.organizations, name="hsds-organizations"),
    path("api/hsds/organizations/<str:pk>", hsds_api.organization, name="hsds-organization"),
    path("api/hsds/taxonomies", hsds_api.taxonomies, name="hsds-taxonomies"),
    path("api/hsds/taxonomies/<str:pk>", hsds_api.taxonomy, name="hsds-taxonomy"),
    path("api/hsds/taxonomy_terms", hsds_api.taxonomy_terms, name="hsds-taxonomy-terms"),
    path("api/hsds/taxonomy_terms/<str:pk>", hsds_api.taxonomy_term, name="hsds-taxonomy-term"),
    path(
        "api/hsds/service_at_locations",
        hsds_api.service_at_locations,
        name="hsds-service-at-locations",
    ),
    path(
        "api/hsds/service_at_locations/<str:pk>",
        hsds_api.service_at_location,
        name="hsds-service-at-location",
    ),
]
