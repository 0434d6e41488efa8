"""Events as iCalendar (RFC 5545), built with the icalendar library: one event, a programme, or a person's own.

Times carry their time zone (Europe/Stockholm, with its VTIMEZONE). The description holds the summary and the
address of the event page, never anything about who registered.
"""

from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from django.conf import settings
from django.utils import timezone

PRODUCT_ID = "-//Kunskapsforum//En månad fri från våld//SV"
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def absolute_url(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def uid_of(event):
    host = settings.WAGTAILADMIN_BASE_URL.split("//")[-1].split("/")[0] or "kunskapsforum"
    return f"event-{event.pk}@{host}"


def calendar_event(event, *, tentative=False):
    entry = Event()
    entry.add("uid", uid_of(event))
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", timezone.localtime(event.starts_at, STOCKHOLM))
    entry.add("dtend", timezone.localtime(event.ends_at, STOCKHOLM))
    entry.add("summary", event.title)
    url = absolute_url(event.get_url())
    entry.add("url", url)
    entry.add("description", f"{event.summary}\n\n{url}")
    entry.add("location", event.place or event.online_link)
    entry.add("status", "CANCELLED" if event.is_cancelled else "TENTATIVE" if tentative else "CONFIRMED")
    entry.add("last-modified", event.last_published_at or event.latest_revision_created_at or timezone.now())
    return entry


def calendar_of(events, *, name, tentative=False, tentative_ids=frozenset()):
    """The events as one calendar file; `tentative` (all of them) or `tentative_ids` (those events) for a place not
    yet certain (the waiting list)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    for event in events:
        calendar.add_component(calendar_event(event, tentative=tentative or event.pk in tentative_ids))
    calendar.add_missing_timezones()
    return calendar.to_ical()
