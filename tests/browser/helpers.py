"""What many browser tests do the same way."""

import re

from playwright.sync_api import expect


def sign_in(page, email, password):
    """Sign in through the login form, and fail here, saying so, if the intranet refuses the person."""
    page.goto("/logga-in/")
    page.get_by_label("E-postadress").fill(email)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    expect(page, f"{email} could not sign in").not_to_have_url(re.compile(r"/logga-in/"), timeout=20_000)
    # The address changes before the new page's scripts have run: keys pressed then reach no listener.
    page.wait_for_load_state("load")


def choose_suggestion(page, field, typed, *, while_open=None):
    """Type into a field, then pick the first suggestion with the keyboard only, checking on the way that the field
    is an ARIA combobox that tells whether its list is open, which list it controls and which option is active."""
    list_id = f"{field.get_attribute('id')}-suggestions"
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("aria-controls") == list_id
    field.press_sequentially(typed, delay=30)
    options = page.locator(f"#{list_id} [role=option]")
    options.first.wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    field.press("ArrowDown")
    if while_open:
        while_open(page)
    assert options.first.get_attribute("aria-selected") == "true"
    assert field.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    field.press("Enter")
    assert page.locator(f"#{list_id}").is_hidden()
    assert field.get_attribute("aria-expanded") == "false"
    assert field.get_attribute("aria-activedescendant") is None


def wait_for_messages(page):
    """Wagtail fades its messages in; checking contrast mid-fade would measure a paler colour."""
    expect(page.locator(".messages > ul")).to_have_css("opacity", "1")
