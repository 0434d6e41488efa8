"""Register and cancel with one press: every wrong press gets a Swedish message or a 404/405/403, never a 500,
and never a lost or doubled registration."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

from accounts import roles
from events.models import Registration, RegistrationStatus
from tests.factories import EventPageFactory, UserFactory

pytestmark = pytest.mark.django_db

REGISTERED, WAITING, CANCELLED = RegistrationStatus.REGISTERED, RegistrationStatus.WAITING, RegistrationStatus.CANCELLED


def press(client, name, event, **data):
    return client.post(reverse(f"events:{name}", args=[event.pk]), data)


def said(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_registering_gives_a_place_and_returns_to_the_event(member_client, member):
    event = EventPageFactory()
    response = press(member_client, "register", event)
    assert response.status_code == 302 and response["Location"] == event.url
    assert Registration.objects.get(event=event, person=member).status == REGISTERED
    assert said(response) == ["Du är anmäld. En bekräftelse med en kalenderfil är på väg."]


def test_registering_twice_says_so_and_keeps_one_registration(member_client, member):
    event = EventPageFactory()
    press(member_client, "register", event)
    response = press(member_client, "register", event)
    assert response.status_code == 302
    assert said(response)[-1] == "Du är redan anmäld."
    assert Registration.objects.filter(event=event, person=member).count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"registration_deadline": timezone.now() - timedelta(hours=1)}, "Anmälan stängde"),
        ({"is_cancelled": True}, "ställts in"),
        (
            {"starts_at": timezone.now() - timedelta(days=2), "ends_at": timezone.now() - timedelta(days=2, hours=-2)},
            "redan börjat",
        ),
    ],
)
def test_a_closed_event_refuses_a_registration_with_a_swedish_message(member_client, changes, message):
    event = EventPageFactory(**changes)
    response = press(member_client, "register", event)
    assert response.status_code == 302
    [text] = said(response)
    assert message in text
    assert not Registration.objects.exists()


def test_cancelling_what_one_does_not_have_says_so_and_touches_nobody_elses(member_client):
    event = EventPageFactory()
    someone = UserFactory()
    Registration.objects.create(event=event, person=someone, status=REGISTERED)
    response = press(member_client, "cancel", event)
    assert response.status_code == 302
    assert said(response) == ["Du är inte anmäld till det här evenemanget."]
    assert Registration.objects.get().status == REGISTERED


def test_cancelling_twice_cancels_once(member_client, member):
    event = EventPageFactory()
    press(member_client, "register", event)
    assert said(press(member_client, "cancel", event))[-1] == "Din anmälan är avbokad."
    assert said(press(member_client, "cancel", event))[-1] == "Du är inte anmäld till det här evenemanget."
    assert list(Registration.objects.values_list("status", flat=True)) == [CANCELLED]


def test_cancelling_a_past_event_is_refused(member_client, member):
    event = EventPageFactory()
    Registration.objects.create(event=event, person=member, status=REGISTERED)
    event.starts_at, event.ends_at = timezone.now() - timedelta(days=1), timezone.now() - timedelta(hours=22)
    event.save_revision().publish()
    assert "redan börjat" in said(press(member_client, "cancel", event))[0]
    assert Registration.objects.get().status == REGISTERED


def test_a_cancel_from_my_events_returns_there_but_never_to_another_site(member_client, member):
    event = EventPageFactory()
    press(member_client, "register", event)
    back = press(member_client, "cancel", event, next=reverse("events:mine"))
    assert back["Location"] == reverse("events:mine")
    press(member_client, "register", event)
    away = press(member_client, "cancel", event, next="https://elsewhere.example/")
    assert away["Location"] == event.url


def test_a_missing_draft_or_restricted_event_is_not_found(member_client, member):
    draft = EventPageFactory()
    draft.unpublish()
    restricted = EventPageFactory()
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.EDITOR))
    for name in ("register", "cancel"):
        assert member_client.post(reverse(f"events:{name}", args=[987654321])).status_code == 404
        assert press(member_client, name, draft).status_code == 404
        assert press(member_client, name, restricted).status_code == 404
    assert not Registration.objects.exists()


def test_a_get_is_not_allowed(member_client):
    event = EventPageFactory()
    for name in ("register", "cancel"):
        assert member_client.get(reverse(f"events:{name}", args=[event.pk])).status_code == 405
    assert not Registration.objects.exists()


def test_a_forged_or_stale_csrf_token_gets_the_swedish_403_page(member):
    event = EventPageFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    for token in (None, "x" * 64):
        data = {"csrfmiddlewaretoken": token} if token else {}
        response = client.post(reverse("events:register", args=[event.pk]), data)
        assert response.status_code == 403
        assert "Formuläret kunde inte skickas" in response.content.decode()
    assert not Registration.objects.exists()
