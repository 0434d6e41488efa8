from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("kunskapsbank/", views.knowledge_bank, name="bank"),
    path("kampanjmanaden/", views.campaign, name="campaign"),
    path("sok/", views.search, name="search"),
]
