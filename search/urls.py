from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("sok/", views.search, name="search"),
    path("sok/forslag/", views.suggest, name="suggest"),
    path("sok/folj/", views.follow, name="follow"),
    path("sok/folj/<int:pk>/sluta/", views.unfollow, name="unfollow"),
    path("api/search/", views.api, name="api"),
]
