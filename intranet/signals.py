"""What one app does when another announces something: the siblings never import each other, so it is wired here."""

from events.models import EventPage
from events.signals import event_first_published
from forum.models import NotificationKind
from forum.notifications import notify_about_page, notify_tag_followers_of_page
from knowledge.signals import page_first_published, review_finished, review_requested


def tell_tag_followers_of_event(sender, event, **kwargs):
    """The forum's tag followers hear of a new event with a tag they follow, as they do of a new thread."""
    notify_tag_followers_of_page(event, event.tags.all())


def tell_reviewers(sender, page, reviewers, by, **kwargs):
    """The reviewers find a submitted page in their notifications, not only in their e-mail."""
    notify_about_page(page, reviewers, kind=NotificationKind.REVIEW_REQUESTED, actor=by)


def tell_authors(sender, page, authors, by, published, **kwargs):
    """The author finds in their notifications that their page was published, or that changes were requested."""
    kind = NotificationKind.PAGE_PUBLISHED if published else NotificationKind.CHANGES_REQUESTED
    notify_about_page(page, authors, kind=kind, actor=by)


def tell_tag_followers_of_page(sender, page, **kwargs):
    """A new method, experience or article reaches the followers of its tags, as a new thread or event does."""
    notify_tag_followers_of_page(page, page.tags.all())


def connect():
    event_first_published.connect(
        tell_tag_followers_of_event, sender=EventPage, dispatch_uid="intranet.tell_tag_followers_of_event"
    )
    review_requested.connect(tell_reviewers, dispatch_uid="intranet.tell_reviewers")
    review_finished.connect(tell_authors, dispatch_uid="intranet.tell_authors")
    page_first_published.connect(tell_tag_followers_of_page, dispatch_uid="intranet.tell_tag_followers_of_page")
