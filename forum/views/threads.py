"""Reading the forum: the thread list, one thread, and starting a thread."""

import hashlib
from typing import NamedTuple
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wagtail.models import Page

from accounts.roles import is_moderator
from common import parts, versions
from common.addresses import address_of
from common.kept import KeptInProcess
from common.params import positive_int, safe_next
from knowledge.models import discussable_kinds, discussable_pages
from knowledge.visibility import PAGES_VERSION, is_visible_to

from .. import caching, permissions, services
from ..filters import FILTER_PARAMETERS, ThreadFilters, threads_for
from ..forms import ReplyForm, ThreadForm
from ..knowledge_link import discussion_defaults, may_draft_pages
from ..models import POSTS_PER_PAGE, Category, Post, Thread
from ..models.marks import marks_of
from ..services import MAX_TAGS
from . import reading
from .writing import draft_key, forget_draft, read_before_sending, sent_drafts

THREADS_PER_PAGE = 25
# The actions under each post that are the same for every reader, by the name the post template uses.
POST_ACTIONS = {
    "report": "forum:report_post",
    "moderate": "forum_admin:post",
}


@require_safe
def index(request):
    """Latest activity across every category the person may see, with filters.

    The listing is kept in the cache for everyone who sees the same categories, keyed on THREADS (every write that
    changes what a row, a count or the order shows), NAMES, ACCESS (the categories' limits) and what of the person
    decides which categories they see (`Category.objects.visible_to`: their roles and superuser flag, `sight_of`,
    and their municipality); moderators, who see hidden threads too, have a role of their own and so keys of
    their own. The filters and the page are in the key; "only threads I follow" is the person's own and is never
    kept. Unread marks, the follow button and CSRF tokens are filled in per request (forum/views/reading.py).
    """
    user = request.user
    tokens = caching.tokens_with_the_header(user, caching.THREADS, caching.NAMES, caching.ACCESS)
    asked = [(name, request.GET.get(name, "")) for name in (*FILTER_PARAMETERS, "page")]
    digest = hashlib.sha256(urlencode([*asked, ("focus", bool(request.GET))]).encode()).hexdigest()[:24]
    key = parts.part_key("threads", *tokens, *caching.readers_kind(user), digest)
    if ThreadFilters.only_followed(request.GET):
        part = render_listing(request)
    else:
        part = parts.kept(key, lambda: render_listing(request))
    return render(request, "forum/index.html", {"listing": reading.fill(part, reading.ListReader(request, part))})


def render_listing(request):
    """The categories, the filters and a page of threads as everyone who sees the same categories sees them, with
    holes for the reader's own bits; and what filling them needs (the threads listed, what the follow button is for)."""
    categories = list(
        Category.objects.visible_to(request.user)
        .in_order()
        .annotate(thread_count=Count("threads", filter=Q(threads__is_hidden=False)))
    )
    filters = ThreadFilters(request.GET, user=request.user, categories=categories)
    page = Paginator(filters.apply(threads_for(request.user)), THREADS_PER_PAGE).get_page(request.GET.get("page"))
    threads = list(page.object_list)
    holes = caching.Holes()
    for thread in threads:
        thread.holes = {name: holes.mark(name, thread.pk) for name in reading.ROW_HOLES}
    follow = None
    if filters.category:
        follow = reading.FollowFacts("category", filters.category.pk, filters.category.slug)
    elif filters.tag:
        follow = reading.FollowFacts("tag", filters.tag.pk, filters.tag.slug)
    context = {
        "page_obj": page,
        "threads": threads,
        "filters": filters,
        "categories": categories,
        "csrf_token": holes.mark("csrf_token"),
        "follow_url": follow and reverse(reading.FOLLOW_ROUTES[follow.kind], kwargs={"slug": follow.slug}),
        "focus": bool(request.GET),
        **holes.sections(),
    }
    return {
        "html": render_to_string("components/forum/thread_listing.html", context),
        "nonce": holes.nonce,
        "threads": {thread.pk: reading.ListedThread.of(thread) for thread in threads},
        "follow": follow,
    }


