"""How knowledge pages, tag pages and the start page show discussions, without the knowledge app importing the forum."""

from django import template

from ..models import Thread

register = template.Library()

DISCUSSIONS_SHOWN = 5


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
