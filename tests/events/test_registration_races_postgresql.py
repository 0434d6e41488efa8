"""Registrations, cancellations and promotions that arrive at the same moment, each on its own connection.

SQLite's IMMEDIATE transactions let one writer at a time, so only PostgreSQL can show the race;
CI runs the suite on both.
"""

import threading

import pytest

from django.core import mail
from django.db import connection, connections

from events import services
from events.models import EventPage, Registration, RegistrationStatus
from tests.factories import EventPageFactory, UserFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises all writers; PostgreSQL does not"),
    # Serialised like every other transactional test here: their flushes then leave the tables as each expects.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REGISTERED, WAITING, CANCELLED = RegistrationStatus.REGISTERED, RegistrationStatus.WAITING, RegistrationStatus.CANCELLED


def run_together(actions):
    """Start every action at the same moment, each in its own thread and connection; returns what each
    returned or raised, in the order given."""
    start = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(index, action):
        try:
            start.wait()
            outcomes[index] = action()
        except Exception as error:  # noqa: BLE001 - the test looks at every outcome, a 500 included
            outcomes[index] = error
        finally:
            connections.close_all()

    workers = [threading.Thread(target=run, args=item) for item in enumerate(actions)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return outcomes


def statuses(event):
    return {
        status: set(Registration.objects.filter(event=event, status=status).values_list("person", flat=True))
        for status in (REGISTERED, WAITING, CANCELLED)
    }


def test_twelve_people_pressing_at_once_fill_five_places_and_seven_wait():
    event = EventPageFactory(capacity=5)
    people = UserFactory.create_batch(12)

    outcomes = run_together([lambda person=person: services.register(event, person) for person in people])

    assert all(isinstance(outcome, Registration) for outcome in outcomes), outcomes
    assert Registration.objects.filter(event=event, status=REGISTERED).count() == 5
    assert Registration.objects.filter(event=event, status=WAITING).count() == 7
    assert Registration.objects.filter(event=event).count() == 12
    assert Registration.objects.filter(event=event).values("person").distinct().count() == 12
    # Everyone was told exactly once, and what they were told is what they have.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(person.email for person in people)


def test_cancellations_racing_registrations_give_each_freed_place_to_exactly_one_in_turn():
    event = EventPageFactory(capacity=5)
    holders = UserFactory.create_batch(5)
    waiters = UserFactory.create_batch(6)
    for person in holders + waiters:
        services.register(event, person)
    in_line = [r.person_id for r in Registration.objects.filter(event=event).waiting_in_turn()]
    newcomers = UserFactory.create_batch(5)
    mail.outbox.clear()
    leaving = holders[:3]
    highest = []
    watching = threading.Event()

    def watch():
        # Every committed state the other connections leave behind stays within the places.
        try:
            while not watching.is_set():
                highest.append(Registration.objects.filter(event=event, status=REGISTERED).count())
        finally:
            connections.close_all()

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        outcomes = run_together(
            [lambda person=person: services.cancel(event, person) for person in leaving]
            + [lambda person=person: services.register(event, person) for person in newcomers]
        )
    finally:
        watching.set()
        watcher.join()

    assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)], outcomes
    promoted = [registration.person_id for outcome in outcomes[:3] for registration in outcome]
    # Three places freed, three people moved up: the first three in line, each once.
    assert sorted(promoted) == sorted(in_line[:3])
    after = statuses(event)
    assert after[REGISTERED] == {person.pk for person in holders[3:]} | set(in_line[:3])
    assert after[WAITING] == set(in_line[3:]) | {person.pk for person in newcomers}
    assert after[CANCELLED] == {person.pk for person in leaving}
    assert max(highest) <= 5
    # The newcomers queue behind those already waiting, the ones still in line keep their order.
    still_waiting = [r.person_id for r in Registration.objects.filter(event=event).waiting_in_turn()]
    assert still_waiting[:3] == in_line[3:]
    places_given = [message.to[0] for message in mail.outbox if "Du fick en plats" in message.subject]
    assert sorted(places_given) == sorted(person.email for person in waiters if person.pk in in_line[:3])


def test_more_places_racing_cancellations_never_overbook_nor_skip_the_line():
    event = EventPageFactory(capacity=2)
    holders = UserFactory.create_batch(2)
    waiters = UserFactory.create_batch(6)
    for person in holders + waiters:
        services.register(event, person)
    in_line = [r.person_id for r in Registration.objects.filter(event=event).waiting_in_turn()]
    # The organiser's new number of places, saved; the publication's own capacity_changed races the rest below.
    EventPage.objects.filter(pk=event.pk).update(capacity=4)

    outcomes = run_together(
        [lambda: services.capacity_changed(event), lambda: services.capacity_changed(event)]
        + [lambda person=person: services.cancel(event, person) for person in holders]
    )

    assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)], outcomes
    promoted = [registration.person_id for outcome in outcomes for registration in outcome]
    assert sorted(promoted) == sorted(in_line[:4])
    assert statuses(event)[REGISTERED] == set(in_line[:4])


def test_one_person_pressing_twice_at_once_gets_one_registration_and_a_refusal():
    event = EventPageFactory(capacity=5)
    person = UserFactory()

    outcomes = run_together([lambda: services.register(event, person) for _ in range(4)])

    registrations = [outcome for outcome in outcomes if isinstance(outcome, Registration)]
    refusals = [outcome for outcome in outcomes if isinstance(outcome, services.RegistrationRefused)]
    assert len(registrations) == 1 and len(refusals) == 3, outcomes
    assert Registration.objects.filter(event=event, person=person).count() == 1


def test_one_person_cancelling_twice_at_once_cancels_once_and_frees_one_place():
    event = EventPageFactory(capacity=1)
    person, waiting = UserFactory(), UserFactory()
    services.register(event, person)
    services.register(event, waiting)

    outcomes = run_together([lambda: services.cancel(event, person) for _ in range(3)])

    refusals = [outcome for outcome in outcomes if isinstance(outcome, services.RegistrationRefused)]
    assert len(refusals) == 2, outcomes
    assert Registration.objects.get(event=event, person=person).status == CANCELLED
    assert Registration.objects.get(event=event, person=waiting).status == REGISTERED
