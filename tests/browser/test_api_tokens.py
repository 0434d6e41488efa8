"""API tokens on the profile page, as a person makes, copies and revokes one — accessible."""

import json
import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def read_api(live_server, secret):
    """The status and JSON a program gets from the search API with the token alone."""
    request = urllib.request.Request(  # noqa: S310 - the test's own live server
        f"{live_server.url}/api/search/?q=tips", headers={"Authorization": f"Bearer {secret}"}
    )
    try:
        with urllib.request.urlopen(request) as response:  # noqa: S310
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_a_token_is_created_shown_once_used_and_revoked(page, member, log_in, live_server, assert_accessible):
    log_in(member)
    page.goto("/profil/")
    expect(page.get_by_role("heading", level=2, name="API-nycklar")).to_be_visible()
    expect(page.get_by_text("Du har inga API-nycklar.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Skapa nyckel").click()
    assert "Ge nyckeln ett namn" in page.locator("#id_token-name_error").inner_text()
    # The summary above the form takes focus and leads to the field.
    assert page.evaluate("document.activeElement.className") == "error-summary"
    expect(page.get_by_role("link", name="Nyckelns namn: Ge nyckeln ett namn")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Fel: "))
    assert_accessible(page)

    page.get_by_label("Nyckelns namn").fill("Power BI-rapport")
    page.get_by_role("button", name="Skapa nyckel").click()
    page.wait_for_url("**/profil/#api-nycklar")
    expect(page.get_by_role("status").filter(has_text="har skapats")).to_be_visible()
    expect(page.get_by_role("heading", level=3, name="Din nya nyckel ”Power BI-rapport”")).to_be_visible()
    secret = page.get_by_label("Din nya API-nyckel").input_value()
    assert secret.startswith("kf_")
    expect(page.get_by_role("row", name="Power BI-rapport").get_by_text(f"{secret[:8]}…")).to_be_visible()
    assert_accessible(page)

    status, data = read_api(live_server, secret)
    assert status == 200
    assert data["count"] == 0

    page.reload()
    assert page.get_by_label("Din nya API-nyckel").count() == 0
    assert secret not in page.content()

    page.get_by_role("button", name="Återkalla Power BI-rapport").click()
    page.wait_for_url("**/profil/#api-nycklar")
    expect(page.get_by_role("status").filter(has_text="har återkallats")).to_be_visible()
    expect(page.get_by_role("row", name="Power BI-rapport").get_by_text("Återkallad")).to_be_visible()
    assert_accessible(page)

    status, data = read_api(live_server, secret)
    assert status == 401
    assert "återkallad" in data["error"]


def test_the_token_section_holds_at_320_pixels(page, member, log_in):
    page.set_viewport_size({"width": 320, "height": 640})
    log_in(member)
    page.goto("/profil/")
    page.get_by_label("Nyckelns namn").fill("Ett skript med ett ganska långt namn")
    page.get_by_role("button", name="Skapa nyckel").click()
    page.wait_for_url("**/profil/#api-nycklar")
    expect(page.get_by_label("Din nya API-nyckel")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
