from django.urls import path

from . import my_events, views

app_name = "events"

urlpatterns = [
    path("kampanjmanaden/evenemang/<int:pk>/anmal/", views.register, name="register"),
    path("kampanjmanaden/evenemang/<int:pk>/avboka/", views.cancel, name="cancel"),
    path("kampanjmanaden/evenemang/<int:pk>/kalender.ics", views.event_ics, name="event_ics"),
    path("kampanjmanaden/mina-evenemang/", my_events.my_events, name="mine"),
    path("kampanjmanaden/mina-evenemang/ny-kalenderadress/", my_events.renew_calendar, name="renew_calendar"),
    # The secret goes in the query string (?nyckel=…), which the access log never writes.
    path("kalender/program.ics", my_events.programme_feed, name="programme_feed"),
    path("kalender/mina-evenemang.ics", my_events.mine_feed, name="mine_feed"),
]
