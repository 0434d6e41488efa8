from functools import cache

from django.core.exceptions import PermissionDenied
from django.db.models.query_utils import DeferredAttribute
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.models import GroupApprovalTask, Task, TaskState, Workflow

from accounts import access_cache, roles
from common import versions
from privacy.admin_forms import GuardedTaskCommentForm

from .listing import municipal_page_ids


def municipality_id_of(obj):
    specific = getattr(obj, "specific_deferred", obj)
    return getattr(specific, "municipality_id", None)


REVIEW_DATES = ("last_reviewed", "next_review_due")


def record_review(obj, day):
    """Approving is reviewing: the revision about to be published carries the review's date (methods only)."""
    revision = obj.get_latest_revision()
    page = revision.as_object() if revision else None
    if not hasattr(page, "record_review"):
        return
    page.record_review(day)
    for name in REVIEW_DATES:
        value = getattr(page, name)
        revision.content[name] = value.isoformat() if value else None
    revision.save(update_fields=["content"])


class MunicipalReviewTask(Task):
    """Review by an editor of the page's own municipality, or by the joint editorial board."""

    def user_may_review(self, obj, user):
        return roles.may_review(user, municipality_id_of(obj))

    def user_can_access_editor(self, obj, user):
        return self.user_may_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_may_review(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_may_review(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        # Each label says it all; knowledge/wagtail_hooks.py keeps Wagtail from adding its own "and Publish".
        if self.user_may_review(obj, user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve and publish"), False),
                ("approve", _("Approve and publish with a comment"), True),
            ]
        return []

    def get_form_for_action(self, action):
        return GuardedTaskCommentForm

    def on_action(self, task_state, user, action_name, **kwargs):
        # The page editor hands the modal's data on without validating it again, so the guard runs here as well.
        form = GuardedTaskCommentForm(kwargs)
        if not form.is_valid():
            raise PermissionDenied
        comment = {"comment": form.cleaned_data["comment"]} if "comment" in kwargs else {}
        if action_name == "approve":
            record_review(task_state.workflow_state.content_object, timezone.localdate())
        return super().on_action(task_state, user, action_name, **comment)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser or roles.BOARD in roles.group_names(user):
            return states
        if roles.EDITOR not in roles.group_names(user) or user.municipality_id is None:
            return TaskState.objects.none()
        return states.filter(workflow_state__object_id__in=municipal_page_ids(user.municipality_id))

    @classmethod
    def get_description(cls):
        return _("Editors of the page's municipality, or the joint editorial board, review and publish it.")

    class Meta:
        verbose_name = _("municipal review")
        verbose_name_plural = _("municipal reviews")


# The version token (common/versions.py) of the review tasks and the groups Wagtail's group approval names; renewed by
# every save or deletion of a task and change of its groups (knowledge/signals.py). A renamed group renews the
# access token, which keys them too.
TASKS_VERSION = versions.read_on_every_page("review-tasks")  # asked by every knowledge page (may the reader edit it?)
_task_rules = {}


def task_rules():
    """Whom each review task could let into a page's editor: ("municipal", None) for ours (an editor or the joint
    board), ("groups", names) for Wagtail's group approval (members of those groups), ("anyone", None) for any
    other kind. Every task counts, active or not: a page may still be in review with one since retired."""
    tokens = tuple(versions.tokens(TASKS_VERSION, access_cache.ACCESS_VERSION))
    rules = _task_rules.get(tokens)
    if rules is None:
        rules = []
        for task in Task.objects.specific():
            if isinstance(task, MunicipalReviewTask):
                rules.append(("municipal", None))
            elif isinstance(task, GroupApprovalTask):
                rules.append(("groups", frozenset(task.groups.values_list("name", flat=True))))
            else:
                rules.append(("anyone", None))
        _task_rules.clear()
        _task_rules[tokens] = rules
    return rules


def may_reach_editor(user, page):
    """A first answer for `permissions_for_user(user).can_edit()` from what is kept of the person's access, without a
    query: False when no way into the page's editor is open to them (no permission to change pages, none to add
    pages for a page they own, no review task that could hand it to them); True means: ask the page's tester."""
    if user.is_superuser:
        return True
    held = access_cache.access_of(user).page_permissions
    if "change_page" in held or ("add_page" in held and page.owner_id == user.pk):
        return True
    names = roles.group_names(user)
    for kind, groups in task_rules():
        if kind == "anyone" or (kind == "municipal" and names & {roles.EDITOR, roles.BOARD}):
            return True
        if kind == "groups" and names & groups:
            return True
    return False


# The names the project gives its review workflow and its task (knowledge.services.ensure_review_workflow). Stored
# in Swedish like all content; Wagtail keeps one name per row, so they are translated where they are read.
REVIEW_NAMES = {
    "Granskning": pgettext_lazy("workflow", "Review"),
    "Kommunens redaktör granskar": pgettext_lazy("workflow step", "The municipality's editor reviews"),
}


@cache
def _english_names():
    with translation.override("en"):
        return {str(translated): stored for stored, translated in REVIEW_NAMES.items()}


def as_stored(name):
    """The stored name of a known workflow or task name in either language; any other name as it is."""
    return _english_names().get(name, name)


def in_readers_language(name):
    """A known workflow or task name, stored or English (Wagtail's log keeps the name as it was read then), in the
    language of the person reading; any other name as it is."""
    stored = as_stored(name)
    return str(REVIEW_NAMES[stored]) if stored in REVIEW_NAMES else name


class NameInReadersLanguage(DeferredAttribute):
    """`workflow.name` and `task.name` read in the reader's language, set and saved as stored.

    Setting takes a translation back to the stored name: Django's refresh_from_db() sets what it read.
    """

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        return in_readers_language(self.stored(instance))

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = as_stored(value)

    def stored(self, instance):
        return super().__get__(instance, type(instance))


def show_workflow_names_in_readers_language():
    """Every screen, e-mail and menu of Wagtail's reads `.name`; saving and editing forms read the stored name,
    so a workflow edited in English keeps its Swedish name. Called once, from KnowledgeConfig.ready()."""
    for model in (Workflow, Task):
        field = model._meta.get_field("name")
        descriptor = NameInReadersLanguage(field)
        setattr(model, field.attname, descriptor)
        field.pre_save = lambda instance, add, descriptor=descriptor: descriptor.stored(instance)
        field.value_from_object = descriptor.stored