# Threads kept per process: a row with its category, author and answer is a few kilobytes.
KEPT_THREADS = KeptInProcess(size=2000, copies=True)


def kept_thread(pk):
    """The thread with what its page shows of its category, author, municipality and answer, read once per process
    and version of the thread (its token, renewed by every write to it) and of NAMES; None when there is none."""
    thread_version, names_version = versions.tokens(caching.thread_token(pk), caching.NAMES)
    related = ("category", "author", "municipality", "answer__author")
    return KEPT_THREADS.get(
        ("thread", pk, thread_version, names_version),
        lambda: Thread.objects.select_related(*related).filter(pk=pk).first(),
    )


def visible_thread(request, pk):
    """The thread, if the person may see it (`Thread.is_visible_to`, no query once the categories are kept).

    A thread in a category closed to the person answers 403 with a message that
    names no content; a hidden thread is simply not there (404).
    """
    thread = kept_thread(pk)
    if thread is None or not thread.is_visible_to(request.user):
        if thread is not None and not thread.is_hidden:
            raise PermissionDenied(
                _("The thread is in a category that only some roles or municipalities have access to.")
            )
        raise Http404
    if thread.answer:
        thread.answer.thread = thread  # its address is built from the thread: no second query
    return thread


@require_safe
def thread(request, pk):
    """One thread, a page of posts at a time, marking what is new since the last visit.

    The thread's page (its heading, a page of posts, the actions, the writing form) is kept in the cache for all
    members alike, and for all moderators alike (they see hidden posts and the moderation links), keyed on the
    thread's token (renewed by every write to it or its posts, forum/caching.py), NAMES (people's names, tags,
    categories), the page tree's token (the pages it discusses and became) and the language. The tokens are read
    before the thread, which is kept per process under the same tokens (`kept_thread`): a part rendered from older
    data is never kept under a newer token. Whether the person may see the thread is asked on every request, of the
    categories as kept for the current ACCESS token, before anything kept is shown. What is the reader's own is
    read in one query (`marks_of`) and filled into the kept HTML (forum/views/reading.py).
    """
    thread_version, names_version, pages_version = caching.tokens_with_the_header(
        request.user, caching.thread_token(pk), caching.NAMES, PAGES_VERSION
    )
    thread = visible_thread(request, pk)
    moderator = is_moderator(request.user)
    # Posts are numbered from 1 without gaps and never deleted: the thread's last number is their count.
    page = Paginator(range(thread.last_post_number), POSTS_PER_PAGE).get_page(request.GET.get("page"))
    reader = "moderator" if moderator else "member"
    key = parts.part_key("thread", pk, thread_version, names_version, pages_version, page.number, reader)
    part = parts.kept(key, lambda: render_thread_part(request, thread, page, moderator=moderator))
    others = [post_pk for post_pk, post in part["posts"].items() if post.author_id != request.user.pk]
    marks = marks_of(request.user, thread.pk, post_ids=others)
    last_read = marks.last_read_number(thread.pk)
    if page.object_list and page.object_list[-1] + 1 > last_read:
        services.mark_read(thread, request.user, page.object_list[-1] + 1)  # a write only when there is news
    discussed, derived = _linked_pages(thread)
    sees = {
        "discussed": discussed is not None and is_visible_to(discussed, request.user),
        "derived": derived is not None and is_visible_to(derived, request.user),
        "following": marks.following,
        "saved": marks.saved,
        "unread": last_read < thread.last_post_number,
        "draft_experience": may_draft_pages(request.user),
    }
    posts = reading.ThreadPageReader(
        request,
        thread,
        part["posts"],
        moderator=moderator,
        last_read=last_read,
        marked=marks.helpful,
        draft=draft_key(request, "svar", pk),
        sees=sees,
        sent_drafts=sent_drafts(request),
    )
    context = {
        "thread": thread,
        "content": reading.fill(part, posts),
        "may_post": posts.may_post,
        "tags": part["tags"],
    }
    return render(request, "forum/thread.html", context)


