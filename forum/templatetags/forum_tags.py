"""How knowledge pages, tag pages and the start page show discussions, without the knowledge app importing the forum.

The discussions are kept rendered for every reader who sees the same categories (forum/caching.py); the save and
follow buttons are each reader's own and read per request."""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse

from common import parts, versions
from knowledge.models.tags import tags_offered_to, tags_visible_to

from .. import caching
from ..models import Bookmark, Category, Subscription, Thread
from ..views import reading

register = template.Library()

DISCUSSIONS_SHOWN = 5
# The profile lists this many followed threads, the latest active first; the forum's filter shows them all.
FOLLOWED_THREADS_SHOWN = 20


def _kept(context, kind, render, *vary):
    """A part of the forum shown on another page, kept for every reader who sees the same categories under the
    tokens of what it shows (forum/caching.py): THREADS, NAMES (categories', people's and tags' names) and ACCESS."""
    tokens = versions.tokens(caching.THREADS, caching.NAMES, caching.ACCESS)
    return parts.kept(parts.part_key(kind, *vary, *tokens, *caching.readers_kind(context["request"].user)), render)


@register.simple_tag(takes_context=True)
def page_discussions(context, page, heading_id="discussions-heading"):
    """The threads that discuss a page, and a button to start one ("Diskutera"); nothing in it is the reader's own
    but which threads they may see, so it is kept for every reader of a kind."""

    def render():
        visible = Thread.objects.visible_to(context["request"].user)
        threads = visible.filter(knowledge_page=page).latest_activity()
        box = {
            "threads": list(threads[:DISCUSSIONS_SHOWN]),
            "count": threads.count(),
            "page": page,
            "heading_id": heading_id,
            "source_threads": list(visible.filter(derived_page=page)),
        }
        return render_to_string("components/forum/page_discussions.html", box)

    return _kept(context, "page-discussions", render, page.pk, heading_id)


@register.simple_tag(takes_context=True)
def tag_discussions(context, tag):
    return _thread_links(context, Thread.objects.tagged(tag), f"tagg={tag.slug}", tag.pk)


@register.simple_tag(takes_context=True)
def active_discussions(context):
    return _thread_links(context, Thread.objects.all(), "")


def _thread_links(context, threads, more_query, *vary):
    """The latest active of `threads`, kept for every reader of a kind with a hole where each says whether it is
    unread to the reader, filled per request (forum/views/reading.py)."""
    request = context["request"]

    def render():
        visible = threads.visible_to(request.user)
        listed = list(visible.select_related("category").latest_activity()[:DISCUSSIONS_SHOWN])
        holes = caching.Holes()
        for thread in listed:
            thread.unread_mark = holes.mark("unread", thread.pk)
        links = {"threads": listed, "count": visible.count(), "more_query": more_query}
        html = render_to_string("components/forum/thread_links.html", links)
        return {"html": html, "nonce": holes.nonce, "threads": {t.pk: reading.ListedThread.of(t) for t in listed}}

    part = _kept(context, "thread-links", render, more_query, *vary)
    return reading.fill(part, reading.UnreadLinks(request, part))


@register.inclusion_tag("components/forum/bookmark_button.html", takes_context=True)
def bookmark_button(context, page):
    """Save a knowledge page under "Sparat", or take it away."""
    request = context["request"]
    return {
        "url": reverse("forum:bookmark_page", args=[page.pk]),
        "saved": Bookmark.objects.filter(user=request.user, page=page).exists(),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("components/forum/follow_button.html", takes_context=True)
def tag_follow_button(context, tag):
    """Follow a tag from the knowledge bank's tag page: new threads, pages and events with it become notifications."""
    request = context["request"]
    return {
        "url": reverse("forum:follow_tag", args=[tag.slug]),
        "following": Subscription.objects.active().filter(user=request.user, tag=tag).exists(),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("components/forum/my_follows.html", takes_context=True)
def my_follows(context, heading_id="follows-heading"):
    """What the person follows, for the profile page, each with a button to stop; what they may no longer see is
    left out, as its notifications are."""
    request = context["request"]
    user = request.user
    followed = Subscription.objects.active().filter(user=user)
    threads = Thread.objects.visible_to(user).filter(pk__in=followed.values("thread_id")).latest_activity()
    return {
        "threads": list(threads.select_related("category")[:FOLLOWED_THREADS_SHOWN]),
        "thread_count": threads.count(),
        "categories": list(Category.objects.visible_to(user).filter(pk__in=followed.values("category_id")).in_order()),
        "tags": _followed_tags(user, followed),
        "next": f"{request.path}#{heading_id}",
        "heading_id": heading_id,
        "csrf_token": context.get("csrf_token"),
    }


def _followed_tags(user, followed):
    """Each followed tag the person may be offered, and whether it has a tag page for them (one on nothing yet has
    none: the forum's filter is where to look)."""
    tags = list(tags_offered_to(user).filter(pk__in=followed.values("tag_id")).order_by("name"))
    with_page = set(tags_visible_to(user).filter(pk__in=[tag.pk for tag in tags]).values_list("pk", flat=True))
    return [(tag, tag.pk in with_page) for tag in tags]
