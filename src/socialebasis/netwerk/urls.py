app_name = "netwerk"
urlpatterns = []
