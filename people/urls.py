from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("personer/", views.find_colleagues, name="directory"),
    path("personer/redigera/", views.edit_profile, name="edit"),
    path("personer/<int:pk>/", views.profile, name="profile"),
]
