"""Search that forgives, as a new colleague uses it with the keyboard: "did you mean", English, the order of hits,
the next steps after nothing, following a search — accessible, and no sideways scrolling at 320 px."""

import pytest
from playwright.sync_api import expect

from django.urls import reverse
from django.utils import timezone

from accounts import roles
from search import vocabulary
from search.models import SearchQueryDay
from tests.factories import UserFactory, start_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def content(make_method, make_experience):
    make_method("Hedersvåld och hedersförtryck i skolan", owner="sigtuna", tags=["skola"])
    make_experience("Unga och hedersvåld på fritidsgården", owner="sundbyberg")
    start_thread(title="Hur pratar ni om hedersvåld med föräldrar?", body="Vi söker tips.")
    vocabulary.refresh()


def search_with_keyboard(page, words):
    box = page.get_by_role("combobox", name="Sök på intranätet")
    box.focus()
    page.keyboard.type(words)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def tab_to(page, name, *, limit=80):
    """Press Tab until the focused element's text starts with `name`; then it is the one Enter will use."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if (
            page.evaluate("document.activeElement.innerText || document.activeElement.value || ''")
            .strip()
            .startswith(name)
        ):
            return
    raise AssertionError(f"{name!r} was not reached with Tab")


def press_with_keyboard(page, name):
    """Tab to the link or button named `name` and press Enter, waiting for the page it leads to."""
    tab_to(page, name)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def assert_no_sideways_scrolling(page):
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 800})


def test_a_misspelt_search_says_did_you_mean_and_shows_the_hits(page, member, log_in, content, assert_accessible):
    log_in(member)
    page.set_viewport_size({"width": 1280, "height": 800})
    search_with_keyboard(page, "hedersvld")

    correction = page.locator(".search-correction")
    assert "Menade du" in correction.inner_text() and "hedersvåld" in correction.inner_text()
    assert page.locator(".search-result").count() == 3
    assert_accessible(page)
    assert_no_sideways_scrolling(page)

    press_with_keyboard(page, "Nyast först")
    assert "ordning=datum" in page.url
    assert page.get_by_role("link", name="Nyast först").get_attribute("aria-current") == "true"
    assert_accessible(page)


def test_an_english_search_finds_the_swedish_pages(page, member, log_in, content, assert_accessible):
    log_in(member)
    search_with_keyboard(page, "honour violence")

    assert page.locator(".search-result").count() == 3
    assert_accessible(page)


def test_nothing_found_offers_next_steps_and_asking_in_the_forum_keeps_the_words(
    page, member, log_in, content, assert_accessible
):
    log_in(member)
    search_with_keyboard(page, "zyxwvu qqq")

    expect(page.get_by_text("Inget matchade")).to_be_visible()
    expect(page.get_by_role("heading", name="Det här kan du göra")).to_be_visible()
    assert_accessible(page)
    assert_no_sideways_scrolling(page)

    press_with_keyboard(page, "Fråga kollegorna i forumet")
    assert page.get_by_label("Titel").input_value() == "zyxwvu qqq"


def test_a_search_is_followed_and_unfollowed_with_the_keyboard(page, member, log_in, content, assert_accessible):
    log_in(member)
    search_with_keyboard(page, "hedersvåld")

    press_with_keyboard(page, "Följ sökningen")
    expect(page.get_by_text("Du följer den här sökningen").first).to_be_visible()
    assert_accessible(page)
    assert_no_sideways_scrolling(page)

    page.goto("/sok/")
    expect(page.get_by_role("heading", name="Sökningar du följer")).to_be_visible()
    expect(page.get_by_role("link", name="hedersvåld")).to_be_visible()
    assert_accessible(page)
    assert_no_sideways_scrolling(page)
    press_with_keyboard(page, "Sluta följa")
    expect(page.get_by_text("Du följer inte längre sökningen")).to_be_visible()
    assert page.get_by_role("heading", name="Sökningar du följer").count() == 0


def test_an_editor_starts_a_pick_from_the_searches_that_found_nothing(signed_in, assert_accessible):
    SearchQueryDay.objects.create(text="fgm-stöd", day=timezone.localdate(), searches=6, zero_results=4)
    editor = signed_in(UserFactory(roles=[roles.EDITOR]))

    editor.goto(reverse("search_reports:without_results"))
    link = editor.get_by_role("link", name="Lägg till en rekommendation för ”fgm-stöd”")
    expect(link).to_be_visible()
    assert_accessible(editor)
    with editor.expect_navigation():
        link.click()

    expect(editor.locator("input[name=query_string]")).to_have_value("fgm-stöd")
    assert_accessible(editor)
