"""Mina evenemang, as a person with a place and a waiting-list spot sees it — accessible, and at 320 px."""

import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from events import services
from tests.factories import EventPageFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def registrations(member):
    services.register(EventPageFactory(title="Föreläsning om barnets röst"), member)
    full = EventPageFactory(title="Workshop om trygga samtal med en lång titel som bryts", capacity=1)
    services.register(full, UserFactory())
    services.register(full, member)


def feed_status(address):
    """What a calendar program gets from the address, without signing in."""
    try:
        with urllib.request.urlopen(address) as response:  # noqa: S310 - the test's own live server
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_my_events_with_a_place_and_a_waiting_spot_is_accessible(
    page, member, log_in, registrations, assert_accessible
):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(member)
    page.get_by_text(member.get_full_name()).click()  # the user menu
    page.get_by_role("link", name="Mina evenemang").click()
    page.wait_for_url("**/kampanjmanaden/mina-evenemang/")
    expect(page.get_by_role("heading", level=1, name="Mina evenemang")).to_be_visible()
    expect(page.get_by_text("Du har en plats.")).to_be_visible()
    expect(page.get_by_text("På reservlistan, nummer 1 i kön.")).to_be_visible()
    assert_accessible(page)


def test_a_new_calendar_address_is_shown_and_replaces_the_old(page, member, log_in, live_server, assert_accessible):
    log_in(member)
    page.goto("/kampanjmanaden/mina-evenemang/")
    page.get_by_role("button", name="Skapa kalenderadress").click()
    page.wait_for_url("**/kampanjmanaden/mina-evenemang/#kalender")
    first = page.get_by_label("Mina evenemang, som kalender").input_value()
    assert "nyckel=" in first
    assert_accessible(page)

    page.get_by_role("button", name="Skapa ny kalenderadress").click()
    page.wait_for_url("**/kampanjmanaden/mina-evenemang/#kalender")
    second = page.get_by_label("Mina evenemang, som kalender").input_value()
    assert second != first and second.startswith(live_server.url)
    assert (feed_status(first), feed_status(second)) == (404, 200)

    page.reload()
    assert page.get_by_label("Mina evenemang, som kalender").count() == 0


def test_my_events_holds_at_320_pixels(page, member, log_in, registrations):
    page.set_viewport_size({"width": 320, "height": 640})
    log_in(member)
    page.goto("/kampanjmanaden/mina-evenemang/")
    page.get_by_role("button", name="Skapa kalenderadress").click()
    page.wait_for_url("**/kampanjmanaden/mina-evenemang/#kalender")
    expect(page.get_by_label("Hela programmet, som kalender")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
