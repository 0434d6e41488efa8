"""What every page needs from the forum: the unread notification count in the header."""

from django.utils.functional import cached_property

from .models import Notification


class NotificationBadge:
    """Counts on first use only, so a page that shows no header runs no query."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def unread_count(self):
        return Notification.objects.unread_count(self.user)


def notification_badge(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"forum_notifications": NotificationBadge(user)}
