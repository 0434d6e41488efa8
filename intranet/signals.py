"""What one app does when another announces something: the siblings never import each other, so it is wired here."""

from events.models import EventPage
from events.signals import event_first_published
from forum.notifications import notify_tag_followers_of_page
from knowledge.signals import page_first_published


def tell_tag_followers_of_event(sender, event, **kwargs):
    """The forum's tag followers hear of a new event with a tag they follow, as they do of a new thread."""
    notify_tag_followers_of_page(event, event.tags.all())


def tell_tag_followers_of_page(sender, page, **kwargs):
    """A new method, experience or article reaches the followers of its tags, as a new thread or event does."""
    notify_tag_followers_of_page(page, page.tags.all())


def connect():
    event_first_published.connect(
        tell_tag_followers_of_event, sender=EventPage, dispatch_uid="intranet.tell_tag_followers_of_event"
    )
    page_first_published.connect(tell_tag_followers_of_page, dispatch_uid="intranet.tell_tag_followers_of_page")
