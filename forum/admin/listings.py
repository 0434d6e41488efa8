"""The lists moderators and editors work from: open reports, hidden content, the log, solved threads."""

from django.db.models import Count, Exists, F, Min, OuterRef, Prefetch, Q
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext
from django.views.generic import TemplateView

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from common.spreadsheets import FormulaSafeExportMixin

from ..models import Category, ModerationAction, Post, Report, ReportReason, Thread
from .access import EditorRequiredMixin, ModeratorRequiredMixin, page_of, pagination_context
from .forms import ModerationLogFilterSet

HOME = {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")}


def reported_posts():
    """Posts with open reports or requests to show them again, the longest-waiting first, each with its open
    reports, how many members reported it and whether its author asks for it back."""
    waiting = Q(reports__handled_at__isnull=True)
    asked = Q(reports__reason=ReportReason.RESTORE_REQUEST)
    return (
        Post.objects.filter(pk__in=Report.objects.open().values("post_id"))
        .annotate(
            first_reported_at=Min("reports__created_at", filter=waiting),
            reporter_count=Count("reports__reporter", filter=waiting & ~asked, distinct=True),
            asks_to_be_shown=Count("reports", filter=waiting & asked),
        )
        .select_related("thread__category", "author")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=Report.objects.open().select_related("reporter").order_by("created_at"),
                to_attr="open_reports",
            )
        )
        .order_by("first_reported_at", "pk")
    )


class QueueView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "forum/admin/queue.html"
    page_title = _("Moderation queue")
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        return [HOME, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        page = page_of(self.request, reported_posts())
        return super().get_context_data(posts=page.object_list, **pagination_context(page), **kwargs)


class HiddenView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Hidden posts or hidden threads (?visa=tradar), each with a way back."""

    template_name = "forum/admin/hidden.html"
    page_title = _("Hidden content")
    header_icon = "view"

    def get_breadcrumbs_items(self):
        return [HOME, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        show_threads = self.request.GET.get("visa") == "tradar"
        if show_threads:
            items = Thread.objects.filter(is_hidden=True).select_related("category", "author")
        else:
            items = Post.objects.filter(is_hidden=True).select_related("thread__category", "author")
        page = page_of(self.request, items.order_by("-pk"))
        return super().get_context_data(
            show_threads=show_threads, items=page.object_list, **pagination_context(page), **kwargs
        )


def describe(action):
    """The details of a log entry in words: never more than the log holds, and it never holds redacted text."""
    details = action.details or {}
    Action = ModerationAction.Action
    if action.action == Action.MOVE:
        return f"{details.get('from', {}).get('name', '?')} → {details.get('to', {}).get('name', '?')}"
    if action.action == Action.RETAG:
        return f"{', '.join(details.get('before', [])) or '–'} → {', '.join(details.get('after', [])) or '–'}"
    if action.action == Action.REDACT:
        replacements = details.get("replacements", 0)
        posts = len(details.get("posts", []))
        revisions = len(details.get("revisions", []))
        return pgettext("redaction summary", "%(replacements)s in %(posts)s and %(revisions)s") % {
            "replacements": ngettext("%(count)d replacement", "%(count)d replacements", replacements)
            % {"count": replacements},
            "posts": ngettext("%(count)d post", "%(count)d posts", posts) % {"count": posts},
            "revisions": ngettext("%(count)d earlier version", "%(count)d earlier versions", revisions)
            % {"count": revisions},
        }
    if details.get("reports_closed"):
        return _("Reports closed: %(count)s") % {"count": details["reports_closed"]}
    if action.action == Action.DISMISS_REPORT:
        return _("Reports closed: %(count)s") % {"count": len(details.get("reports", []))}
    return ""


class PostColumn(TitleColumn):
    empty_value_display = ""


def post_number(action):
    return f"#{action.post.number}" if action.post_id else ""


def post_link(action):
    return reverse("forum_admin:post", args=[action.post_id]) if action.post_id else None


class ModerationLogView(ModeratorRequiredMixin, FormulaSafeExportMixin, ReportView):
    page_title = _("Moderation log")
    header_icon = "history"
    filterset_class = ModerationLogFilterSet
    index_url_name = "forum_admin:log"
    index_results_url_name = "forum_admin:log_results"
    verbose_name_plural = _("moderation actions")
    columns = [
        DateColumn("created_at", label=_("When")),
        Column("moderator", label=_("Moderator")),
        Column("action", label=_("Action"), accessor="get_action_display"),
        TitleColumn("thread", label=_("Thread"), url_name="forum_admin:thread", id_accessor="thread_id"),
        PostColumn("post", label=_("Post"), accessor=post_number, get_url=post_link),
        Column("reason", label=_("Reason")),
        Column("details", label=_("Details"), accessor=describe),
    ]
    export_filename = "moderation-log"
    list_export = ["created_at", "moderator", "action", "thread", "post", "reason", "details"]
    export_headings = {column.name: column.label for column in columns}

    def to_row_dict(self, item):
        """The row as the table shows it: names and words, not ids."""
        return {
            "created_at": item.created_at,
            "moderator": str(item.moderator),
            "action": item.get_action_display(),
            "thread": item.thread.title if item.thread_id else "",
            "post": post_number(item),
            "reason": item.reason,
            "details": describe(item),
        }

    def get_queryset(self):
        return ModerationAction.objects.select_related("moderator", "thread", "post").order_by("-created_at", "-pk")


class SolvedThreadsView(EditorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Solved threads an editor can turn into experiences; restricted rooms stay out of the knowledge bank."""

    template_name = "forum/admin/solved.html"
    page_title = _("Solved threads")
    header_icon = "tick"

    def get_breadcrumbs_items(self):
        return [HOME, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        groups = Category.restricted_to_groups.through.objects.filter(category_id=OuterRef("category_id"))
        places = Category.restricted_to_municipalities.through.objects.filter(category_id=OuterRef("category_id"))
        threads = (
            Thread.objects.visible_to(self.request.user)
            .solved()
            .filter(is_hidden=False)
            .exclude(Exists(groups) | Exists(places))
            .select_related("category", "municipality", "derived_page")
            .order_by(F("derived_page").asc(nulls_first=True), "-last_activity_at", "-pk")
        )
        page = page_of(self.request, threads)
        return super().get_context_data(threads=page.object_list, **pagination_context(page), **kwargs)
