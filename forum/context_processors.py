"""What every page needs from the forum: the unread notification count in the header."""

from django.utils.functional import cached_property

from common import versions
from common.kept import KeptInProcess
from common.parts import kept
from knowledge.visibility import PAGES_VERSION, sight_of

from . import caching
from .models import Notification

# How long a count is kept at most; every change that could alter it renews a token of its key at once.
COUNT_SECONDS = 60 * 60
# The counts last asked for are kept in each process too (the same key, so the same rule): a number each.
KEPT_COUNTS = KeptInProcess(size=5000)


class NotificationBadge:
    """Counts on first use only, so a page that shows no header runs no query."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def unread_count(self):
        """Kept in the cache per person, keyed on what decides it (`Notification.objects.unread_count`):
        their notifications (made, read, removed: `caching.notifications_token`); whether a thread or post they
        name is hidden or moved (THREADS); who may see which category (ACCESS) and which page (PAGES_VERSION); and
        the person's own roles, superuser flag (`sight_of`) and municipality, which those rules ask; and in each
        process under the same key.
        """
        user = self.user
        tokens = versions.tokens(caching.notifications_token(user.pk), caching.THREADS, caching.ACCESS, PAGES_VERSION)
        key = ":".join(["forum-unread", str(user.pk), *tokens, sight_of(user), str(user.municipality_id)])
        return KEPT_COUNTS.get(key, lambda: kept(key, lambda: Notification.objects.unread_count(user), COUNT_SECONDS))


def notification_badge(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"forum_notifications": NotificationBadge(user)}
