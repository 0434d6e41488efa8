"""Two-step sign-in and "Mina inloggningar" as an editor meets them: refused the admin until an app is set up,
then a code at each sign-in — accessible, and usable at 320 pixels."""

import re
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.browser.helpers import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _mfa_required(settings):
    settings.MFA_REQUIRED = True


def code_for(key_text, *, ahead=0):
    """What an authenticator app shows for the key typed from the page (`ahead` seconds from now)."""
    key = key_text.replace(" ", "")
    totp = TOTP(b32decode(key + "=" * (-len(key) % 8)))
    totp.time = time.time() + ahead
    return f"{totp.token():06d}"


def fits_320(page):
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 800})


def test_an_editor_is_refused_the_admin_until_enrolled_then_signs_in_with_a_code(
    page, editor, password, assert_accessible
):
    sign_in(page, editor.email, password)
    expect(page).to_have_url(re.compile(r"/tvastegs/ny-app/"))
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/tvastegs/ny-app/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ställ in tvåstegsverifiering")
    expect(page.locator(".mfa-qr svg")).to_be_visible()
    assert_accessible(page)
    fits_320(page)

    page.get_by_role("textbox", name="Kod").fill("000000")
    page.get_by_role("button", name="Slå på tvåstegsverifiering").click()
    assert "Koden är fel" in page.locator(".error-summary").inner_text()
    expect(page).to_have_title(re.compile(r"^Fel: "))
    assert_accessible(page)

    key = page.locator("#manual-key").inner_text()
    time.sleep(1.1)  # the wait one wrong code sets
    first_code = code_for(key)
    page.get_by_role("textbox", name="Kod").fill(first_code)
    page.get_by_role("button", name="Slå på tvåstegsverifiering").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dina reservkoder")
    assert page.locator(".mfa-codes li").count() == 10
    assert_accessible(page)
    fits_320(page)
    page.get_by_role("link", name="Jag har sparat mina koder, fortsätt").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto("/profil/tvastegsverifiering/")
    assert "Tvåstegsverifiering är på" in page.content()
    assert_accessible(page)
    fits_320(page)

    # Signed out and in again: the code is asked for before the admin opens.
    page.context.clear_cookies()
    sign_in(page, editor.email, password)
    expect(page).to_have_url(re.compile(r"/tvastegs/"))
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/tvastegs/\?"))
    assert_accessible(page)
    fits_320(page)
    # The code already used is refused; the next one (within the drift allowed) is taken.
    page.get_by_role("textbox", name="Kod").fill(first_code)
    page.get_by_role("button", name="Fortsätt").click()
    assert "har redan använts" in page.locator(".error-summary").inner_text()
    assert_accessible(page)
    time.sleep(1.1)
    page.get_by_role("textbox", name="Kod").fill(code_for(key, ahead=30))
    page.get_by_role("button", name="Fortsätt").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_my_sign_ins_lists_this_browser_and_ends_the_others(member, signed_in, assert_accessible):
    page = signed_in(member)
    elsewhere = signed_in(member)

    page.goto("/profil/inloggningar/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mina inloggningar")
    expect(page.get_by_text("(den här webbläsaren)")).to_be_visible()
    assert page.locator("tbody tr").count() == 2
    assert_accessible(page)
    fits_320(page)

    page.get_by_role("button", name="Logga ut överallt utom här").click()
    assert page.locator("tbody tr").count() == 1
    assert_accessible(page)
    elsewhere.goto("/profil/inloggningar/")
    expect(elsewhere).to_have_url(re.compile(r"/logga-in/"))
