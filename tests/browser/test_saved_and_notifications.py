"""Issue 14 in a real browser, as a new colleague would use it, with the keyboard only: the latest notifications open in
place from the header, threads and pages are saved under "Sparat", a tag is followed from its page and unfollowed from
the profile, and the language chosen stays with the person. At 320 and 1280 px, in Swedish and English, axe clean."""

import re

import pytest
from playwright.sync_api import expect

from django.conf import settings

from accounts.models import User
from forum import services
from forum.models import Bookmark, Subscription
from tests.browser.helpers import sign_in
from tests.factories import UserFactory, start_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 320, "height": 640}
SCREEN = {"width": 1280, "height": 800}
TOGGLE = ".notifications-menu__toggle"
PANEL = "#notifications-menu-panel"
WORDS = {
    "sv": {"latest": "Senaste notiserna", "all": "Alla notiser", "save": "Spara", "saved": "Sparat"},
    "en": {"latest": "Latest notifications", "all": "All notifications", "save": "Save for later", "saved": "Saved"},
}


def tab_to(page, selector, *, presses=15):
    """Press Tab until the element has the focus, as a keyboard user would; fail if it never gets it."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.fixture
def replies_to(member):
    """A thread the member started, with replies from three colleagues: three notifications."""
    thread = start_thread(member, title="Hur pratar ni med barn om våld hemma?")
    for name in ("Anna", "Bo", "Cecilia"):
        services.reply(thread, author=UserFactory(first_name=name, last_name="Ek"), body=f"Svar från {name}")
    return thread


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("viewport", [PHONE, SCREEN], ids=["320", "1280"])
def test_the_latest_notifications_open_in_place_with_the_keyboard(
    page, member, log_in, replies_to, assert_accessible, language, viewport
):
    User.objects.filter(pk=member.pk).update(language=language)  # kept on the account, set again at login
    words = WORDS[language]
    page.set_viewport_size(viewport)
    log_in(member)
    expect(page.locator("html")).to_have_attribute("lang", language)

    tab_to(page, TOGGLE)
    toggle = page.locator(TOGGLE)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    panel = page.locator(PANEL)
    expect(panel.get_by_role("heading", name=words["latest"])).to_be_visible()
    expect(panel.locator(".notification")).to_have_count(3)
    expect(panel.get_by_role("link", name=words["all"])).to_be_visible()
    assert overflow(page) == 0
    assert_accessible(page)

    page.keyboard.press("Tab")
    assert page.evaluate(f"document.querySelector('{PANEL}').contains(document.activeElement)")
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "false")

    page.keyboard.press("Enter")
    expect(panel.locator(".notification")).to_have_count(3)
    page.mouse.click(5, viewport["height"] - 5)  # anywhere else on the page
    expect(panel).to_be_hidden()

    toggle.focus()
    page.keyboard.press("Enter")
    expect(panel.locator(".notification")).to_have_count(3)
    tab_to(page, f"{PANEL} .notification__link")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(rf"/forum/trad/{replies_to.pk}/", page.url)


def test_without_javascript_the_count_leads_to_the_notification_centre(
    chromium, live_server, member, password, replies_to, policy_violations
):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    sign_in(page, member.email, password)
    link = page.get_by_role("link", name=re.compile(r"^Notiser\W+3 olästa$"))
    expect(link).to_be_visible()
    link.click()
    page.wait_for_url("**/forum/notiser/")
    expect(page.locator(".notification")).to_have_count(3)
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, SCREEN], ids=["320", "1280"])
def test_a_thread_and_a_page_are_saved_found_under_saved_and_removed(
    page, member, log_in, make_method, assert_accessible, viewport
):
    thread = start_thread(UserFactory(), title="Väntetid till stödgrupp")
    method = make_method("Stödgrupp för barn")
    page.set_viewport_size(viewport)
    log_in(member)

    for url in (thread.get_absolute_url(), method.url):
        page.goto(url)
        page.get_by_role("button", name="Spara", exact=True).focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        expect(page.get_by_role("button", name="Ta bort från Sparat")).to_be_visible()
        assert overflow(page) == 0
        assert_accessible(page)
    assert Bookmark.objects.filter(user=member).count() == 2

    page.locator(".user-menu__toggle").focus()
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Sparat", exact=True).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sparat")
    expect(page.get_by_role("link", name="Väntetid till stödgrupp")).to_be_visible()
    expect(page.get_by_role("link", name="Stödgrupp för barn")).to_be_visible()
    assert overflow(page) == 0
    assert_accessible(page)

    for title in ("Väntetid till stödgrupp", "Stödgrupp för barn"):
        page.get_by_role("button", name=f"Ta bort {title}").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
    expect(page.locator(".empty-state")).to_be_visible()
    assert_accessible(page)
    assert not Bookmark.objects.filter(user=member).exists()


@pytest.mark.parametrize("viewport", [PHONE, SCREEN], ids=["320", "1280"])
def test_a_tag_is_followed_from_its_page_and_unfollowed_on_the_profile(
    page, member, log_in, make_method, assert_accessible, viewport
):
    make_method("Stödgrupp för barn", tags=["Stödgrupp"])
    page.set_viewport_size(viewport)
    log_in(member)
    page.goto("/taggar/stodgrupp/")
    assert_accessible(page)
    page.get_by_role("button", name="Följ", exact=True).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/taggar/stodgrupp/$"))
    expect(page.get_by_role("button", name="Sluta följa")).to_be_visible()
    assert Subscription.objects.active().filter(user=member, tag__slug="stodgrupp").exists()

    page.goto("/profil/")
    follows = page.get_by_role("region", name="Det du följer")
    expect(follows.get_by_role("link", name="Stödgrupp")).to_be_visible()
    assert overflow(page) == 0
    assert_accessible(page)
    follows.get_by_role("button", name="Sluta följa Stödgrupp").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/profil/#follows-heading$"))
    expect(page.get_by_role("region", name="Det du följer").locator(".empty-state")).to_be_visible()
    assert not Subscription.objects.active().filter(user=member).exists()
    assert_accessible(page)


def test_the_language_chosen_stays_after_logging_in_again_in_another_browser(
    chromium, live_server, member, password, policy_violations
):
    first = chromium.new_context(base_url=live_server.url, locale="sv-SE", viewport=PHONE)
    page = first.new_page()
    sign_in(page, member.email, password)
    page.locator(".user-menu__toggle").click()
    page.get_by_role("button", name="In English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(".user-menu__toggle").click()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/logga-in/**")
    first.close()

    other = chromium.new_context(base_url=live_server.url, locale="sv-SE", viewport=PHONE)
    page = other.new_page()
    assert not [cookie for cookie in other.cookies() if cookie["name"] == settings.LANGUAGE_COOKIE_NAME]
    sign_in(page, member.email, password)  # the login page is in Swedish: this browser knows no choice yet
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("navigation", name="Main navigation")).to_be_visible()
    other.close()
