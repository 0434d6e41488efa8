from django.urls import path

from .listings import HiddenView, ModerationLogView, QueueView, SolvedThreadsView
from .moderate import DraftExperienceView, PostModerationView, ThreadModerationView

app_name = "forum_admin"

urlpatterns = [
    path("moderering/", QueueView.as_view(), name="queue"),
    path("moderering/inlagg/<int:pk>/", PostModerationView.as_view(), name="post"),
    path("moderering/trad/<int:pk>/", ThreadModerationView.as_view(), name="thread"),
    path("moderering/dolt/", HiddenView.as_view(), name="hidden"),
    path("moderering/logg/", ModerationLogView.as_view(), name="log"),
    path("moderering/logg/resultat/", ModerationLogView.as_view(results_only=True), name="log_results"),
    path("losta-tradar/", SolvedThreadsView.as_view(), name="solved"),
    path("losta-tradar/<int:pk>/erfarenhet/", DraftExperienceView.as_view(), name="draft_experience"),
]
