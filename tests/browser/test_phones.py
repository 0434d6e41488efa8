"""Every page type on a 320 px phone and on a 1280 px screen, in Swedish and English: nothing scrolls sideways, the
header leaves the screen to the page, Wagtail's user bar is for editors only, and axe finds nothing."""

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from django.core.management import call_command

from accounts.models import User
from devtools.management.commands.seed_demo import DEV_ONLY_TOTP_KEY
from events.models import CampaignIndexPage, CampaignPage, EventPage
from forum.models import Thread
from knowledge.models import (
    ArticleIndexPage,
    ArticlePage,
    ExperienceIndexPage,
    ExperiencePage,
    MethodIndexPage,
    MethodPage,
    MunicipalityIndexPage,
    MunicipalityPage,
    TopicPage,
)
from tests.browser.helpers import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 320, "height": 640}
SCREEN = {"width": 1280, "height": 800}
# The header took half of a 320 × 640 screen; it keeps to less than a third.
HEADER_SHARE_AT_MOST = 0.3
PAGE_TYPES = [
    MethodIndexPage,
    MethodPage,
    ExperienceIndexPage,
    ExperiencePage,
    ArticleIndexPage,
    ArticlePage,
    TopicPage,
    MunicipalityIndexPage,
    MunicipalityPage,
    CampaignIndexPage,
    CampaignPage,
    EventPage,
]
VIEWS = [
    "/",
    "/kunskapsbank/",
    "/forum/",
    "/forum/ny/",
    "/forum/notiser/",
    "/forum/sparat/",
    "/sok/?q=våld",
    "/sok/?q=ingentingalls",
    "/profil/",
    "/kampanjmanaden/mina-evenemang/",
    "/finns-inte/",
]


def every_kind_of_page():
    """One address of each page type and each view of the demo intranet, with a method most related to others."""
    pages = [
        model.objects.live().order_by("-numchild", "pk").first().url
        for model in PAGE_TYPES
        if model.objects.live().exists()
    ]
    assert len(pages) == len(PAGE_TYPES), "the demo intranet has a page of every type"
    method = MethodPage.objects.live().get(title__startswith="Våldsmottagning")
    tag = method.tags.order_by("name").first()
    thread = Thread.objects.filter(is_hidden=False).order_by("-post_count").first()
    return [*VIEWS, *pages, method.url, f"/taggar/{tag.slug}/", thread.get_absolute_url()]


def overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.fixture
def demo(monkeypatch, password):
    monkeypatch.setenv("DEMO_PASSWORD", password)
    call_command("seed_demo")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_page_type_fits_a_phone_and_a_screen_and_is_accessible(
    chromium, live_server, password, policy_violations, demo, assert_accessible, language
):
    context = chromium.new_context(base_url=live_server.url, locale="sv-SE", viewport=PHONE)
    page = context.new_page()
    sign_in(page, "medarbetare.sollentuna@demo.kunskapsforum.example", password)
    if language == "en":
        page.locator(".user-menu__toggle").click()
        page.get_by_role("button", name="In English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    for path in every_kind_of_page():
        page.set_viewport_size(PHONE)
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == language, path
        assert overflow(page) == 0, f"{path} scrolls sideways at 320 px"
        header = page.locator(".site-header").bounding_box()["height"]
        assert header <= HEADER_SHARE_AT_MOST * PHONE["height"], f"{path}: the header is {header} px high"
        expect(page.locator("wagtail-userbar")).to_have_count(0)
        assert_accessible(page)
        page.set_viewport_size(SCREEN)
        assert overflow(page) == 0, f"{path} scrolls sideways at 1280 px"
    context.close()


def test_the_login_page_fits_a_phone(page, assert_accessible):
    page.set_viewport_size(PHONE)
    page.goto("/logga-in/")
    assert overflow(page) == 0
    expect(page.get_by_role("button", name="In English")).to_be_visible()
    assert_accessible(page)


def test_an_editor_gets_wagtails_user_bar_on_a_page_they_may_edit(chromium, live_server, password, demo):
    context = chromium.new_context(base_url=live_server.url, locale="sv-SE", viewport=PHONE)
    page = context.new_page()
    editor = User.objects.get(email="redaktor.jarfalla@demo.kunskapsforum.example")
    sign_in(page, editor.email, password)
    # The demo's editors have an authenticator app (seed_demo): they give its code, as `manage.py demo_code` tells.
    totp = TOTP(bytes.fromhex(DEV_ONLY_TOTP_KEY))
    page.get_by_role("textbox", name="Kod").fill(f"{totp.token():06d}")
    page.get_by_role("button", name="Fortsätt").click()
    page.wait_for_load_state("load")
    method = MethodPage.objects.live().filter(municipality__slug="jarfalla").first()
    page.goto(method.url)
    expect(page.locator("wagtail-userbar")).to_have_count(1)
    # Room is left below the footer, so that the user bar covers none of the page's own buttons.
    footer_padding = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.site-footer')).paddingBottom)")
    assert footer_padding >= 80
    context.close()
