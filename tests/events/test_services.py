"""Registering, cancelling and the waiting list, through the verbs every view and the admin call."""

from datetime import timedelta

import pytest
from icalendar import Calendar

from django.core import mail
from django.core.mail import EmailMessage
from django.db import OperationalError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from events import services, tasks
from events.models import Registration, RegistrationStatus
from events.services import RegistrationRefused
from tests.factories import EventPageFactory, UserFactory

pytestmark = pytest.mark.django_db

REGISTERED, WAITING, CANCELLED = RegistrationStatus.REGISTERED, RegistrationStatus.WAITING, RegistrationStatus.CANCELLED


def statuses(event):
    return [(r.person.first_name, r.status) for r in Registration.objects.filter(event=event).order_by("pk")]


def test_places_are_given_until_the_event_is_full_then_the_waiting_list_fills(db):
    event = EventPageFactory(capacity=2)
    for name in ("Ada", "Bo", "Cy", "Di"):
        services.register(event, UserFactory(first_name=name))
    assert statuses(event) == [("Ada", REGISTERED), ("Bo", REGISTERED), ("Cy", WAITING), ("Di", WAITING)]


def test_a_cancelled_place_goes_to_the_first_in_line_who_is_told(db, django_capture_on_commit_callbacks):
    event = EventPageFactory(capacity=1)
    ada, bo, cy = (UserFactory(first_name=name) for name in ("Ada", "Bo", "Cy"))
    for person in (ada, bo, cy):
        services.register(event, person)
    with django_capture_on_commit_callbacks(execute=True):
        [promoted] = services.cancel(event, ada)

    assert promoted.person == bo
    assert statuses(event) == [("Ada", CANCELLED), ("Bo", REGISTERED), ("Cy", WAITING)]
    [message] = mail.outbox
    assert message.to == [bo.email] and "Du fick en plats" in message.subject
    assert message.attachments[0][0].endswith(".ics")


def test_the_confirmation_carries_the_event_as_a_calendar_file(db, django_capture_on_commit_callbacks):
    event = EventPageFactory(title="Workshop om skyddsbedömning")
    with django_capture_on_commit_callbacks(execute=True):
        services.register(event, UserFactory())
    [message] = mail.outbox
    name, content, mimetype = message.attachments[0]
    calendar = Calendar.from_ical(content)
    [entry] = calendar.walk("VEVENT")
    assert mimetype.startswith("text/calendar") and name.endswith(".ics")
    assert str(entry["SUMMARY"]) == "Workshop om skyddsbedömning"
    assert entry.decoded("DTSTART") == event.starts_at and str(entry.decoded("DTSTART").tzinfo) == "Europe/Stockholm"


def test_a_database_that_goes_away_while_confirming_fails_the_task_before_anything_is_sent(db, monkeypatch):
    registration = services.register(EventPageFactory(), UserFactory())

    def database_restarting(queryset, **changes):
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr(QuerySet, "update", database_restarting)
    with pytest.raises(OperationalError):
        tasks.send_registration_email.call(registration.pk)
    assert mail.outbox == []  # the worker runs the task again once the database is back (db_worker)


def test_a_confirmation_goes_out_only_after_its_mark_is_committed_and_once(db, monkeypatch):
    """Sent inside the transaction that marks it, a confirmation whose commit failed would be sent again."""
    registration = services.register(EventPageFactory(), UserFactory())
    connection = transaction.get_connection()
    depth = len(connection.savepoint_ids)
    seen = []

    def send(message):
        seen.append((len(connection.savepoint_ids), Registration.objects.get(pk=registration.pk).confirmation_sent_at))

    monkeypatch.setattr(EmailMessage, "send", send)
    assert tasks.send_registration_email.call(registration.pk) is True
    assert tasks.send_registration_email.call(registration.pk) is False
    [(depth_when_sent, mark_when_sent)] = seen
    assert depth_when_sent == depth and mark_when_sent is not None


def test_a_confirmation_the_mail_server_refused_is_left_unmarked_for_the_next_try(db, monkeypatch):
    registration = services.register(EventPageFactory(), UserFactory())

    def refused(message):
        raise OSError("SMTP down")

    monkeypatch.setattr(EmailMessage, "send", refused)
    assert tasks.send_registration_email.call(registration.pk) is False
    registration.refresh_from_db()
    assert registration.confirmation_sent_at is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"registration_deadline": timezone.now() - timedelta(hours=1)}, "Anmälan stängde"),
        ({"is_cancelled": True}, "ställts in"),
        (
            {"starts_at": timezone.now() - timedelta(hours=1), "ends_at": timezone.now() + timedelta(hours=1)},
            "redan börjat",
        ),
    ],
)
def test_a_closed_event_refuses_with_a_message(db, changes, message):
    event = EventPageFactory(**changes)
    with pytest.raises(RegistrationRefused) as refused:
        services.register(event, UserFactory())
    assert message in str(refused.value.message)
    assert not Registration.objects.exists()


def test_registering_twice_is_refused_and_leaves_one_registration(db):
    event, person = EventPageFactory(), UserFactory()
    services.register(event, person)
    with pytest.raises(RegistrationRefused):
        services.register(event, person)
    assert Registration.objects.count() == 1


def test_a_person_who_cancelled_may_register_again_and_the_history_stays(db):
    event, person = EventPageFactory(), UserFactory(first_name="Ada")
    services.register(event, person)
    services.cancel(event, person)
    services.register(event, person)
    assert statuses(event) == [("Ada", CANCELLED), ("Ada", REGISTERED)]


def test_more_places_move_the_waiting_list_up(db):
    event = EventPageFactory(capacity=1)
    for name in ("Ada", "Bo", "Cy"):
        services.register(event, UserFactory(first_name=name))
    event.capacity = 2
    event.save_revision().publish()
    services.capacity_changed(event)
    assert statuses(event) == [("Ada", REGISTERED), ("Bo", REGISTERED), ("Cy", WAITING)]


def test_a_second_active_registration_the_constraint_stops_is_a_refusal_not_an_error(db, monkeypatch):
    event, person = EventPageFactory(), UserFactory()
    services.register(event, person)
    monkeypatch.setattr(services, "_active_registration", lambda event, person: None)  # as if the check were skipped
    with pytest.raises(RegistrationRefused):
        services.register(event, person)
    assert Registration.objects.filter(person=person).count() == 1
