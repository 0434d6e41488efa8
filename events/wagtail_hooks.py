"""What the campaign month tells the apps below it through their hooks."""

from wagtail import hooks

from knowledge.models.tags import VISIBLE_TAG_USES_HOOK

from .models import EventPage, EventPageTag


@hooks.register(VISIBLE_TAG_USES_HOOK)
def tags_on_events_visible_to(user):
    """A tag used on an event the person may see is one they may see on tag pages: live, and past its view
    restrictions. A tag only on a draft or a restricted event stays unnamed."""
    return EventPageTag.objects.filter(content_object__in=EventPage.objects.visible_to(user)).values("tag_id")
