from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("kampanjmanaden/evenemang/<int:pk>/anmal/", views.register, name="register"),
    path("kampanjmanaden/evenemang/<int:pk>/avboka/", views.cancel, name="cancel"),
    path("kampanjmanaden/evenemang/<int:pk>/kalender.ics", views.event_ics, name="event_ics"),
]
