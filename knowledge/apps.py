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
        from wagtail.models import TaskState, WorkflowState
        from wagtail.signals import task_submitted, workflow_approved, workflow_rejected

        from . import notifications, signals
        from .admin_visibility import AdminPagePermissionPolicy
        from .models.workflows import show_workflow_names_in_readers_language
        from .tagging import give_tag_a_slug

        # Wagtail's explorer, page search, reports and site history ask this one instance which pages a
        # person may explore, each module having imported it by name: narrowing its class here reaches
        # them all, where rebinding the name would reach none (test_admin_visibility checks it still does).
        permissions.page_permission_policy.__class__ = AdminPagePermissionPolicy
        # Wagtail's workflow and task names are one per row: ours are shown in the reader's language.
        show_workflow_names_in_readers_language()

        pre_save.connect(give_tag_a_slug, sender=Tag, dispatch_uid="knowledge_tag_slug")

        task_submitted.connect(
            notifications.review_submission_notifier, sender=TaskState, dispatch_uid="municipal_review_submitted_email"
        )
        task_submitted.connect(
            notifications.announce_submission, sender=TaskState, dispatch_uid="knowledge_review_requested"
        )
        workflow_approved.connect(
            notifications.announce_approval, sender=WorkflowState, dispatch_uid="knowledge_review_published"
        )
        workflow_rejected.connect(
            notifications.announce_rejection, sender=WorkflowState, dispatch_uid="knowledge_review_changes_requested"
        )
        signals.connect()
