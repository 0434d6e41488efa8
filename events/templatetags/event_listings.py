"""How tag pages, method pages and municipality pages show upcoming events, without the knowledge app importing events.

Each tag reads two queries (the events shown and how many there are), whatever the number of events.
"""

from django import template
from django.utils.translation import gettext_lazy as _

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


@register.inclusion_tag("components/events/upcoming_line.html", takes_context=True)
def method_events(context, method):
    """The upcoming events about a method ("Kommande: workshop om …"), for the method page; nothing when none."""
    return _listing(_upcoming(context).filter(methods=method))


@register.inclusion_tag("components/events/event_links.html", takes_context=True)
def municipality_events(context, municipality):
    """The upcoming events a municipality hosts, for its municipality page."""
    events = _upcoming(context).filter(municipality=municipality) if municipality else EventPage.objects.none()
    return _listing(events, _("The municipality hosts no upcoming event."))
