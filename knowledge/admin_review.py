"""Wagtail's page editor and the review action of its dashboard, saying what a review did: that the page "har
publicerats" or that changes are requested, where Wagtail says only that the page was updated, or nothing.

At Wagtail's own addresses, listed in intranet/urls.py ahead of the admin's URLs.
"""

from django.urls import path
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowAction
from wagtail.models import TaskState

from .admin_listings import admin_view


def review_outcome(page, task_state):
    """What a review action did to the page, in one sentence; None when it did nothing (a form to correct)."""
    task_state.refresh_from_db()
    title = {"title": page.specific_deferred.get_admin_display_title()}
    if task_state.status == TaskState.STATUS_REJECTED:
        return _("Changes are requested in “%(title)s”. The author is told.") % title
    if task_state.status != TaskState.STATUS_APPROVED:
        return None
    page.refresh_from_db()
    if page.live and not page.has_unpublished_changes:
        return _("“%(title)s” is approved and has been published. The author is told.") % title
    return _("“%(title)s” is approved.") % title


class ReviewEditView(EditView):
    def perform_workflow_action(self):
        self.reviewed = self.page.current_workflow_task_state
        return super().perform_workflow_action()

    def add_save_confirmation_message(self):
        outcome = review_outcome(self.page, self.reviewed) if getattr(self, "reviewed", None) else None
        if outcome is None:
            super().add_save_confirmation_message()
        elif self.page.live:
            messages.success(self.request, outcome, buttons=[self.get_view_live_message_button()])
        else:
            messages.success(self.request, outcome)


class ReviewActionView(WorkflowAction):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        outcome = review_outcome(self.object, self.task_state)
        if outcome:
            messages.success(request, outcome)
        return response


urlpatterns = [
    path("admin/pages/<int:page_id>/edit/", admin_view(ReviewEditView.as_view())),
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        admin_view(ReviewActionView.as_view()),
    ),
]
