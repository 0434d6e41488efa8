"""Reading the forum: the thread list, one thread, and starting a thread."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wagtail.models import Page

from accounts.roles import is_moderator
from common.addresses import address_of
from common.params import positive_int, safe_next
from knowledge.models import discussable_pages
from knowledge.visibility import visible_pages

from .. import permissions, services
from ..filters import ThreadFilters, threads_for
from ..forms import ReplyForm, ThreadForm
from ..knowledge_link import discussion_defaults, may_draft_pages
from ..models import POSTS_PER_PAGE, Bookmark, Category, Post, Subscription, Thread
from ..services import MAX_TAGS
from .writing import draft_key, forget_draft, read_before_sending, sent_drafts

THREADS_PER_PAGE = 25


@require_safe
def index(request):
    """Latest activity across every category the person may see, with filters."""
    categories = list(
        Category.objects.visible_to(request.user)
        .in_order()
        .annotate(thread_count=Count("threads", filter=Q(threads__is_hidden=False)))
    )
    filters = ThreadFilters(request.GET, user=request.user, categories=categories)
    page = Paginator(filters.apply(threads_for(request.user)), THREADS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "threads": page.object_list,
        "filters": filters,
        "categories": categories,
        "following_category": filters.category and _follows(request.user, category=filters.category),
        "following_tag": filters.tag and _follows(request.user, tag=filters.tag),
    }
    return render(request, "forum/index.html", context)


def _follows(user, **target):
    return Subscription.objects.active().filter(user=user, **target).exists()


def visible_thread(request, pk):
    """The thread, if the person may see it.

    A thread in a category closed to the person answers 403 with a message that
    names no content; a hidden thread is simply not there (404).
    """
    queryset = (
        Thread.objects.visible_to(request.user)
        .with_reading_state(request.user)
        .select_related("category", "author", "answer__author")
    )
    thread = queryset.filter(pk=pk).first()
    if thread is None:
        if Thread.objects.filter(pk=pk, is_hidden=False).exists():
            raise PermissionDenied(
                _("The thread is in a category that only some roles or municipalities have access to.")
            )
        raise Http404
    return thread


# The actions under each post, by the name the post template uses.
POST_ACTIONS = {
    "helpful": "forum:helpful",
    "accept_answer": "forum:accept_answer",
    "edit": "forum:edit_post",
    "report": "forum:report_post",
    "moderate": "forum_admin:post",
}


@require_safe
def thread(request, pk):
    """One thread, a page of posts at a time, marking what is new since the last visit."""
    thread = visible_thread(request, pk)
    last_read = thread.last_read_number
    posts = (
        Post.objects.filter(thread=thread)
        .select_related("author__municipality")
        .with_helpful_state(request.user)
        .with_restore_request()
        .order_by("number")
    )
    page = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
    page_posts = list(page.object_list)
    for post in page_posts:
        post.thread = thread  # links are built from the thread: no query per post
        post.addresses = {name: address_of(route, post.pk) for name, route in POST_ACTIONS.items()}
    if page_posts and page_posts[-1].number > last_read:
        services.mark_read(thread, request.user, page_posts[-1].number)  # a write only when there is news
    moderator = is_moderator(request.user)
    context = {
        "thread": thread,
        "page_obj": page,
        "posts": page_posts,
        "last_read_number": last_read,
        "tags": list(thread.tags.all()),
        "following": _follows(request.user, thread=thread),
        "bookmarked": Bookmark.objects.filter(user=request.user, thread=thread).exists(),
        "may_post": permissions.may_post_in(request.user, thread),
        "may_accept_answer": permissions.may_accept_answer(request.user, thread),
        "is_moderator": moderator,
        "quote_url": address_of("forum:reply", thread.pk),
        "may_draft_experience": thread.is_solved and not thread.derived_page_id and may_draft_pages(request.user),
        "reply_form": ReplyForm(),
        "draft_key": draft_key(request, "svar", thread.pk),
        "sent_drafts": sent_drafts(request),
        **_linked_pages(thread, request.user),
    }
    return render(request, "forum/thread.html", context)


def _linked_pages(thread, user):
    """The page the thread discusses and the page it became, when the person may see them."""
    discussed = thread.knowledge_page_id and discussable_pages(user).filter(pk=thread.knowledge_page_id).first()
    derived = thread.derived_page_id and visible_pages(Page.objects.filter(pk=thread.derived_page_id), user).first()
    return {"discussed_page": discussed or None, "derived_page": derived or None}


@require_safe
def first_unread(request, pk):
    """Jump to the first post the person has not seen."""
    thread = visible_thread(request, pk)
    last_read = thread.last_read_number
    return redirect(thread.url_of_post(min(last_read + 1, thread.last_post_number)))


@require_http_methods(["GET", "HEAD", "POST"])
def new_thread(request):
    """Start a thread, optionally about a knowledge page ("Diskutera"), with a preview before posting."""
    initial = {}
    if request.method == "GET":
        page_id = positive_int(request.GET.get("sida"), None)
        page = page_id and discussable_pages(request.user).filter(pk=page_id).first()
        if page:
            initial = {"knowledge_page": page.pk, **discussion_defaults(page, request.user, max_tags=MAX_TAGS)}
        elif page_id:
            initial["knowledge_page"] = page_id  # the form says the page is not there, naming nothing
        category = Category.objects.visible_to(request.user).filter(slug=request.GET.get("kategori", "")).first()
        if category:
            initial["category"] = category
        # "Ask in the forum" from a search that found nothing brings its words as the title.
        title = " ".join(request.GET.get("rubrik", "").split())
        if title:
            initial["title"] = title[: Thread._meta.get_field("title").max_length]
    form = ThreadForm(request.POST or None, user=request.user, initial=initial)
    preview = None
    knowledge_page = _linked_page(form)
    draft = draft_key(request, "ny", knowledge_page.pk if knowledge_page else None)
    if request.method == "POST" and form.is_valid():
        preview, may_send = read_before_sending(request, form.cleaned_data["body"], form.cleaned_data["category"])
        if may_send:
            data = form.cleaned_data
            try:
                thread = services.start_thread(
                    author=request.user,
                    category=data["category"],
                    title=data["title"],
                    kind=data["kind"],
                    body=data["body"],
                    tags=form.tag_names,
                    knowledge_page=data["knowledge_page"],
                    submission_key=data["submission_key"],
                )
            except permissions.ForumError as error:
                form.add_error(None, error.message)
                preview = None
            else:
                messages.success(request, _("Your thread has been published."))
                forget_draft(request, draft)
                return redirect(thread)
    context = {
        "form": form,
        "preview": preview,
        "held": preview is not None and "preview" not in request.POST,
        "knowledge_page": knowledge_page,
        "draft_key": draft,
    }
    return render(request, "forum/new_thread.html", context)


def _linked_page(form):
    if form.is_bound:
        return form.cleaned_data.get("knowledge_page") if hasattr(form, "cleaned_data") else None
    page_id = form.initial.get("knowledge_page")
    field = form.fields["knowledge_page"]
    return field.queryset.filter(pk=page_id).first() if page_id else None


@require_POST
def follow_thread(request, pk):
    thread = visible_thread(request, pk)
    follow = request.POST.get("follow") == "1"
    services.set_following(request.user, follow=follow, thread=thread)
    messages.success(request, _("You follow the thread.") if follow else _("You no longer follow the thread."))
    return redirect(safe_next(request, thread.get_absolute_url()))


@require_POST
def mark_all_read(request):
    services.mark_all_read(request.user)
    messages.success(request, _("Everything in the forum is marked as read."))
    return redirect("forum:index")
