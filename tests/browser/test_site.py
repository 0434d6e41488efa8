import pytest
from playwright.sync_api import expect

from django.core.management import call_command

from tests.browser.helpers import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_anonymous_visitor_is_sent_to_a_swedish_login_page(page, assert_accessible):
    page.goto("/")
    assert "/logga-in/" in page.url
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("heading", level=1).inner_text() == "Logga in på Kunskapsforum"
    assert_accessible(page)


def test_login_flow_reaches_the_start_page_and_logs_out(page, member, log_in, assert_accessible):
    page.goto("/forum/")
    page.get_by_label("E-postadress").fill(member.email)
    page.get_by_label("Lösenord").fill("fel-losenord")
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)

    log_in(member)
    expect(page.get_by_role("navigation", name="Huvudmeny")).to_be_visible()
    assert_accessible(page)

    page.get_by_text(member.get_full_name()).click()
    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_url("**/logga-in/")
    page.goto("/")
    assert "/logga-in/" in page.url


def test_next_is_followed_after_login(page, member, password):
    page.goto("/forum/")
    page.get_by_label("E-postadress").fill(member.email)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/forum/")
    assert page.get_by_role("heading", level=1).inner_text() == "Forum"


def test_every_page_of_the_demo_intranet_is_accessible(page, log_in, password, monkeypatch, assert_accessible):
    monkeypatch.setenv("DEMO_PASSWORD", password)
    call_command("seed_demo")
    from accounts.models import User

    log_in(User.objects.get(email="medarbetare.sollentuna@demo.kunskapsforum.example"))
    assert "/logga-in/" not in page.url
    assert_accessible(page)
    for path in [
        "/kunskapsbank/",
        "/forum/",
        "/kampanjmanaden/",
        "/sok/",
        "/sok/?q=våld",
        "/sok/?q=ingentingalls",
        "/profil/",
        "/personer/",
        "/personer/?kommun=sigtuna&verksamhet=skola&kunskap=hedersfortryck",
        "/kommunerna/",
        "/kommunerna/jarfalla/",
        "/aktuellt/",
        "/aktuellt/valkommen-till-kunskapsforum/",
        "/finns-inte/",
    ]:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == "sv", path
        assert_accessible(page)


def test_the_user_menu_and_language_switch_work_with_the_keyboard(page, member, log_in, assert_accessible):
    log_in(member)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Hoppa till innehållet"
    page.locator(".user-menu__toggle").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="In English").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("link", name="Knowledge bank")).to_be_visible()
    assert_accessible(page)


def test_the_layout_holds_at_320_pixels(page, member, log_in):
    page.set_viewport_size({"width": 320, "height": 640})
    log_in(member)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320
    expect(page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Kampanjmånaden")).to_be_visible()


def test_a_request_the_site_cannot_read_gets_an_accessible_swedish_page(page, member, log_in, assert_accessible):
    log_in(member)
    response = page.goto("/sok/?" + "&".join(f"tagg={number}" for number in range(1500)))
    assert response.status == 400
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("heading", level=1).inner_text() == "Förfrågan kunde inte läsas"
    assert_accessible(page)


def test_signing_in_in_a_test_fails_when_the_intranet_refuses_the_person(page, member):
    with pytest.raises(AssertionError, match="could not sign in"):
        sign_in(page, member.email, "fel-losenord")
