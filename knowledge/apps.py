from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge bank")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: models can be imported only once the app registry is ready.
        from django.db.models.signals import pre_save

        from taggit.models import Tag
        from wagtail import permissions
        from wagtail.models import TaskState
        from wagtail.signals import task_submitted

        from . import signals
        from .admin_visibility import AdminPagePermissionPolicy
        from .notifications import review_submission_notifier
        from .tagging import give_tag_a_slug

        # Wagtail's explorer, page search, reports and site history ask this one instance which pages a
        # person may explore, each module having imported it by name: narrowing its class here reaches
        # them all, where rebinding the name would reach none (test_admin_visibility checks it still does).
        permissions.page_permission_policy.__class__ = AdminPagePermissionPolicy

        pre_save.connect(give_tag_a_slug, sender=Tag, dispatch_uid="knowledge_tag_slug")

        task_submitted.connect(
            review_submission_notifier, sender=TaskState, dispatch_uid="municipal_review_submitted_email"
        )
        signals.connect()
