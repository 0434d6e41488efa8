"""The campaign month in a real browser: the programme and its filters, an event, registering and cancelling, the
waiting list, the calendar file, and a phone-wide screen."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from django.core import mail
from django.utils import timezone

from accounts import roles
from accounts.models import Municipality, Sector
from events.models import EventType, Registration, RegistrationStatus
from tests.factories import CampaignPageFactory, EventPageFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def campaign():
    today = timezone.localdate()
    return CampaignPageFactory(year=today.year, starts_on=today - timedelta(days=3), ends_on=today + timedelta(days=26))


def in_days(days, hour=9):
    day = timezone.localdate() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, tzinfo=STOCKHOLM)


@pytest.fixture
def programme(campaign):
    sigtuna, jarfalla = Municipality.objects.get(slug="sigtuna"), Municipality.objects.get(slug="jarfalla")
    lecture = EventPageFactory(
        parent=campaign,
        title="Föreläsning om tvångskontroll",
        event_type=EventType.LECTURE,
        municipality=jarfalla,
        starts_at=in_days(2),
        ends_at=in_days(2, 11),
    )
    lecture.sectors.set(Sector.objects.filter(slug="socialtjanst"))
    lecture.save_revision().publish()
    EventPageFactory(
        parent=campaign,
        title="Webbinarium för fritidsledare",
        event_type=EventType.WEBINAR,
        municipality=sigtuna,
        place="",
        online_link="https://teams.example/webbinarium",
        starts_at=in_days(3, 13),
        ends_at=in_days(3, 15),
    )
    EventPageFactory(
        parent=campaign,
        title="Workshop i Sigtuna",
        municipality=sigtuna,
        starts_at=in_days(9),
        ends_at=in_days(9, 12),
        capacity=1,
    )
    return campaign


def member_in(slug="sigtuna", **names):
    return UserFactory(municipality=Municipality.objects.get(slug=slug), roles=[roles.EMPLOYEE], **names)


def test_the_programme_filters_without_javascript_and_is_accessible(page, log_in, programme, assert_accessible):
    log_in(member_in())
    page.goto(programme.url)
    assert_accessible(page)
    expect(page.get_by_role("heading", name="Föreläsning om tvångskontroll")).to_be_visible()

    page.get_by_label(re.compile(r"^Sigtuna \(2\)")).check()
    page.get_by_role("button", name="Visa evenemang").click()
    expect(page).to_have_url(re.compile(r"kommun=sigtuna"))
    expect(page.get_by_role("heading", name="Föreläsning om tvångskontroll")).to_have_count(0)
    expect(page.get_by_role("heading", name="Webbinarium för fritidsledare")).to_be_visible()
    expect(page.get_by_label(re.compile(r"^Digitalt \(1\)"))).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Vecka för vecka").click()
    expect(page).to_have_url(re.compile(r"vy=vecka"))
    expect(page.get_by_role("link", name="Workshop i Sigtuna")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{programme.url}?fran=inte-ett-datum&typ=konsert")
    expect(page.get_by_role("status").filter(has_text="ignorerades")).to_have_count(2)


def test_the_index_and_the_event_page_are_accessible(page, log_in, programme, assert_accessible):
    log_in(member_in())
    page.goto("/kampanjmanaden/")
    assert_accessible(page)
    page.get_by_role("link", name="Se programmet och anmäl dig").click()
    page.get_by_role("link", name="Webbinarium för fritidsledare").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Webbinarium för fritidsledare")
    expect(page.get_by_role("link", name="Anslut till mötet")).to_have_attribute(
        "href", "https://teams.example/webbinarium"
    )
    assert_accessible(page)


def test_register_then_cancel_through_the_button(page, log_in, programme):
    person = member_in()
    log_in(person)
    event = programme.get_children().get(title="Föreläsning om tvångskontroll").specific
    page.goto(event.url)
    page.get_by_role("button", name="Anmäl dig").click()
    expect(page.locator(".registration__status").filter(has_text="Du är anmäld.")).to_be_visible()
    assert Registration.objects.get(event=event, person=person).status == RegistrationStatus.REGISTERED

    page.get_by_role("button", name="Avboka min anmälan").click()
    expect(page.get_by_role("button", name="Anmäl dig")).to_be_visible()
    assert not Registration.objects.active().filter(event=event, person=person).exists()


def test_a_cancelled_place_goes_to_the_first_on_the_waiting_list(signed_in, programme):
    event = programme.get_children().get(title="Workshop i Sigtuna").specific
    first = signed_in(member_in(first_name="Ada", email="ada@sigtuna.example"))
    second_person = member_in("jarfalla", first_name="Bo", email="bo@jarfalla.example")
    second = signed_in(second_person)

    first.goto(event.url)
    first.get_by_role("button", name="Anmäl dig").click()
    expect(first.locator(".registration__status").filter(has_text="Du är anmäld.")).to_be_visible()
    second.goto(event.url)
    second.get_by_role("button", name="Ställ dig på reservlistan").click()
    expect(second.locator(".registration__status").filter(has_text="Du står på reservlistan.")).to_be_visible()

    mail.outbox.clear()
    first.get_by_role("button", name="Avboka min anmälan").click()
    expect(first.get_by_role("button", name="Ställ dig på reservlistan")).to_be_visible()

    second.reload()
    expect(second.locator(".registration__status").filter(has_text="Du är anmäld.")).to_be_visible()
    [message] = [message for message in mail.outbox if "Du fick en plats" in message.subject]
    assert message.to == [second_person.email]


def test_the_event_downloads_as_a_calendar_file(page, log_in, programme):
    log_in(member_in())
    event = programme.get_children().get(title="Föreläsning om tvångskontroll").specific
    page.goto(event.url)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Lägg till i min kalender (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == "forelasning-om-tvangskontroll.ics"
    with open(download.path(), "rb") as file:
        [entry] = Calendar.from_ical(file.read()).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Föreläsning om tvångskontroll"
    assert entry["DTSTART"].params["TZID"] == "Europe/Stockholm"


def test_the_pages_fit_a_320_pixel_screen(page, log_in, programme):
    log_in(member_in())
    page.set_viewport_size({"width": 320, "height": 640})
    event = programme.get_children().get(title="Föreläsning om tvångskontroll").specific
    for path in ["/", "/kampanjmanaden/", programme.url, f"{programme.url}?vy=vecka", event.url]:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
