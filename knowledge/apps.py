from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge bank")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import pre_save

        from taggit.models import Tag
        from wagtail.models import TaskState
        from wagtail.signals import task_submitted

        from .notifications import review_submission_notifier
        from .tagging import give_tag_a_slug

        pre_save.connect(give_tag_a_slug, sender=Tag, dispatch_uid="knowledge_tag_slug")

        task_submitted.connect(
            review_submission_notifier, sender=TaskState, dispatch_uid="municipal_review_submitted_email"
        )
