from django import template
from django.utils import timezone

from events.models import Registration
from events.services import registration_closed_reason

register = template.Library()


@register.inclusion_tag("components/events/registration.html", takes_context=True)
def registration_box(context, event):
    """The one button to register or cancel, what the person's registration is, and why it is closed if it is.

    `event` should come from `with_counts()`; without it, the counts are read here.
    """
    person, now = context["request"].user, timezone.now()
    registration = Registration.objects.active().filter(event=event, person=person).first()
    registered = getattr(event, "registered_count", None)
    if registered is None:
        registered = Registration.objects.registered().filter(event=event).count()
    return {
        "event": event,
        "registration": registration,
        "places_left": None if event.capacity is None else max(event.capacity - registered, 0),
        "closed_reason": registration_closed_reason(event, now),
        "may_cancel": event.starts_at > now,
        "csrf_token": context.get("csrf_token"),
    }
