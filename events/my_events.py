""" "Mina evenemang": a person's places and waiting-list spots, and the secret calendar addresses that carry them.

A calendar program cannot sign in, so the feeds are open to whoever holds the address; the secret rides in the
query string, which the access log never writes (intranet/gunicorn.conf.py), and only its digest is stored.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from .calendars import calendar_of
from .models import CalendarToken, EventPage, Registration, RegistrationStatus

NEW_CALENDAR_SECRET_SESSION_KEY = "events:new_calendar_secret"  # noqa: S105 - a key in the session, not a secret
CALENDAR_ANCHOR = "#kalender"
KEY_PARAMETER = "nyckel"
# A calendar keeps what happened lately: the feeds carry events that ended up to this long ago.
FEED_LOOKBACK = timedelta(days=31)
CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _place_in_line():
    """The registration's place on its event's waiting list, 1 for the first in line; use on waiting rows."""
    ahead = (
        Registration.objects.filter(event=OuterRef("event"), status=RegistrationStatus.WAITING)
        .filter(
            Q(waiting_since__lt=OuterRef("waiting_since"))
            | Q(waiting_since=OuterRef("waiting_since"), pk__lte=OuterRef("pk"))
        )
        .order_by()
        .values("event")
        .annotate(number=Count("pk"))
        .values("number")
    )
    return Subquery(ahead)


def registrations_of(person):
    """The person's registrations for events they may see, with the event and their place in line."""
    return (
        Registration.objects.of(person)
        .filter(event__in=EventPage.objects.visible_to(person).values("pk"))
        .select_related("event")
        .annotate(place_in_line=_place_in_line())
    )


@never_cache
@require_safe
def my_events(request):
    now = timezone.now()
    mine = registrations_of(request.user)
    upcoming = mine.active().filter(event__ends_at__gte=now).order_by("event__starts_at", "event_id")
    past = mine.registered().filter(event__ends_at__lt=now).order_by("-event__starts_at", "-event_id")
    secret = request.session.pop(NEW_CALENDAR_SECRET_SESSION_KEY, None)
    return render(
        request,
        "events/my_events.html",
        {
            "upcoming": list(upcoming),
            "past": list(past),
            "has_calendar_address": CalendarToken.objects.filter(person=request.user).exists(),
            "new_calendar": secret and _feed_addresses(request, secret),
            "now": now,
        },
    )


def _feed_addresses(request, secret):
    return {
        name: request.build_absolute_uri(f"{reverse(f'events:{name}_feed')}?{KEY_PARAMETER}={secret}")
        for name in ("programme", "mine")
    }


@require_POST
def renew_calendar(request):
    """A new secret calendar address; the old one stops at once. "Mina evenemang" shows the new one, once."""
    request.session[NEW_CALENDAR_SECRET_SESSION_KEY] = CalendarToken.renew_for(request.user)
    messages.success(request, _("Your new calendar address is made. The previous one no longer works."))
    return redirect(reverse("events:mine") + CALENDAR_ANCHOR)


def _person_of(request):
    person = CalendarToken.objects.person_for(request.GET.get(KEY_PARAMETER, ""))
    if person is None:
        raise Http404
    return person


def _calendar_response(content, filename):
    response = HttpResponse(content, content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    # The address is a key: no shared cache may keep what it opened.
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    return response


@login_not_required  # calendar programs cannot sign in: the secret in the address is the key
@require_safe
def programme_feed(request):
    person = _person_of(request)
    events = EventPage.objects.visible_to(person).filter(ends_at__gte=timezone.now() - FEED_LOOKBACK).chronological()
    return _calendar_response(calendar_of(events, name=_("Campaign month: the programme")), "program.ics")


@login_not_required  # calendar programs cannot sign in: the secret in the address is the key
@require_safe
def mine_feed(request):
    person = _person_of(request)
    mine = (
        registrations_of(person)
        .active()
        .filter(event__ends_at__gte=timezone.now() - FEED_LOOKBACK)
        .order_by("event__starts_at", "event_id")
    )
    waiting = {r.event_id for r in mine if r.status == RegistrationStatus.WAITING}
    content = calendar_of([r.event for r in mine], name=_("My events"), tentative_ids=waiting)
    return _calendar_response(content, "mina-evenemang.ics")
