from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge bank")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.models import TaskState
        from wagtail.signals import task_submitted

        from .notifications import review_submission_notifier

        task_submitted.connect(
            review_submission_notifier, sender=TaskState, dispatch_uid="municipal_review_submitted_email"
        )
