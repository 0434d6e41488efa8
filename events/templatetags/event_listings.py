"""How tag pages, method pages and municipality pages show upcoming events, without the knowledge app importing events.

Each tag reads two queries (the events shown and how many there are), whatever the number of events; the method
page's line is kept in the cache (events/caching.py), as it is on every method page.
"""

from django import template
from django.db.models import Count, Min
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from .. import caching
from ..models import EventPage

register = template.Library()

EVENTS_SHOWN = 5


def _upcoming(context):
    return EventPage.objects.visible_to(context["request"].user).upcoming().select_related("municipality")


def _listing(events, empty=""):
    return {"events": list(events[:EVENTS_SHOWN]), "count": events.count(), "empty": empty}


@register.inclusion_tag("components/events/event_links.html", takes_context=True)
def tag_events(context, tag):
    """The upcoming events carrying a tag, for the tag page."""
    return _listing(_upcoming(context).filter(tags=tag), _("No upcoming event carries this tag."))


@register.simple_tag(takes_context=True)
def method_events(context, method):
    """The upcoming events about a method ("Kommande: workshop om …"), for the method page; nothing when none. Kept
    for everyone with the same sight (events/caching.py)."""

    def render():
        events = _upcoming(context).filter(methods=method)
        shown = list(events[:EVENTS_SHOWN])
        counted = events.aggregate(count=Count("pk"), first_end=Min("ends_at"))
        html = render_to_string("components/events/upcoming_line.html", {"events": shown, "count": counted["count"]})
        return html, counted["first_end"]

    return caching.kept_listing(context["request"], "method-events", render, method.pk)


@register.inclusion_tag("components/events/event_links.html", takes_context=True)
def municipality_events(context, municipality):
    """The upcoming events a municipality hosts, for its municipality page."""
    events = _upcoming(context).filter(municipality=municipality) if municipality else EventPage.objects.none()
    return _listing(events, _("The municipality hosts no upcoming event."))
