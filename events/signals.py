"""What the campaign month tells the apps above and beside it, without knowing who listens."""

from django.dispatch import Signal

from wagtail.signals import page_published

from .models import EventPage

# Sent once per event, when it is first published, with `event` (the EventPage). Receivers decide whom to tell
# and check who may see the event; a republication after an edit or an unpublication is not news.
event_first_published = Signal()


def announce_first_publication(sender, instance, **kwargs):
    # Wagtail sets first_published_at only on the first publication, to the same moment as last_published_at.
    if instance.first_published_at is not None and instance.first_published_at == instance.last_published_at:
        event_first_published.send(sender=EventPage, event=instance)


def connect():
    page_published.connect(announce_first_publication, sender=EventPage, dispatch_uid="events_first_published")
