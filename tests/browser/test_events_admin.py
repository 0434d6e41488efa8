"""The organiser's view of an event, as Sigtuna's editor meets it on a desk and on a phone: who is coming, who
waits, who came."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from accounts import roles
from accounts.models import Municipality
from events import services
from events.models import Registration
from tests.factories import EventPageFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def event(db):
    """Sigtuna's workshop with two places: two registered, one waiting; it started an hour ago."""
    event = EventPageFactory(
        title="Workshop om trygga samtal med barn", capacity=2, municipality=Municipality.objects.get(slug="sigtuna")
    )
    for name in ("Ada", "Bo", "Cy"):
        services.register(event, UserFactory(first_name=name, last_name="Lind", job_title="Fritidsledare"))
    event.starts_at = timezone.now() - timedelta(hours=1)
    event.ends_at = timezone.now() + timedelta(hours=1)
    event.save_revision().publish()
    return event


def wait_for_messages(page):
    expect(page.locator(".messages > ul")).to_have_css("opacity", "1")


@pytest.mark.parametrize("width", [1280, 320])
def test_the_organiser_sees_the_participants_and_marks_who_came(signed_in, assert_accessible, event, width):
    organiser = signed_in(UserFactory(roles=[roles.EDITOR], municipality=Municipality.objects.get(slug="sigtuna")))
    organiser.set_viewport_size({"width": width, "height": 900})

    organiser.goto("/admin/evenemang/")
    expect(organiser.locator("table.listing tbody tr", has_text=event.title)).to_have_count(1)
    assert_accessible(organiser)
    assert organiser.evaluate("document.documentElement.scrollWidth") <= width

    organiser.goto(f"/admin/evenemang/{event.pk}/")
    expect(organiser.get_by_role("heading", name="Reservlista")).to_be_visible()
    expect(organiser.locator("section", has_text="Reservlista").get_by_text("Cy Lind")).to_be_visible()
    assert_accessible(organiser)
    assert organiser.evaluate("document.documentElement.scrollWidth") <= width

    with organiser.expect_navigation():
        organiser.get_by_role("button", name="Ada Lind deltog", exact=True).click()
    wait_for_messages(organiser)
    assert Registration.objects.get(event=event, person__first_name="Ada").attended is True
    expect(organiser.get_by_role("button", name="Ada Lind deltog", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    assert_accessible(organiser)

    organiser.goto(f"/admin/evenemang/{event.pk}/meddelande/")
    expect(organiser.get_by_label("Ämnesrad")).to_be_visible()
    assert_accessible(organiser)
    assert organiser.evaluate("document.documentElement.scrollWidth") <= width
