"""An organiser publishes a change: the registered and the waiting hear of it, more places move the line up, and
the admin refuses an impossible event with a Swedish form error instead of an error page."""

from datetime import timedelta

import pytest
from icalendar import Calendar

from django.core import mail
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events import services
from events.models import Registration, RegistrationStatus
from tests.factories import EventPageFactory, UserFactory

pytestmark = pytest.mark.django_db

REGISTERED, WAITING = RegistrationStatus.REGISTERED, RegistrationStatus.WAITING


@pytest.fixture
def full_event():
    """Two places taken, one person waiting, one who cancelled."""
    event = EventPageFactory(title="Workshop om skyddsbedömning", capacity=2)
    for person in UserFactory.create_batch(3):
        services.register(event, person)
    gone = UserFactory(email="avbokad@kommun.example")
    services.register(event, gone)
    services.cancel(event, gone)
    mail.outbox.clear()
    return event


def publish(event, django_capture_on_commit_callbacks, **changes):
    for name, value in changes.items():
        setattr(event, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()


def active_emails(event):
    return sorted(Registration.objects.active().filter(event=event).values_list("person__email", flat=True))


def test_a_new_time_reaches_the_registered_and_the_waiting_with_the_event_as_it_is_now(
    full_event, django_capture_on_commit_callbacks
):
    later = full_event.starts_at + timedelta(days=1)
    publish(full_event, django_capture_on_commit_callbacks, starts_at=later, ends_at=later + timedelta(hours=2))

    assert sorted(message.to[0] for message in mail.outbox) == active_emails(full_event)
    assert len(mail.outbox) == 3
    message = mail.outbox[0]
    assert message.subject == "Ändrat: Workshop om skyddsbedömning"
    assert full_event.url in message.body and "Kommunhuset, Sigtuna" in message.body
    [entry] = Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")
    assert entry.decoded("DTSTART") == later
    for person in Registration.objects.filter(event=full_event).select_related("person"):
        assert person.person.last_name not in message.body  # nothing about who registered


@pytest.mark.parametrize("field", ["place", "online_link"])
def test_a_new_place_or_link_is_told(full_event, django_capture_on_commit_callbacks, field):
    value = "Stadshuset, Järfälla" if field == "place" else "https://teams.example/mote"
    publish(full_event, django_capture_on_commit_callbacks, **{field: value})
    assert len(mail.outbox) == 3 and mail.outbox[0].subject.startswith("Ändrat:")


def test_calling_an_event_off_tells_everyone_once(full_event, django_capture_on_commit_callbacks):
    publish(full_event, django_capture_on_commit_callbacks, is_cancelled=True)
    assert len(mail.outbox) == 3
    assert {message.subject for message in mail.outbox} == {"Inställt: Workshop om skyddsbedömning"}
    [entry] = Calendar.from_ical(mail.outbox[0].attachments[0][1]).walk("VEVENT")
    assert str(entry["STATUS"]) == "CANCELLED"

    publish(full_event, django_capture_on_commit_callbacks, summary="Inställt på grund av sjukdom.")
    assert len(mail.outbox) == 3


def test_other_edits_drafts_and_the_first_publication_tell_nobody(full_event, django_capture_on_commit_callbacks):
    publish(full_event, django_capture_on_commit_callbacks, summary="En ny sammanfattning.")
    full_event.place = "Någon annanstans"
    with django_capture_on_commit_callbacks(execute=True):
        full_event.save_revision()  # a draft, not published
    with django_capture_on_commit_callbacks(execute=True):
        EventPageFactory()
    assert mail.outbox == []


def test_more_places_move_the_waiting_list_up_when_published(full_event, django_capture_on_commit_callbacks):
    [waiting] = Registration.objects.filter(event=full_event, status=WAITING)
    publish(full_event, django_capture_on_commit_callbacks, capacity=3)
    waiting.refresh_from_db()
    assert waiting.status == REGISTERED
    assert [message.to for message in mail.outbox] == [[waiting.person.email]]
    assert mail.outbox[0].subject.startswith("Du fick en plats")


def event_form(event, **fields):
    """The event's edit form as it stands, published, with `fields` changed."""
    data = {
        "title": event.title,
        "slug": event.slug,
        "event_type": event.event_type,
        "summary": event.summary,
        "starts_at": event.starts_at.strftime("%Y-%m-%d %H:%M"),
        "ends_at": event.ends_at.strftime("%Y-%m-%d %H:%M"),
        "place": event.place,
        "online_link": "",
        "municipality": "",
        "speaker": "",
        "capacity": str(event.capacity),
        "registration_deadline": "",
        "description": streamfield([]),
        "tags": "",
        "recording_url": "",
        "experience": "",
        "documents": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "action-publish",
        **fields,
    }
    return nested_form_data(data)


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True))
    return client


def edit(client, event, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[event.pk]), data)


def test_the_admin_saves_a_valid_change(admin_client, full_event):
    response = edit(admin_client, full_event, event_form(full_event, speaker="Socialtjänsten i Sigtuna"))
    assert response.status_code == 302
    full_event.refresh_from_db()
    assert full_event.speaker == "Socialtjänsten i Sigtuna"


def test_the_admin_refuses_an_end_before_the_start_in_swedish(admin_client, full_event):
    before = (full_event.starts_at - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    response = edit(admin_client, full_event, event_form(full_event, ends_at=before))
    assert response.status_code == 200
    assert response.context["form"].errors["ends_at"] == ["Evenemanget kan inte sluta innan det börjar."]
    full_event.refresh_from_db()
    assert full_event.ends_at > full_event.starts_at


def test_the_admin_refuses_fewer_places_than_registered_in_swedish(admin_client, full_event):
    response = edit(admin_client, full_event, event_form(full_event, capacity="1"))
    assert response.status_code == 200
    [error] = response.context["form"].errors["capacity"]
    assert error.startswith("2 personer är redan anmälda")
    full_event.refresh_from_db()
    assert full_event.capacity == 2


def test_news_run_again_is_not_sent_twice_and_a_failed_mail_goes_on_the_next_run(full_event, monkeypatch):
    from django.core.mail import EmailMessage

    from events import tasks

    first, *others = active_emails(full_event)
    real_send = EmailMessage.send

    def refused_for_first(message, *args, **kwargs):
        if message.to == [first]:
            raise OSError("mailbox unavailable")
        return real_send(message, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", refused_for_first)
    assert tasks.send_event_news.call(full_event.pk, "changed", "news-1") == 2
    assert sorted(message.to[0] for message in mail.outbox) == others
    monkeypatch.undo()
    assert tasks.send_event_news.call(full_event.pk, "changed", "news-1") == 1  # the run again: only the one left
    assert sorted(message.to[0] for message in mail.outbox) == active_emails(full_event)
    assert tasks.send_event_news.call(full_event.pk, "changed", "news-2") == 3  # the next news goes to all
