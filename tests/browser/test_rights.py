"""A person's own data: "Mina uppgifter", its download and closing the account, as a person uses them — accessible,
and whole at 320 pixels."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from accounts.models import User
from knowledge.models import AccessibilityStatementPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_person_finds_their_data_downloads_it_and_closes_their_account(
    page, member, log_in, password, assert_accessible
):
    log_in(member)
    page.goto("/profil/")
    page.get_by_role("link", name="Mina uppgifter: ladda ner allt om dig, eller avsluta ditt konto").click()
    expect(page.get_by_role("heading", level=1, name="Mina uppgifter")).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Ladda ner mina uppgifter (JSON)").click()
    data = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert data["profile"]["email"] == member.email

    page.get_by_role("link", name="Avsluta mitt konto").click()
    expect(page.get_by_role("heading", level=1, name="Avsluta ditt konto")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Avsluta mitt konto för gott").click()
    expect(page).to_have_title(re.compile(r"^Fel: "))
    assert "Skriv ditt lösenord" in page.locator("#id_password_error").inner_text()
    assert_accessible(page)

    page.get_by_label("Ditt lösenord").fill(password)
    page.get_by_role("button", name="Avsluta mitt konto för gott").click()
    page.wait_for_url("**/logga-in/**")
    expect(page.get_by_role("status").filter(has_text="Ditt konto är avslutat")).to_be_visible()
    assert User.objects.get(pk=member.pk).closed_at is not None


def test_someone_elses_data_is_refused_with_a_clear_page(page, member, log_in, assert_accessible):
    log_in(member)
    page.goto("/profil/mina-uppgifter/?person=987654321")
    expect(page.get_by_role("heading", level=1, name="Du kan bara ladda ner dina egna uppgifter")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/profil/mina-uppgifter/", "/profil/avsluta-konto/"])
def test_the_pages_hold_at_320_pixels(page, member, log_in, path):
    log_in(member)
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_accessibility_statement_is_found_from_the_footer(page, member, log_in, assert_accessible):
    log_in(member)
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="Tillgänglighetsredogörelse").click()
    page.wait_for_url("**/tillganglighetsredogorelse/")
    expect(page.get_by_role("heading", level=1, name="Tillgänglighet för Kunskapsforum")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Tillsyn")).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 640})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_login_page_gives_the_address_for_accessibility_reports(page, assert_accessible):
    statement = AccessibilityStatementPage.objects.get()
    statement.contact_email = "tillganglighet@sollentuna.se"
    statement.save_revision().publish()
    page.goto("/logga-in/")
    link = page.get_by_role("contentinfo").get_by_role("link", name="tillganglighet@sollentuna.se")
    expect(link).to_have_attribute("href", "mailto:tillganglighet@sollentuna.se")
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 640})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_notification_choices_per_kind_on_the_profile(page, member, log_in, assert_accessible):
    log_in(member)
    page.goto("/profil/")
    page.get_by_label("Någon nämner eller citerar dig").select_option("daily")
    page.get_by_label("Nytt i taggar, kategorier och sökningar du följer").select_option("off")
    page.get_by_role("button", name="Spara").first.click()
    page.wait_for_url("**/profil/")
    assert page.get_by_label("Någon nämner eller citerar dig").input_value() == "daily"
    assert User.objects.get(pk=member.pk).notification_preferences == {"mention": "daily", "followed": "off"}
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 640})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
