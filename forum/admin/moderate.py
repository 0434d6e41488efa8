"""One post or one thread on the moderator's desk: what it says, its history, and the buttons."""

import difflib
from dataclasses import dataclass

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from taggit.utils import edit_string_for_tags
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from common.params import safe_next

from .. import moderation
from ..knowledge_link import draft_experience_from_thread, may_draft_pages
from ..models import ModerationAction, Post, Thread
from ..permissions import ForumError
from .access import EditorRequiredMixin, ModeratorRequiredMixin, page_of, pagination_context
from .forms import MoveForm, ReasonForm, RedactForm, RetagForm
from .listings import HOME

RECENT_ACTIONS = 20


@dataclass(frozen=True)
class Step:
    """A moderation button: its form, and the verb it calls as `verb(target, by=user, **cleaned_data)`.

    A step with a `preview(target, **cleaned_data)` first shows what it would do, and acts only when the
    form comes back with `confirmed`.
    """

    form_class: type
    verb: object
    done: str
    preview: object = None


class ModerationPage(ModeratorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """A page with several small forms; each POST names its step in the `action` field."""

    steps = {}

    @property
    def target(self):
        raise NotImplementedError

    def form_kwargs(self, name):
        return {}

    def initial(self, name):
        return {}

    def make_form(self, name, data=None):
        form_class = self.steps[name].form_class
        return form_class(data, prefix=name, initial=self.initial(name), **self.form_kwargs(name))

    def get_breadcrumbs_items(self):
        queue = {"url": reverse("forum_admin:queue"), "label": _("Moderation queue")}
        return [HOME, queue, {"url": "", "label": self.get_header_title()}]

    def get_context_data(self, bound_form=None, **kwargs):
        forms = {name: self.make_form(name) for name in self.steps}
        if bound_form is not None:
            forms[bound_form.prefix] = bound_form
        return super().get_context_data(forms=forms, **kwargs)

    def post(self, request, *args, **kwargs):
        name = request.POST.get("action")
        if name not in self.steps:
            messages.error(request, _("Unknown action: nothing was done."))
            return redirect(request.path)
        step = self.steps[name]
        form = self.make_form(name, request.POST)
        if form.is_valid():
            data = {name: value for name, value in form.cleaned_data.items() if name != "confirmed"}
            if step.preview and not form.cleaned_data.get("confirmed"):
                preview = {"step": name, "form": form, "matches": step.preview(self.target, **data)}
                return self.render_to_response(self.get_context_data(bound_form=form, preview=preview))
            try:
                changed = step.verb(self.target, by=request.user, **data)
            except ForumError as error:
                form.add_error(None, error.message)
            else:
                self.report_outcome(step, changed)
                return redirect(safe_next(request, request.path))
        messages.error(request, _("Nothing was done: see the form below."))
        return self.render_to_response(self.get_context_data(bound_form=form))

    def report_outcome(self, step, changed):
        if changed:
            messages.success(self.request, step.done)
        else:
            messages.info(self.request, _("Nothing changed: it already was that way."))


def changes(before, after):
    """The lines an edit removed and added, for the history view."""
    return [
        ("added" if line.startswith("+") else "removed", line[2:])
        for line in difflib.ndiff(before.splitlines(), after.splitlines())
        if line[:1] in "+-"
    ]


class PostModerationView(ModerationPage):
    template_name = "forum/admin/post.html"
    header_icon = "doc-full"
    steps = {
        "hide": Step(
            ReasonForm, moderation.hide_post, _("The post is hidden. Its author and those who reported it are told.")
        ),
        "restore": Step(ReasonForm, moderation.restore_post, _("The post is shown again. Its author is told.")),
        "redact": Step(
            RedactForm,
            moderation.redact_post,
            _("The text is removed everywhere."),
            preview=lambda post, fragment, **_data: moderation.redaction_preview(post, fragment),
        ),
        "dismiss": Step(
            ReasonForm, moderation.dismiss_reports, _("The reports are closed. Those who sent them are told.")
        ),
        # The same verb as "dismiss": on a hidden post, the open one is the author's request to show it again.
        "keep_hidden": Step(
            ReasonForm, moderation.dismiss_reports, _("The post stays hidden. Its author is told why.")
        ),
    }

    @cached_property
    def target(self):
        posts = Post.objects.select_related("thread__category", "thread__derived_page", "author")
        return get_object_or_404(posts, pk=self.kwargs["pk"])

    def get_page_title(self):
        return _("Post #%(number)s") % {"number": self.target.number}

    def get_page_subtitle(self):
        return self.target.thread.title

    def form_kwargs(self, name):
        return {"post": self.target} if name == "redact" else {}

    def report_outcome(self, step, changed):
        super().report_outcome(step, changed)
        page = self.target.thread.derived_page
        if step.verb is moderation.redact_post and page:
            messages.warning(
                self.request,
                _("This thread was copied to the page “%(title)s”: remove the text there too.") % {"title": page.title},
            )

    def get_context_data(self, **kwargs):
        post = self.target
        revisions = list(post.revisions.select_related("edited_by"))
        history = [
            (revision, changes(previous.body, revision.body) if previous else [])
            for previous, revision in zip([None, *revisions], revisions, strict=False)
        ]
        return super().get_context_data(
            post=post,
            thread=post.thread,
            is_hidden=post.thread.is_hidden if post.is_first else post.is_hidden,
            history=history,
            reports=post.reports.select_related("reporter", "handled_by").order_by("-created_at"),
            has_open_reports=post.reports.open().from_members().exists(),
            has_open_request=post.reports.open().restore_requests().exists(),
            actions=ModerationAction.objects.filter(post=post).select_related("moderator")[:RECENT_ACTIONS],
            **kwargs,
        )


class ThreadModerationView(ModerationPage):
    template_name = "forum/admin/thread.html"
    header_icon = "list-ul"
    steps = {
        "lock": Step(ReasonForm, moderation.lock_thread, _("The thread is locked.")),
        "unlock": Step(ReasonForm, moderation.unlock_thread, _("The thread is open again.")),
        "pin": Step(ReasonForm, moderation.pin_thread, _("The thread is pinned.")),
        "unpin": Step(ReasonForm, moderation.unpin_thread, _("The thread is no longer pinned.")),
        "hide": Step(
            ReasonForm,
            moderation.hide_thread,
            _("The thread is hidden. Its author and those who reported it are told."),
        ),
        "restore": Step(ReasonForm, moderation.restore_thread, _("The thread is shown again. Its author is told.")),
        "move": Step(MoveForm, moderation.move_thread, _("The thread is moved.")),
        "retag": Step(RetagForm, moderation.retag_thread, _("The tags are changed.")),
    }

    @cached_property
    def target(self):
        threads = Thread.objects.select_related("category", "author", "municipality", "derived_page")
        return get_object_or_404(threads, pk=self.kwargs["pk"])

    def get_page_title(self):
        return _("Thread")

    def get_page_subtitle(self):
        return self.target.title

    def initial(self, name):
        if name == "move":
            return {"category": self.target.category_id}
        if name == "retag":
            return {"tags": edit_string_for_tags(self.target.tags.all())}
        return {}

    def get_context_data(self, **kwargs):
        thread = self.target
        posts = (
            thread.posts.select_related("author")
            .annotate(open_reports=Count("reports", filter=Q(reports__handled_at__isnull=True)))
            .order_by("number")
        )
        page = page_of(self.request, posts)
        return super().get_context_data(
            thread=thread,
            posts=page.object_list,
            **pagination_context(page),
            actions=thread.moderation_actions.select_related("moderator", "post")[:RECENT_ACTIONS],
            may_draft=may_draft_pages(self.request.user) and thread.is_solved and not thread.derived_page_id,
            **kwargs,
        )


class DraftExperienceView(EditorRequiredMixin, View):
    """ "Make an experience": the solved thread becomes a draft page in review, and the editor lands in it."""

    def post(self, request, pk):
        thread = get_object_or_404(Thread.objects.visible_to(request.user), pk=pk)
        existed = thread.derived_page_id is not None
        try:
            page = draft_experience_from_thread(thread, by=request.user)
        except ForumError as error:
            messages.error(request, error.message)
            return redirect(safe_next(request, reverse("forum_admin:solved")))
        if existed:
            messages.info(request, _("This thread already is the page “%(title)s”.") % {"title": page.title})
        else:
            messages.success(
                request,
                _("The draft “%(title)s” is waiting for review. Rewrite it in your own words before it is published.")
                % {"title": page.title},
            )
        return redirect("wagtailadmin_pages:edit", page.pk)
