app_name = "koppelen"
urlpatterns = []
