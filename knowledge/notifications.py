from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier

from accounts import roles

from .models.workflows import MunicipalReviewTask, municipality_id_of


class ReviewSubmissionNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    """E-mails the editors of the page's municipality (and the joint board) when a page awaits review."""

    notification = "submitted"

    def can_handle(self, instance, **kwargs):
        return isinstance(instance, self.valid_classes) and isinstance(instance.task.specific, MunicipalReviewTask)

    def get_recipient_users(self, task_state, **kwargs):
        page = task_state.workflow_state.content_object
        municipality_id = municipality_id_of(page)
        reviewers = get_user_model().objects.filter(
            Q(groups__name=roles.EDITOR, municipality_id=municipality_id) | Q(groups__name=roles.BOARD)
        )
        triggering_user = kwargs.get("user")
        if triggering_user:
            reviewers = reviewers.exclude(pk=triggering_user.pk)
        return set(reviewers.distinct())


review_submission_notifier = ReviewSubmissionNotifier()
