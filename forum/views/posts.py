"""Writing in a thread: reply with preview and quotes, edit, mark helpful, mark the answer, report, follow."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from common.params import positive_int, safe_next
from knowledge.models.tags import tags_offered_to

from .. import permissions, services
from ..forms import EditPostForm, ReplyForm, ReportForm
from ..models import Category, ModerationAction, Post, Report
from .threads import visible_thread
from .writing import draft_key, forget_draft, read_before_sending

QUOTE_MAX_LENGTH = 1500


def visible_post(request, pk):
    """The post, if the person may read it (hidden posts only for moderators)."""
    queryset = Post.objects.visible_to(request.user).select_related("thread__category", "author")
    return get_object_or_404(queryset, pk=pk)


def quote_of(post):
    """The Markdown that quotes a post: the author's name, then its text, each line behind >. The header is in the
    thread's language, not the quoter's: it becomes part of the post."""
    text = post.body if len(post.body) <= QUOTE_MAX_LENGTH else post.body[:QUOTE_MAX_LENGTH] + " …"
    quoted = "\n".join(f"> {line}" if line else ">" for line in text.splitlines())
    with translation.override(post.thread.language):
        header = _("%(name)s wrote:") % {"name": f"**{post.author}**"}
    return f"> {header}\n{quoted}\n\n"


@require_http_methods(["GET", "HEAD", "POST"])
def reply(request, pk):
    """Reply to a thread; ?citera=<post> starts the reply with a quote. Preview shows the text as it will look."""
    thread = visible_thread(request, pk)
    if not permissions.may_post_in(request.user, thread):
        raise PermissionDenied(_("The thread is locked: no new posts can be added."))
    initial = {}
    quoted_id = positive_int(request.GET.get("citera"))
    if request.method == "GET" and quoted_id:
        quoted = Post.objects.visible_to(request.user).filter(thread=thread, pk=quoted_id, is_hidden=False).first()
        if quoted:
            initial = {"body": quote_of(quoted), "quoted": str(quoted.pk)}
    form = ReplyForm(request.POST or None, initial=initial)
    preview = None
    draft = draft_key(request, "svar", thread.pk)
    if request.method == "POST" and form.is_valid():
        preview, may_send = read_before_sending(request, form.cleaned_data["body"], thread.category)
        if may_send:
            quoted_posts = Post.objects.filter(thread=thread, pk__in=form.cleaned_data["quoted"], is_hidden=False)
            try:
                post = services.reply(
                    thread,
                    author=request.user,
                    body=form.cleaned_data["body"],
                    quoted_posts=list(quoted_posts),
                    submission_key=form.cleaned_data["submission_key"],
                )
            except permissions.NotAllowed as error:
                raise PermissionDenied(error.message) from error
            except permissions.ForumError as error:
                form.add_error(None, error.message)
                preview = None
            else:
                messages.success(request, _("Your reply has been published."))
                forget_draft(request, draft)
                return redirect(post)
    context = {"thread": thread, "form": form, "preview": preview, "held": _held(request, preview), "draft_key": draft}
    return render(request, "forum/reply.html", context)


def _held(request, preview):
    """Whether the writer asked to publish and the mentions held the post back."""
    return preview is not None and "preview" not in request.POST


@require_http_methods(["GET", "HEAD", "POST"])
def edit_post(request, pk):
    """Edit a post. The old text stays in its history; a save based on an old version is refused, not lost.

    The author of a hidden post finds it here too, with the moderator's reason: saving asks the moderators
    to show it again.
    """
    posts = Post.objects.visible_or_own(request.user).select_related("thread__category", "author")
    post = get_object_or_404(posts, pk=pk)
    if not permissions.may_edit(request.user, post):
        raise PermissionDenied(_("You can only edit your own posts, and not in a locked thread."))
    asking = permissions.may_ask_to_show_again(request.user, post)
    initial = {"body": post.body, "version": post.version, "title": post.thread.title}
    form = EditPostForm(request.POST or None, post=post, initial=initial, asking_to_show_again=asking)
    preview = None
    draft = draft_key(request, "redigera", post.pk)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        preview, may_send = read_before_sending(request, data["body"], post.thread.category)
        if may_send:
            try:
                if asking:
                    services.ask_to_show_again(
                        post,
                        by=request.user,
                        body=data["body"],
                        version=data["version"],
                        title=data.get("title"),
                        message=data["message"],
                    )
                else:
                    services.edit_post(
                        post, by=request.user, body=data["body"], version=data["version"], title=data.get("title")
                    )
            except permissions.ForumError as error:
                form.add_error(None, error.message)
                post.refresh_from_db()
                preview = None
            else:
                forget_draft(request, draft)
                return _after_edit(request, post, asked=asking)
    context = {
        "post": post,
        "thread": post.thread,
        "form": form,
        "preview": preview,
        "held": _held(request, preview),
        "draft_key": draft,
        "asking": asking,
    }
    if asking:
        context["hiding"] = ModerationAction.objects.hiding_of(post)
        context["open_request"] = Report.objects.open().restore_requests().filter(post=post).first()
    return render(request, "forum/edit_post.html", context)


def _after_edit(request, post, *, asked):
    if not asked:
        messages.success(request, _("Your changes have been saved."))
        return redirect(post)
    messages.success(
        request,
        _("Saved. The moderators are asked to show your post again; you will hear from them in your notifications."),
    )
    # A hidden reply shows its author where it stands in the thread; a hidden thread is nowhere to be seen.
    if permissions.may_see(request.user, post.thread):
        return redirect(post)
    return redirect("forum:edit_post", pk=post.pk)


@require_POST
def helpful(request, pk):
    post = visible_post(request, pk)
    if request.POST.get("helpful") == "1":
        if not services.mark_helpful(post, by=request.user) and post.author_id == request.user.pk:
            messages.info(request, _("You cannot mark your own post as helpful."))
    else:
        services.unmark_helpful(post, by=request.user)
    return redirect(post)


@require_POST
def accept_answer(request, pk):
    post = visible_post(request, pk)
    try:
        if request.POST.get("answer") == "1":
            services.accept_answer(post, by=request.user)
            messages.success(request, _("The reply is marked as the answer. The thread is solved."))
        else:
            services.clear_answer(post.thread, by=request.user)
            messages.success(request, _("The thread is no longer marked as solved."))
    except permissions.NotAllowed as error:
        raise PermissionDenied(error.message) from error
    except permissions.ForumError as error:
        messages.error(request, error.message)
    return redirect(post)


@require_http_methods(["GET", "HEAD", "POST"])
def report_post(request, pk):
    """Ask the moderators to look at a post."""
    post = visible_post(request, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_post(
                post, by=request.user, reason=form.cleaned_data["reason"], explanation=form.cleaned_data["explanation"]
            )
        except permissions.ForumError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you. The moderators have been told and will look at the post."))
            return redirect(post)
    return render(request, "forum/report_post.html", {"post": post, "thread": post.thread, "form": form})


@require_POST
def follow_category(request, slug):
    category = get_object_or_404(Category.objects.visible_to(request.user), slug=slug)
    follow = request.POST.get("follow") == "1"
    services.set_following(request.user, follow=follow, category=category)
    if follow:
        messages.success(request, _("You follow %(name)s: new threads there reach you.") % {"name": category.label})
    else:
        messages.success(request, _("You no longer follow %(name)s.") % {"name": category.label})
    return redirect(safe_next(request, f"{reverse('forum:index')}?kategori={category.slug}"))


@require_POST
def follow_tag(request, slug):
    """Follow a tag from the forum or the knowledge bank's tag page: new threads, pages and events with it reach the
    person. A tag only used where the person may not look is not there to follow."""
    tag = get_object_or_404(tags_offered_to(request.user), slug=slug)
    follow = request.POST.get("follow") == "1"
    services.set_following(request.user, follow=follow, tag=tag)
    if follow:
        messages.success(
            request,
            _("You follow the tag %(name)s: new threads, pages and events with it reach you.") % {"name": tag.name},
        )
    else:
        messages.success(request, _("You no longer follow the tag %(name)s.") % {"name": tag.name})
    return redirect(safe_next(request, f"{reverse('forum:index')}?tagg={tag.slug}"))
