"""The campaign month's part of the format: campaign years with their events, their checks, and how they are
written. A campaign is named by its year, an event by its `id` within the campaign, which becomes its address
(slug) under the campaign page; importing the file again updates both."""

import re

from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Page

from events import services
from events.models import CampaignPage, EventPage

from .fields import (
    Invalid,
    a_date,
    a_number_from,
    a_time,
    a_year,
    expect,
    list_of,
    many_of,
    markdown,
    max_length,
    one_of,
    optional,
    record,
    required,
    tags,
    text,
    web_address,
)
from .pages import paragraph

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def event_id(value, context):
    """The event's address under its campaign page: a–z, 0–9 and hyphens."""
    slug = text(80)(value, context)
    if not SLUG.fullmatch(slug):
        raise Invalid(_('is the event\'s web address: only a–z, 0–9 and hyphens, e.g. "workshop-trygga-samtal"'))
    return slug


def true_or_false(value, context):
    expect(value, bool)
    return value


EVENT_FIELDS = {
    "id": required(event_id),
    "title": required(text(max_length(Page, "title"))),
    "type": required(one_of("event_type")),
    "summary": required(text(max_length(EventPage, "summary"))),
    "starts_at": required(a_time),
    "ends_at": required(a_time),
    "place": optional(text(max_length(EventPage, "place"))),
    "online_link": optional(web_address),
    "host": optional(one_of("municipality")),
    "speaker": optional(text(max_length(EventPage, "speaker"))),
    "capacity": optional(a_number_from(1)),
    "registration_deadline": optional(a_time),
    "description": optional(markdown),
    "sectors": optional(many_of("sector")),
    "target_groups": optional(many_of("target_group")),
    "tags": optional(tags),
    "cancelled": optional(true_or_false),
    "recording_url": optional(web_address),
}

CAMPAIGN_FIELDS = {
    "year": required(a_year),
    "title": required(text(max_length(Page, "title"))),
    "theme": required(text(max_length(CampaignPage, "theme"))),
    "starts_on": required(a_date),
    "ends_on": required(a_date),
    "partner_municipalities": optional(many_of("municipality")),
    "introduction": optional(markdown),
    "events": optional(list_of(record(EVENT_FIELDS), unique=False)),
}


def existing_campaign_years():
    return set(CampaignPage.objects.values_list("year", flat=True))


def check_campaign(data, context):
    starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
    if starts_on and ends_on and ends_on < starts_on:
        yield "ends_on", _("is before starts_on (%(start)s)") % {"start": starts_on.isoformat()}
    seen = {}
    for index, event in enumerate(data.get("events", [])):
        path = f"events[{index}]"
        if event["id"] in seen:
            yield f"{path}.id", _("the same id as %(other)s") % {"other": seen[event["id"]]}
        seen.setdefault(event["id"], path)
        if event["ends_at"] < event["starts_at"]:
            yield f"{path}.ends_at", _("is before starts_at")
        deadline = event.get("registration_deadline")
        if deadline and deadline > event["starts_at"]:
            yield f"{path}.registration_deadline", _("is after starts_at")
        if not event.get("place") and not event.get("online_link"):
            yield f"{path}.place", _("give a place, an online_link, or both")


def write_campaign(data):
    """Create or update the campaign year and publish it, then each of its events."""
    campaign = CampaignPage.objects.filter(year=data["year"]).first()
    is_new = campaign is None
    if is_new:
        campaign = CampaignPage(year=data["year"], slug=slugify(data["title"])[:80] or str(data["year"]))
    campaign.title = data["title"]
    campaign.theme = data["theme"]
    campaign.starts_on, campaign.ends_on = data["starts_on"], data["ends_on"]
    campaign.introduction = data.get("introduction", "")
    campaign.partner_municipalities.set(data.get("partner_municipalities", []))
    if is_new:
        services.ensure_campaign_index().add_child(instance=campaign)
    campaign.save_revision().publish()
    for event_data in data.get("events", []):
        write_event(campaign, event_data)


def write_event(campaign, data):
    event = EventPage.objects.child_of(campaign).filter(slug=data["id"]).first()
    is_new = event is None
    if is_new:
        event = EventPage(slug=data["id"])
    event.title = data["title"]
    event.event_type = data["type"]
    event.summary = data["summary"]
    event.starts_at, event.ends_at = data["starts_at"], data["ends_at"]
    event.place = data.get("place", "")
    event.online_link = data.get("online_link", "")
    event.municipality = data.get("host")
    event.speaker = data.get("speaker", "")
    event.capacity = data.get("capacity")
    event.registration_deadline = data.get("registration_deadline")
    event.description = paragraph(data.get("description"))
    event.is_cancelled = data.get("cancelled", False)
    event.recording_url = data.get("recording_url", "")
    event.sectors.set(data.get("sectors", []))
    event.target_groups.set(data.get("target_groups", []))
    event.tags.set(data.get("tags", []))
    if is_new:
        campaign.add_child(instance=event)
    else:
        event.full_clean()  # e.g. fewer places than people already registered
    event.save_revision().publish()
    if not is_new:
        services.capacity_changed(event)  # more places: the waiting list moves up
