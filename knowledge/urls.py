from django.urls import path

from . import feeds, views

app_name = "knowledge"

urlpatterns = [
    path("kunskapsbank/", views.knowledge_bank, name="bank"),
    path("tillganglighet/", views.accessibility_statement, name="accessibility"),
    path("kunskapsbank/dela/<slug:kind>/", views.share, name="share"),
    path("taggar/<slug:slug>/", views.tag, name="tag"),
    path("flode/metoder/", feeds.MethodFeed(), name="method_feed"),
    path("flode/erfarenheter/", feeds.ExperienceFeed(), name="experience_feed"),
    path("flode/taggar/<slug:slug>/", feeds.TagFeed(), name="tag_feed"),
]
