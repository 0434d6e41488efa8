"""How knowledge pages, tag pages and the start page show discussions, without the knowledge app importing the forum."""

from django import template
from django.urls import reverse

from knowledge.models.tags import tags_offered_to, tags_visible_to

from ..models import Bookmark, Category, Subscription, Thread

register = template.Library()

DISCUSSIONS_SHOWN = 5
# The profile lists this many followed threads, the latest active first; the forum's filter shows them all.
FOLLOWED_THREADS_SHOWN = 20


def _visible_threads(context):
    user = context["request"].user
    return Thread.objects.visible_to(user).for_listing().with_reading_state(user).latest_activity()


@register.inclusion_tag("components/forum/page_discussions.html", takes_context=True)
def page_discussions(context, page, heading_id="discussions-heading"):
    """The threads that discuss a page, and a button to start one ("Diskutera")."""
    threads = _visible_threads(context).filter(knowledge_page=page)
    return {
        "threads": list(threads[:DISCUSSIONS_SHOWN]),
        "count": threads.count(),
        "page": page,
        "heading_id": heading_id,
        "source_threads": Thread.objects.visible_to(context["request"].user).filter(derived_page=page),
    }


@register.inclusion_tag("components/forum/thread_links.html", takes_context=True)
def tag_discussions(context, tag):
    threads = _visible_threads(context).tagged(tag)
    return {"threads": list(threads[:DISCUSSIONS_SHOWN]), "count": threads.count(), "more_query": f"tagg={tag.slug}"}


@register.inclusion_tag("components/forum/thread_links.html", takes_context=True)
def active_discussions(context):
    threads = _visible_threads(context)
    return {"threads": list(threads[:DISCUSSIONS_SHOWN]), "count": threads.count(), "more_query": ""}


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
