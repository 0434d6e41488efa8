import copy
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts import rights

from . import admin_tags, personal_data
from .admin_views import LocalUseSuggestionsView
from .admin_visibility import AdminPagePermissionPolicy, documents_shown_in_admin, pages_shown_in_admin
from .models import AgeGroup, EvidenceLevel, MethodPage, MunicipalReviewTask, PreventionLevel, TargetGroup, ViolenceType
from .models.workflows import in_readers_language
from .permissions import in_municipal_scope, keeps_methods_reviewed

REVIEW_WINDOW_DAYS = 30


class TermViewSet(SnippetViewSet):
    icon = "tag"
    list_display = ["name", "name_en", "sort_order"]
    search_fields = ["name", "name_en"]
    ordering = ["sort_order", "name"]


def term_viewset(term_model):
    return type(f"{term_model.__name__}ViewSet", (TermViewSet,), {"model": term_model})


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "tag"
    menu_order = 250
    items = tuple(
        term_viewset(model) for model in (ViolenceType, TargetGroup, AgeGroup, PreventionLevel, EvidenceLevel)
    )


register_snippet(TaxonomyViewSetGroup)
register_snippet(admin_tags.VocabularyViewSetGroup)
hooks.register("register_log_actions", admin_tags.register_log_actions)


class MethodsToReviewView(ReportView):
    """Methods whose review date has passed or falls within the next 30 days."""

    page_title = _("Methods to review")
    header_icon = "date"
    index_url_name = "methods_to_review"
    index_results_url_name = "methods_to_review_results"

    @property
    def columns(self):
        return [
            TitleColumn(
                "title", label=_("Method"), accessor="get_admin_display_title", url_name="wagtailadmin_pages:edit"
            ),
            Column("municipality", label=_("Municipality")),
            DateColumn("last_reviewed", label=_("Last reviewed")),
            DateColumn("next_review_due", label=_("Next review due")),
        ]

    def dispatch(self, request, *args, **kwargs):
        if not keeps_methods_reviewed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        limit = timezone.localdate() + timedelta(days=REVIEW_WINDOW_DAYS)
        methods = MethodPage.objects.filter(next_review_due__lte=limit)
        return (
            in_municipal_scope(methods, self.request.user)
            .select_related("municipality")
            .order_by("next_review_due", "title")
        )


class MethodsToReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return keeps_methods_reviewed(request.user)


class LocalUseSuggestionsMenuItem(MenuItem):
    def is_shown(self, request):
        return keeps_methods_reviewed(request.user)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("lokal-anvandning/", LocalUseSuggestionsView.as_view(), name="local_use_suggestions"),
        path("reports/metoder-att-granska/", MethodsToReviewView.as_view(), name="methods_to_review"),
        path(
            "reports/metoder-att-granska/results/",
            MethodsToReviewView.as_view(results_only=True),
            name="methods_to_review_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_methods_to_review_menu_item():
    return MethodsToReviewMenuItem(_("Methods to review"), reverse("methods_to_review"), icon_name="date", order=100)


@hooks.register("register_admin_menu_item")
def register_local_use_suggestions_menu_item():
    return LocalUseSuggestionsMenuItem(
        _("Suggested local use"), reverse("local_use_suggestions"), icon_name="site", order=260
    )


@hooks.register("construct_page_chooser_queryset")
def choose_only_pages_shown_in_admin(pages, request):
    return pages_shown_in_admin(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def explore_only_pages_shown_in_admin(parent_page, pages, request):
    return pages_shown_in_admin(pages, request.user)


@hooks.register("construct_document_chooser_queryset")
def choose_only_documents_shown_in_admin(documents, request):
    return documents_shown_in_admin(documents, request.user)


@hooks.register("before_move_page")
def move_only_what_one_may_move(request, page, destination):
    """Wagtail's move confirmation names the page to anyone who opens its address; only its movers may."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


class ShownPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    def get_base_queryset(self):
        # Wagtail builds a policy of its own here rather than reading the one KnowledgeConfig narrows.
        return AdminPagePermissionPolicy().explorable_instances(self.request.user)


@hooks.register("construct_admin_api")
def serve_only_pages_shown_in_admin(router):
    router.register_endpoint("pages", ShownPagesAdminAPIViewSet)


@hooks.register("construct_page_action_menu")
def say_approve_and_publish_once(menu_items, request, context):
    """Wagtail adds "and Publish" to the approve buttons of a workflow's last step; the review's own labels say
    so already ("Godkänn och publicera"), so they are put back as the task words them."""
    page = context.get("page")
    task = page.current_workflow_task if page else None
    if task is None or not isinstance(task.specific, MunicipalReviewTask):
        return
    labels = {(name, modal): label for name, label, modal in task.specific.get_actions(page, request.user)}
    for item in menu_items:
        if isinstance(item, WorkflowMenuItem):
            item.label = labels.get((item.name, item.launch_modal), item.label)


WORKFLOW_LOG_ACTIONS = (
    "wagtail.workflow.start",
    "wagtail.workflow.approve",
    "wagtail.workflow.reject",
    "wagtail.workflow.resume",
    "wagtail.workflow.cancel",
)


def _names_in_readers_language(data):
    if isinstance(data, dict):
        return {
            key: in_readers_language(value) if key == "title" else _names_in_readers_language(value)
            for key, value in data.items()
        }
    return data


def _reading_names_in_readers_language(format_message):
    def formatted(log_entry):
        entry = copy.copy(log_entry)
        entry.data = {**log_entry.data, "workflow": _names_in_readers_language(log_entry.data.get("workflow"))}
        return format_message(entry)

    return formatted


@hooks.register("register_log_actions", order=1)
def name_workflows_in_the_history_in_readers_language(actions):
    """A page's history keeps the workflow's name as its actor read it; the reader reads it in their own language.
    After Wagtail's own formatters (order 0), which this wraps."""
    for action in WORKFLOW_LOG_ACTIONS:
        formatter = actions.formatters.get(action)
        if formatter is not None:
            formatter.format_message = _reading_names_in_readers_language(formatter.format_message)


@hooks.register("insert_editor_js")
def name_the_editors_unnamed_controls():
    """Wagtail's tag field and date picker leave a typing box and three buttons unnamed (axe: "label",
    "button-name"); a small script names them, the buttons with these words in the reader's language."""
    return format_html(
        '<script src="{}" data-previous="{}" data-next="{}" data-today="{}" defer></script>',
        static("js/admin-control-names.js"),
        _("Previous month"),
        _("Next month"),
        _("Today"),
    )


hooks.register(rights.PERSONAL_DATA_HOOK, personal_data.export)
hooks.register(rights.ACCOUNT_CLOSING_HOOK, personal_data.remove)
