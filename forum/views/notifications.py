"""The notification centre: what happened in the forum that concerns the person."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from common import parts, versions
from common.params import positive_int
from knowledge.visibility import PAGES_VERSION

from .. import caching, notifications
from ..models import Notification

NOTIFICATIONS_PER_PAGE = 20
# The header's list of the latest: a glance, the centre has the rest.
LATEST_SHOWN = 5
FRAGMENT_HEADER = "X-Requested-With"
FRAGMENT_HEADER_VALUE = "notifications-menu"


@require_safe
def centre(request):
    """Newest first, a page at a time; an unknown page number shows the nearest page that exists.

    The list is the person's own, kept in the cache under their id and the tokens of all it shows and all that
    decides which notifications they may still see (as the header's count, forum/context_processors.py), and
    NAMES: the names of the people who acted, and of categories. A notification's words name a thread's title or
    the reason of a moderator, which THREADS covers (a redaction renews it), or a page's title (PAGES_VERSION).
    """
    user = request.user
    tokens = versions.tokens(
        caching.notifications_token(user.pk), caching.THREADS, caching.NAMES, caching.ACCESS, PAGES_VERSION
    )
    number = positive_int(request.GET.get("page"), 1)
    key = parts.part_key("notifications", user.pk, *tokens, *caching.readers_kind(user), number)
    listing = parts.kept(key, lambda: _render_centre(request, number))
    return render(request, "forum/notifications.html", {"listing": listing})


def _render_centre(request, number):
    listed = Notification.objects.for_person(request.user)
    page = Paginator(listed, NOTIFICATIONS_PER_PAGE).get_page(number)
    items = [(notification, notification.describe(html=True)) for notification in page.object_list]
    return render_to_string("components/forum/notification_list.html", {"page_obj": page, "items": items})


@require_safe
def latest(request):
    """The few latest notifications, as a piece of a page for the header's list (js/notifications-menu.js).

    Asked for by the script only; a browser that opens the address is shown the notification centre.
    """
    if request.headers.get(FRAGMENT_HEADER) != FRAGMENT_HEADER_VALUE:
        return redirect("forum:notifications")
    listed = Notification.objects.for_person(request.user)[:LATEST_SHOWN]
    items = [(notification, notification.describe(html=True)) for notification in listed]
    response = render(request, "components/forum/latest_notifications.html", {"items": items})
    patch_vary_headers(response, [FRAGMENT_HEADER])
    return response


@require_safe
def open_notification(request, pk):
    """Mark the notification read and go to the post it is about."""
    notification = get_object_or_404(Notification.objects.for_person(request.user), pk=pk)
    notifications.mark_read(notification)
    return redirect(notification.get_absolute_url())


@require_POST
def mark_read(request):
    notifications.mark_all_read(request.user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("forum:notifications")
