"""The campaign month's part of a person's data (accounts/rights.py)."""

from django.db.models import Q

from accounts.rights import iso

from . import services
from .models import CalendarToken, Registration
from .models.registrations import ACTIVE


def export(person):
    token = CalendarToken.objects.filter(person=person).first()
    return {
        "event_registrations": [
            {
                "event": registration.event.title,
                "starts": iso(registration.event.starts_at),
                "status": registration.status,
                "registered": iso(registration.created_at),
                "on_waiting_list_since": iso(registration.waiting_since),
                "given_a_place": iso(registration.promoted_at),
                "cancelled": iso(registration.cancelled_at),
                "attended": registration.attended,
            }
            for registration in Registration.objects.of(person).select_related("event").order_by("created_at", "pk")
        ],
        # Only that a secret calendar address exists; its secret is kept as a digest and never shown again.
        "calendar_address": {"created": iso(token.created_at)} if token else None,
    }


def remove(person, *, now):
    """Registrations for events not yet started are cancelled, so the waiting list moves up; past ones stay as the
    event's record of attendance, under the anonymised name. The secret calendar address goes."""
    upcoming = Registration.objects.of(person).filter(Q(status__in=ACTIVE), event__starts_at__gt=now)
    for registration in upcoming.select_related("event"):
        services.cancel(registration.event, person, now=now)
    CalendarToken.objects.filter(person=person).delete()
