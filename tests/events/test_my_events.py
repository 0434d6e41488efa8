""" "Mina evenemang" and the secret calendar addresses that carry the programme and a person's own events."""

import logging
from datetime import timedelta

import pytest
from icalendar import Calendar

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

from accounts import roles
from events import services
from events.models import CalendarToken, Registration, RegistrationStatus
from tests.conftest import queries_for
from tests.factories import EventPageFactory, UserFactory
from tests.intranet.test_access_log import gunicorn_access_line

pytestmark = pytest.mark.django_db

MINE = reverse("events:mine")
PROGRAMME_FEED = reverse("events:programme_feed")
MINE_FEED = reverse("events:mine_feed")


def entries(response):
    return {
        str(entry["SUMMARY"]): str(entry["STATUS"]) for entry in Calendar.from_ical(response.content).walk("VEVENT")
    }


def new_secret(client):
    """Press "Skapa ny kalenderadress" and read the secret from the page that shows it once."""
    response = client.post(reverse("events:renew_calendar"), follow=True)
    address = response.context["new_calendar"]["mine"]
    return address.split("nyckel=")[1]


def test_my_events_shows_places_waiting_spots_in_line_and_past_attendance(member_client, member):
    full = EventPageFactory(title="Fullt seminarium", capacity=2)
    for _ in range(2):
        services.register(full, UserFactory())
    services.register(full, UserFactory())
    services.register(full, member)
    open_event = EventPageFactory(title="Öppen workshop")
    services.register(open_event, member)
    past = EventPageFactory(title="Förra veckans föreläsning")
    Registration.objects.create(event=past, person=member, status=RegistrationStatus.REGISTERED, attended=True)
    past.starts_at, past.ends_at = timezone.now() - timedelta(days=7), timezone.now() - timedelta(days=7, hours=-2)
    past.save_revision().publish()
    elsewhere = EventPageFactory(title="Någon annans")
    services.register(elsewhere, UserFactory())

    response = member_client.get(MINE)

    content = response.content.decode()
    assert response.status_code == 200
    assert [r.event.title for r in response.context["upcoming"]] == ["Fullt seminarium", "Öppen workshop"]
    assert "På reservlistan, nummer 2 i kön." in content
    assert "Du har en plats." in content
    assert [r.event.title for r in response.context["past"]] == ["Förra veckans föreläsning"]
    assert "Du deltog." in content
    assert "Någon annans" not in content
    assert content.count(reverse("events:cancel", args=[full.pk])) == 1
    assert "no-store" in response["Cache-Control"]


def test_my_events_runs_the_same_queries_for_two_and_twelve_registrations(member_client, member):
    for _ in range(2):
        services.register(EventPageFactory(), member)
    queries_for(member_client, MINE)  # the first request fills the site's caches
    few = queries_for(member_client, MINE)
    for _ in range(10):
        services.register(EventPageFactory(capacity=0), member)
    assert queries_for(member_client, MINE) == few


def test_my_events_leaves_out_events_the_person_may_no_longer_see(member_client, member):
    event = EventPageFactory(title="Bara för redaktörer")
    services.register(event, member)
    restriction = PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.EDITOR))
    assert "Bara för redaktörer" not in member_client.get(MINE).content.decode()


def test_a_new_calendar_address_is_shown_once_and_the_old_stops_at_once(member_client, member):
    event = EventPageFactory(title="Workshop om trygghet")
    services.register(event, member)
    first = new_secret(member_client)
    assert Client().get(MINE_FEED, {"nyckel": first}).status_code == 200

    shown_again = member_client.get(MINE)
    second = new_secret(member_client)

    assert shown_again.context["new_calendar"] is None and first not in shown_again.content.decode()
    assert second != first
    assert Client().get(MINE_FEED, {"nyckel": first}).status_code == 404
    assert Client().get(MINE_FEED, {"nyckel": second}).status_code == 200
    assert not CalendarToken.objects.filter(key_digest__in=[first, second]).exists()  # only digests are kept


def test_the_feeds_answer_only_a_valid_secret_of_an_active_person(member, member_client):
    EventPageFactory()
    secret = new_secret(member_client)
    anonymous = Client()
    for feed in (PROGRAMME_FEED, MINE_FEED):
        assert anonymous.get(feed).status_code == 404
        assert anonymous.get(feed, {"nyckel": "gissat"}).status_code == 404
        assert anonymous.get(feed, {"nyckel": "x" * 500}).status_code == 404
        response = anonymous.get(feed, {"nyckel": secret})
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        assert anonymous.post(feed, {"nyckel": secret}).status_code == 405
    member.is_active = False
    member.save()
    assert anonymous.get(PROGRAMME_FEED, {"nyckel": secret}).status_code == 404
    assert anonymous.get(MINE_FEED, {"nyckel": secret}).status_code == 404


def test_the_programme_feed_holds_what_the_person_may_see_and_cancelled_events_as_cancelled(member, member_client):
    EventPageFactory(title="Öppen föreläsning")
    EventPageFactory(title="Inställd workshop", is_cancelled=True)
    restricted = EventPageFactory(title="Bara för redaktörer")
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.EDITOR))
    draft = EventPageFactory(title="Utkast")
    draft.unpublish()
    secret = new_secret(member_client)

    calendar = entries(Client().get(PROGRAMME_FEED, {"nyckel": secret}))

    assert calendar == {"Öppen föreläsning": "CONFIRMED", "Inställd workshop": "CANCELLED"}


def test_my_feed_holds_places_as_confirmed_and_waiting_spots_as_tentative(member, member_client):
    services.register(EventPageFactory(title="Med plats"), member)
    services.register(EventPageFactory(title="På reservlistan", capacity=0), member)
    cancelled = EventPageFactory(title="Avbokad")
    services.register(cancelled, member)
    services.cancel(cancelled, member)
    EventPageFactory(title="Inte anmäld")
    secret = new_secret(member_client)

    calendar = entries(Client().get(MINE_FEED, {"nyckel": secret}))

    assert calendar == {"Med plats": "CONFIRMED", "På reservlistan": "TENTATIVE"}


def test_the_calendar_secret_never_reaches_a_log(member, member_client, capsys, caplog):
    secret = new_secret(member_client)
    with caplog.at_level(logging.DEBUG):
        Client().get(MINE_FEED, {"nyckel": secret})
        Client().get(MINE_FEED, {"nyckel": secret + "fel"})  # a 404, which Django logs
    for record in caplog.records:
        assert secret not in record.getMessage() and secret not in str(record.args)

    line = gunicorn_access_line(capsys, path=MINE_FEED, query=f"nyckel={secret}")
    assert f'"GET {MINE_FEED} HTTP/1.1"' in line
    assert secret not in line


def test_the_user_menu_links_to_my_events(member_client):
    assert f'href="{MINE}"' in member_client.get(reverse("accounts:profile")).content.decode()


def test_the_feeds_run_the_same_queries_for_2_and_12_events(client, member):
    secret = CalendarToken.renew_for(member)

    def queries_with(total):
        for _ in range(total - Registration.objects.filter(person=member).count()):
            services.register(EventPageFactory(), member)
        return [queries_for(client, f"{feed}?nyckel={secret}") for feed in (PROGRAMME_FEED, MINE_FEED)]

    queries_with(2)
    assert queries_with(2) == queries_with(12)