def render_thread_part(request, thread, page, *, moderator):
    """The thread's page with one page of its posts as every reader of a kind sees it, with holes for the reader's
    own bits and sections some readers see; and what filling the holes needs to know of each post."""
    numbers = [index + 1 for index in page.object_list]
    posts = list(
        Post.objects.filter(thread=thread, number__in=numbers).select_related("author__municipality").order_by("number")
    )
    tags = list(thread.tags.all())
    holes = caching.Holes()
    for post in posts:
        post.thread = thread  # links are built from the thread: no query per post
        post.addresses = {name: address_of(route, post.pk) for name, route in POST_ACTIONS.items()}
        post.holes = {name: holes.mark(name, post.pk) for name in reading.POST_HOLES}
    may_post = permissions.may_post_in(request.user, thread, seen=True)
    csrf_token = holes.mark("csrf_token")
    # The writing form: the same for all, but for the reader's CSRF token, the key of their draft, and the fresh
    # submission key each form shown gets (forms.SubmissionKeyMixin).
    reply_box = may_post and render_to_string(
        "components/forum/compose.html",
        {
            "form": ReplyForm(initial={"submission_key": holes.mark("submission_key")}),
            "action": address_of("forum:reply", thread.pk),
            "submit_label": _("Send reply"),
            "draft_key": holes.mark("draft_key"),
            "csrf_token": csrf_token,
        },
    )
    discussed, derived = _linked_pages(thread)
    context = {
        "thread": thread,
        "tags": tags,
        "posts": posts,
        "page_obj": page,
        "is_moderator": moderator,
        "may_post": may_post,
        "quote_url": address_of("forum:reply", thread.pk),
        "reply_box": reply_box,
        "discussed": discussed,
        "derived": derived,
        "follow_url": address_of("forum:follow_thread", thread.pk),
        "bookmark_url": address_of("forum:bookmark_thread", thread.pk),
        "csrf_token": csrf_token,
        "holes": {name: holes.mark(name) for name in reading.PAGE_HOLES},
        **holes.sections(),
    }
    return {
        "html": render_to_string("components/forum/thread_page.html", context),
        "posts": {post.pk: reading.PostFacts.of(post) for post in posts},
        "nonce": holes.nonce,
        "tags": tags,
    }


class LinkedPage(NamedTuple):
    """What the thread's page shows of a page it links to, and what `is_visible_to` asks of it. Its address is kept
    with it: the page tree's token is renewed by every change of a page or a site."""

    title: str
    url: str
    path: str
    live: bool

    @classmethod
    def of(cls, page):
        return cls(page.title, page.url, page.path, page.live) if page else None


def _linked_pages(thread):
    """The page the thread discusses and the page it became (or None), kept per process and version of the thread
    and of the page tree, whoever may see them: who may is asked of each reader in memory (`is_visible_to`)."""
    if not (thread.knowledge_page_id or thread.derived_page_id):
        return None, None
    thread_version, pages_version = versions.tokens(caching.thread_token(thread.pk), PAGES_VERSION)
    return KEPT_THREADS.get(
        ("linked pages", thread.pk, thread_version, pages_version),
        lambda: (
            LinkedPage.of(thread.knowledge_page_id and discussable_kinds().filter(pk=thread.knowledge_page_id).first()),
            LinkedPage.of(thread.derived_page_id and Page.objects.filter(pk=thread.derived_page_id).first()),
        ),
    )


@require_safe
def first_unread(request, pk):
    """Jump to the first post the person has not seen."""
    thread = visible_thread(request, pk)
    last_read = marks_of(request.user, thread.pk).last_read_number(thread.pk)
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
