"""Who hears of the review of a page: e-mail to the reviewers (Wagtail mails the author), and the announcements
that let other apps tell them in the intranet too (`signals.py`)."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier
from wagtail.models import Page

from accounts import roles
from accounts.models import NotificationChoice, NotificationGroup

from .models.workflows import MunicipalReviewTask, municipality_id_of
from .signals import review_finished, review_requested


def reviewers_of(page, *, besides=None):
    """The editors of the page's municipality and the joint editorial board, without `besides` (the sender)."""
    reviewers = get_user_model().objects.filter(
        Q(groups__name=roles.EDITOR, municipality_id=municipality_id_of(page)) | Q(groups__name=roles.BOARD)
    )
    if besides is not None:
        reviewers = reviewers.exclude(pk=besides.pk)
    return set(reviewers.distinct())


class ReviewSubmissionNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    """E-mails the editors of the page's municipality (and the joint board) when a page awaits review."""

    notification = "submitted"

    def can_handle(self, instance, **kwargs):
        return isinstance(instance, self.valid_classes) and isinstance(instance.task.specific, MunicipalReviewTask)

    def get_recipient_users(self, task_state, **kwargs):
        """The reviewers who want review news by e-mail at once (accounts.models.NotificationGroup.REVIEW); those
        who chose a daily digest find it there, those who chose the intranet only in the notification centre."""
        reviewers = reviewers_of(task_state.workflow_state.content_object, besides=kwargs.get("user"))
        return {
            person
            for person in reviewers
            if person.notification_choice(NotificationGroup.REVIEW) == NotificationChoice.IMMEDIATELY
        }


review_submission_notifier = ReviewSubmissionNotifier()


def announce_submission(sender, instance, user=None, **kwargs):
    """Wagtail's `task_submitted`: a page went to municipal review."""
    if not isinstance(instance.task.specific, MunicipalReviewTask):
        return
    page = instance.workflow_state.content_object
    review_requested.send(sender=MunicipalReviewTask, page=page, reviewers=reviewers_of(page, besides=user), by=user)


def _announce_end(workflow_state, user, *, published):
    page = workflow_state.content_object
    if not isinstance(page, Page):
        return
    authors = {person for person in (workflow_state.requested_by, page.owner) if person is not None}
    authors.discard(user)
    review_finished.send(sender=type(workflow_state), page=page, authors=authors, by=user, published=published)


def announce_approval(sender, instance, user=None, **kwargs):
    """Wagtail's `workflow_approved`: the last step approved, and Wagtail has published the page."""
    _announce_end(instance, user, published=True)


def announce_rejection(sender, instance, user=None, **kwargs):
    """Wagtail's `workflow_rejected`: the reviewer asked for changes."""
    _announce_end(instance, user, published=False)
