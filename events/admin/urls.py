from django.urls import path

from .views import DraftExperienceView, EventListView, ParticipantMessageView, ParticipantsExportView, ParticipantsView

app_name = "events_admin"

urlpatterns = [
    path("", EventListView.as_view(), name="index"),
    path("<int:pk>/", ParticipantsView.as_view(), name="participants"),
    path("<int:pk>/export/", ParticipantsExportView.as_view(), name="export"),
    path("<int:pk>/meddelande/", ParticipantMessageView.as_view(), name="message"),
    path("<int:pk>/erfarenhet/", DraftExperienceView.as_view(), name="draft_experience"),
]
