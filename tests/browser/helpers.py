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


def wait_for_messages(page):
    """Wagtail fades its messages in; checking contrast mid-fade would measure a paler colour."""
    expect(page.locator(".messages > ul")).to_have_css("opacity", "1")
