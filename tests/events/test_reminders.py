"""The reminder the day before: once, to each person with a place, never to the waiting list or the cancelled."""

from datetime import timedelta
from io import StringIO

import pytest

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events import services
from events.models import Registration
from tests.factories import EventPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def starting_in(delta, **fields):
    starts = timezone.now().replace(microsecond=0) + delta
    return EventPageFactory(starts_at=starts, ends_at=starts + timedelta(hours=2), **fields)


def test_the_command_reminds_each_registered_person_once_and_nobody_else():
    tomorrow = starting_in(timedelta(hours=20), title="Föreläsning i morgon", capacity=2)
    registered = UserFactory.create_batch(2)
    waiting, leaving = UserFactory(), UserFactory()
    for person in (*registered, waiting):
        services.register(tomorrow, person)
    services.register(starting_in(timedelta(days=3)), leaving)
    next_week = starting_in(timedelta(days=6), title="Nästa vecka")
    services.register(next_week, UserFactory())
    cancelled_event = starting_in(timedelta(hours=5), title="Inställd")
    services.register(cancelled_event, UserFactory())
    cancelled_event.is_cancelled = True
    cancelled_event.save_revision().publish()
    gone = UserFactory()
    services.register(tomorrow, gone)  # on the waiting list, then cancels
    services.cancel(tomorrow, gone)
    mail.outbox.clear()

    output = StringIO()
    call_command("send_event_reminders", stdout=output)
    call_command("send_event_reminders", stdout=StringIO())

    assert sorted(message.to[0] for message in mail.outbox) == sorted(person.email for person in registered)
    assert all(message.subject == "I morgon: Föreläsning i morgon" for message in mail.outbox)
    assert "Event reminders sent: 2." in output.getvalue()
    assert Registration.objects.filter(reminder_sent_at__isnull=False).count() == 2
