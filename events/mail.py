"""The e-mails about events: registered, on the waiting list, given a place, reminded. Title, time, place and a
link; the confirmation carries the event as an .ics file. In the person's language, as the forum's mail."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from .calendars import absolute_url, calendar_of
from .models import RegistrationStatus

ICS_TYPE = "text/calendar; charset=utf-8; method=PUBLISH"


def message_about(registration, template, *, attach_calendar=True):
    """The e-mail written and ready to go (events/tasks.py marks it as sent before it goes)."""
    event = registration.event
    with translation.override(registration.person.preferred_language):
        context = {"registration": registration, "event": event, "url": absolute_url(event.get_url())}
        subject = " ".join(render_to_string(f"events/email/{template}_subject.txt", context).split())
        body = render_to_string(f"events/email/{template}.txt", context)
    message = EmailMessage(subject, body, to=[registration.person.email])
    if attach_calendar:
        tentative = registration.status == RegistrationStatus.WAITING
        message.attach(f"{event.slug}.ics", calendar_of([event], name=event.title, tentative=tentative), ICS_TYPE)
    return message
