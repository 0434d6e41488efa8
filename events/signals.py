"""What a publication of an event sets off.

When an organiser publishes a change, the people it concerns hear of it: a changed time, place or online link, or
the event called off, and everyone with a place or on the waiting list gets an e-mail with the event as it now is;
more places, and the waiting list moves up (services.capacity_changed). The comparison is with the version that
was live before, so saving drafts tells nobody anything.

Every save of a registration renews the token of the places left that lists of events keep (caching.py).

A first publication is announced with `event_first_published`, for the apps above and beside this one, without
knowing who listens.
"""

from django.db.models.signals import post_save
from django.dispatch import Signal

from wagtail.signals import page_published

from knowledge.signals import previously_live

from . import caching, services
from .models import EventPage, Registration

WHEN_AND_WHERE = ("starts_at", "ends_at", "place", "online_link")

# Sent once per event, when it is first published, with `event` (the EventPage). Receivers decide whom to tell
# and check who may see the event; a republication after an edit or an unpublication is not news.
event_first_published = Signal()


def more_places(before, after):
    if after.capacity is None:
        return before.capacity is not None
    return before.capacity is not None and after.capacity > before.capacity


def event_published(sender, instance, revision, **kwargs):
    before = previously_live(instance, revision)
    if before is None:
        event_first_published.send(sender=EventPage, event=instance)
        return
    if instance.is_cancelled and not before.is_cancelled:
        services.tell_registered(instance, services.EventNews.CANCELLED)
    elif not instance.is_cancelled and any(getattr(before, f) != getattr(instance, f) for f in WHEN_AND_WHERE):
        services.tell_registered(instance, services.EventNews.CHANGED)
    if more_places(before, instance):
        services.capacity_changed(instance)


def connect():
    page_published.connect(event_published, sender=EventPage, dispatch_uid="events.event_published")
    # Nothing deletes a registration (a cancellation is a status), so its saves are every change of places left.
    post_save.connect(caching.registrations_changed, sender=Registration, dispatch_uid="events.registrations_changed")
