from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from socialebasis.core import views as core_views

urlpatterns = [
    path("api/v1/", include("socialebasis.api_urls")),
    path("account/", include("socialebasis.accounts.urls")),
    path("taal", set_language, name="set_language"),
    path("technisch-beheer/", admin.site.urls),
    path("", include("socialebasis.kaart.urls")),
    path("", include("socialebasis.koppelen.urls")),
    path("", include("socialebasis.netwerk.urls")),
    path("", include("socialebasis.toeleiding.urls")),
    path("", include("socialebasis.web.urls")),
]

handler400 = core_views.fout_400
handler403 = core_views.fout_403
handler404 = core_views.fout_404
handler500 = core_views.fout_500

admin.site.site_header = "Sociale Basis — technisch beheer"
admin.site.site_title = "Sociale Basis"
