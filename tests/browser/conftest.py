"""Browser tests: Debian's Chromium driven by Playwright, never a downloaded browser."""

import os
from pathlib import Path

import pytest

from tests.browser.helpers import sign_in

CHROMIUM = "/usr/bin/chromium"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def migrated_state(django_db_setup):
    """The database as migrations left it (municipalities, roles, home page), serialised.

    Taken before Playwright starts: once its event loop runs in this thread,
    Django hands out fresh connection objects that lack the copy Django keeps
    for `serialized_rollback`, so the browser tests restore it themselves.
    """
    from django.db import connection

    return connection._test_serialized_contents


@pytest.fixture(autouse=True)
def _restore_migrated_state(migrated_state, transactional_db):
    from django.core.management import call_command
    from django.db import connection

    from accounts.models import Municipality

    if not Municipality.objects.exists():
        # Sequences keep counting (as Django's own flush between transactional tests does): the rows written back
        # carry their old ids, and a sequence restarted at 1 would hand those ids out again on PostgreSQL.
        call_command("flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0)
        connection.creation.deserialize_db_from_string(migrated_state)
    # Lets Django's own teardown flush skip re-creating content types, as it does for serialized_rollback.
    connection._test_serialized_contents = migrated_state


@pytest.fixture(scope="session")
def chromium(migrated_state):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing; `make test` installs it (scripts/ensure-test-tools).")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls
    # made by the test itself are still synchronous and safe.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def watch_for_policy_violations(page, violations):
    """Note every script, style or frame the Content-Security-Policy refused: a page that needs one is broken."""
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}") if "Content Security Policy" in message.text else None
        ),
    )


@pytest.fixture
def policy_violations():
    violations = []
    yield violations
    assert violations == [], "The Content-Security-Policy refused something the page needed"


@pytest.fixture
def page(chromium, live_server, policy_violations):
    context = chromium.new_context(base_url=live_server.url, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    watch_for_policy_violations(page, policy_violations)
    yield page
    context.close()


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def assert_accessible(axe):
    def check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, results.generate_report()

    return check


@pytest.fixture
def log_in(page, password):
    return lambda user: sign_in(page, user.email, password)


@pytest.fixture
def signed_in(chromium, live_server, password, policy_violations):
    """A separate browser window per person, already logged in; for flows where two people take turns."""
    contexts = []

    def open_for(user):
        context = chromium.new_context(base_url=live_server.url, locale="sv-SE")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        watch_for_policy_violations(page, policy_violations)
        sign_in(page, user.email, password)
        return page

    yield open_for
    for context in contexts:
        context.close()
