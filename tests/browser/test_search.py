"""Searching as a person does: the header box, suggestions with the keyboard, facets, zero results — accessible."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import start_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def content(make_method, make_experience):
    make_method("Samtal om hedersnormer i skolan", owner="sigtuna", target_groups=["unga"], tags=["skola"])
    make_method("Riskbedömning vid hedersförtryck", owner="jarfalla", tags=["riskbedömning"])
    make_experience("Hedersförtryck och fritidsgården", owner="sundbyberg")
    start_thread(title="Hur arbetar ni med hedersrelaterat våld på fritidsgården?", body="Vi söker tips.")


def test_a_search_from_the_header_shows_ranked_hits_and_facets(page, member, log_in, content, assert_accessible):
    log_in(member)
    page.get_by_label("Sök på intranätet").fill("hedersförtryck")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sok/?q=*")
    assert "träffar för" in page.get_by_role("heading", level=2, name=re.compile("träffar för")).inner_text()
    assert page.locator(".search-result mark").count() > 0
    assert_accessible(page)

    page.get_by_role("navigation", name="Avgränsa sökningen").get_by_role("link", name="Järfälla").click()
    page.wait_for_url("**kommun=jarfalla*")
    assert page.locator(".search-result").count() == 1
    expect(page.get_by_role("link", name="Riskbedömning vid hedersförtryck")).to_be_visible()
    assert_accessible(page)

    page.goto("/sok/?q=ingenting+alls+finns")
    expect(page.get_by_text("Inget matchade")).to_be_visible()
    assert_accessible(page)


def test_suggestions_are_chosen_with_the_keyboard(page, member, log_in, content, assert_accessible):
    log_in(member)
    box = page.get_by_role("combobox", name="Sök på intranätet")
    box.fill("heder")
    page.get_by_role("listbox").first.wait_for()
    options = page.get_by_role("option")
    assert options.count() >= 2
    assert box.get_attribute("aria-expanded") == "true"
    assert_accessible(page)
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    label = options.first.inner_text()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text().split(" (")[0] in label
