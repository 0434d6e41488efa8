"""The notification centre: what happened in the forum that concerns the person."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from .. import notifications
from ..models import Notification

NOTIFICATIONS_PER_PAGE = 20
# The header's list of the latest: a glance, the centre has the rest.
LATEST_SHOWN = 5
FRAGMENT_HEADER = "X-Requested-With"
FRAGMENT_HEADER_VALUE = "notifications-menu"


@require_safe
def centre(request):
    """Newest first, a page at a time; an unknown page number shows the nearest page that exists."""
    listed = Notification.objects.for_person(request.user)
    page = Paginator(listed, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    items = [(notification, notification.describe(html=True)) for notification in page.object_list]
    return render(request, "forum/notifications.html", {"page_obj": page, "items": items})


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
