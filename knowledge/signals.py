"""What a publication of a page of the knowledge bank announces.

A first publication of a method, an experience or an article is announced with `page_first_published`, for the
apps above this one (the forum tells the tag's followers, wired in `intranet/signals.py`), without knowing who
listens. A republication after an edit is not news.
"""

from django.dispatch import Signal

from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from .models import ArticlePage, ExperiencePage, MethodPage

# Sent once per page, when it is first published, with `page` (the specific page). Receivers decide whom to tell
# and check who may see the page.
page_first_published = Signal()

ANNOUNCED_PAGE_TYPES = (MethodPage, ExperiencePage, ArticlePage)


def previously_live(page, revision):
    """The page as it was last published before `revision`, or None when this is its first publication."""
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
        .exclude(revision=revision)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.as_object() if entry else None


def announce_first_publication(sender, instance, revision, **kwargs):
    if previously_live(instance, revision) is None:
        page_first_published.send(sender=sender, page=instance)


def connect():
    for model in ANNOUNCED_PAGE_TYPES:
        page_published.connect(
            announce_first_publication, sender=model, dispatch_uid=f"knowledge.first_publication.{model.__name__}"
        )
