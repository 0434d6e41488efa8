"""The campaign month's own routes beside its Wagtail pages: register and cancel with one press, an event as .ics."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.params import safe_next

from . import services
from .calendars import calendar_of
from .models import EventPage, RegistrationStatus


def _visible_event(request, pk):
    return get_object_or_404(EventPage.objects.visible_to(request.user), pk=pk)


def _back(request, event):
    """Where the press came from on this site ("Mina evenemang"), or the event page."""
    return redirect(safe_next(request, event.url))


@require_POST
def register(request, pk):
    event = _visible_event(request, pk)
    try:
        registration = services.register(event, request.user)
    except services.RegistrationRefused as refused:
        messages.error(request, refused.message)
    else:
        if registration.status == RegistrationStatus.REGISTERED:
            messages.success(request, _("You are registered. A confirmation with a calendar file is on its way."))
        else:
            messages.success(
                request, _("The event is full: you are on the waiting list and get the first place that is freed.")
            )
    return _back(request, event)


@require_POST
def cancel(request, pk):
    event = _visible_event(request, pk)
    try:
        services.cancel(event, request.user)
    except services.RegistrationRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return _back(request, event)


def event_ics(request, pk):
    """The event as a calendar file to open in Outlook or any calendar program."""
    event = _visible_event(request, pk)
    response = HttpResponse(calendar_of([event], name=event.title), content_type="text/calendar; charset=utf-8")
    filename = f"{slugify(event.title) or 'evenemang'}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
