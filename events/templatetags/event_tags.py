"""How the site shows the campaign month outside its own pages: the header, the start page, the registration box."""

import hashlib
from dataclasses import dataclass
from datetime import date

from django import template
from django.db.models import OuterRef, Subquery
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.encoding import iri_to_uri

from common import parts, versions
from common.kept import KeptInProcess
from events import caching
from events.models import CampaignIndexPage, CampaignPage, EventPage, Registration
from events.programme import places_left
from events.services import registration_closed_reason
from knowledge.visibility import PAGES_VERSION, sight_of, visible_pages

register = template.Library()

UPCOMING_SHOWN = 5
# How long the header's campaign link is kept at most; a change of any page renews it at once anyway.
CAMPAIGN_IN_VIEW_SECONDS = 60 * 60
# Kinds of sight are few (combinations of roles): the process keeps the few it last used too (the same key, so the
# same rule), and requests share them (immutable). No cache round trip for the header on most pages. The header's
# link drawn from them is kept beside them.
CAMPAIGNS_KEPT = KeptInProcess(size=128)


@dataclass(frozen=True)
class ShownCampaign:
    title: str
    theme: str
    starts_on: date
    ends_on: date
    url: str

    @property
    def running(self):
        return self.starts_on <= timezone.localdate() <= self.ends_on


SHOWN_FIELDS = ("slug", "title", "theme", "starts_on", "ends_on")


def campaign_in_view(request):
    """The index page's address and the campaign that runs today or is announced ("kommer snart").

    The header shows it on every page, so it is kept in the cache per day, per kind of sight (who passes which view
    restrictions) and per version of the page tree (`PAGES_VERSION`, renewed by every change of a page or a view
    restriction): one cache read per request, and the query only after a change.
    """
    if not hasattr(request, "_campaign_in_view"):
        (pages_version,) = versions.tokens(PAGES_VERSION)
        host = hashlib.sha256(request.get_host().encode()).hexdigest()[:12]
        key = f"campaign-in-view:{pages_version}:{timezone.localdate().isoformat()}:{host}:{sight_of(request.user)}"
        shown = CAMPAIGNS_KEPT.get(
            key, lambda: parts.kept(key, lambda: _campaign_in_view(request), CAMPAIGN_IN_VIEW_SECONDS)
        )
        request._campaign_in_view = shown
    return request._campaign_in_view


def _campaign_in_view(request):
    user = request.user
    shown = (
        CampaignPage.objects.visible_to(user)
        .shown_on(timezone.localdate())
        .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
    )
    index = (
        visible_pages(CampaignIndexPage.objects.all(), user)
        .annotate(**{f"shown_{name}": Subquery(shown.values(name)[:1]) for name in SHOWN_FIELDS})
        .first()
    )
    if index is None:
        return None, None
    index_url = index.get_url(request)
    campaign = None
    if index.shown_slug:
        campaign = ShownCampaign(
            index.shown_title,
            index.shown_theme,
            index.shown_starts_on,
            index.shown_ends_on,
            iri_to_uri(f"{index_url}{index.shown_slug}/"),
        )
    return index_url, campaign


def current_marker(path, index_url, campaign):
    target = campaign.url if campaign else index_url
    if not index_url or not path.startswith(index_url):
        return ""
    return "page" if iri_to_uri(path) == target else "true"


def campaign_shown(request):
    """The index's address, the campaign year that runs or is announced (or None), and whether it runs."""
    index_url, campaign = campaign_in_view(request)
    return {
        "request": request,
        "index_url": index_url,
        "campaign": campaign,
        "running": bool(campaign and campaign.running),
    }


@register.simple_tag(takes_context=True)
def campaign_nav_link(context):
    """The header's link to the campaign month, naming this year's campaign while it runs or is announced; drawn once
    per process for each language, campaign shown, state and current marker (all in the key)."""
    shown = campaign_shown(context["request"])
    # "page" on the page the link leads to, "true" anywhere else in the campaign month.
    current = current_marker(shown["request"].path, shown["index_url"], shown["campaign"])
    key = ("nav link", translation.get_language(), shown["index_url"], shown["campaign"], shown["running"], current)
    drawn = {"index_url": shown["index_url"], "campaign": shown["campaign"], "running": shown["running"]}
    return CAMPAIGNS_KEPT.get(
        key, lambda: render_to_string("components/events/nav_link.html", {**drawn, "current": current})
    )


@register.inclusion_tag("components/events/campaign_teaser.html", takes_context=True)
def campaign_teaser(context):
    """The start page's box for the campaign month: the year that runs or is coming, with its dates and link."""
    return campaign_shown(context["request"])


@register.simple_tag(takes_context=True)
def upcoming_events(context, limit=UPCOMING_SHOWN):
    """The next events the person may see, with date, type, host and places left; kept for everyone with the same
    sight (events/caching.py)."""
    request = context["request"]

    def render():
        visible = EventPage.objects.visible_to(request.user).with_counts().upcoming()
        events = list(visible.select_related("municipality")[:limit])
        for event in events:
            event.places_left = places_left(event)
        index_url, _campaign = campaign_in_view(request)
        shown = {"request": request, "events": events, "index_url": index_url}
        html = render_to_string("components/events/upcoming_events.html", shown)
        return html, min((event.ends_at for event in events), default=None)

    return caching.kept_listing(request, "upcoming-events", render, limit)


@register.inclusion_tag("components/events/registration.html", takes_context=True)
def registration_box(context, event):
    """The one button to register or cancel, what the person's registration is, and why it is closed if it is.

    `event` should come from `with_counts()`; without it, the counts are read here.
    """
    person, now = context["request"].user, timezone.now()
    registration = Registration.objects.active().filter(event=event, person=person).first()
    if not hasattr(event, "registered_count"):
        event.registered_count = Registration.objects.registered().filter(event=event).count()
    return {
        "event": event,
        "registration": registration,
        "places_left": places_left(event),
        "closed_reason": registration_closed_reason(event, now),
        "may_cancel": event.starts_at > now,
        "csrf_token": context.get("csrf_token"),
    }
