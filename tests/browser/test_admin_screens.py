"""The admin screens the trust work added, as their users meet them: a Redaktör confirming another
municipality's note that their municipality uses a method, an Administratör sending a reset link, and the
profile page on a phone."""

import pytest
from playwright.sync_api import expect

from django.core import mail

from accounts import roles
from accounts.models import Municipality
from knowledge.models import MethodLocalUse
from tests.browser.helpers import wait_for_messages
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def place(slug):
    return Municipality.objects.get(slug=slug)


def test_an_editor_confirms_that_their_municipality_uses_a_method(
    signed_in,
    assert_accessible,
    make_method,
):
    method = make_method(
        "Trygga samtal i skolan", owner="jarfalla", used_in=[("jarfalla", "införd"), ("sollentuna", "provas")]
    )
    MethodLocalUse.objects.filter(page=method, municipality__slug="jarfalla").update(confirmed=True)
    MethodLocalUse.objects.filter(page=method, municipality__slug="sollentuna").update(confirmed=False)
    editor = signed_in(UserFactory(roles=[roles.EDITOR], municipality=place("sollentuna")))

    editor.goto("/admin/lokal-anvandning/")
    row = editor.locator("table.listing tbody tr", has_text="Trygga samtal i skolan")
    expect(row).to_have_count(1)
    assert_accessible(editor)
    with editor.expect_navigation():
        row.get_by_role("button", name="Bekräfta användningen av ”Trygga samtal i skolan”").click()
    wait_for_messages(editor)
    assert MethodLocalUse.objects.get(page=method, municipality__slug="sollentuna").confirmed
    expect(editor.locator("table.listing")).to_have_count(0)
    assert_accessible(editor)


def test_an_administrator_sends_a_reset_link_instead_of_setting_a_password(signed_in, assert_accessible):
    colleague = UserFactory(roles=[roles.EMPLOYEE], municipality=place("sigtuna"), email="kollega@sigtuna.example")
    administrator = signed_in(UserFactory(roles=[roles.ADMINISTRATOR], municipality=place("sigtuna")))

    administrator.goto(f"/admin/users/edit/{colleague.pk}/")
    expect(administrator.locator("input[type=password]")).to_have_count(0)
    administrator.goto(f"/admin/users/send-password-reset/{colleague.pk}/")
    expect(administrator.get_by_text("kollega@sigtuna.example")).to_be_visible()
    assert_accessible(administrator)
    mail.outbox.clear()
    with administrator.expect_navigation():
        administrator.get_by_role("button", name="Skicka länken").click()
    wait_for_messages(administrator)
    expect(administrator.locator(".messages")).to_contain_text("kollega@sigtuna.example")
    assert_accessible(administrator)
    assert [message.to for message in mail.outbox] == [["kollega@sigtuna.example"]]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_profile_page_fits_a_phone(page, log_in, member, assert_accessible, language):
    page.set_viewport_size({"width": 320, "height": 800})
    log_in(member)
    if language == "en":
        page.context.add_cookies([{"name": "kf_language", "value": "en", "url": page.url}])
    page.goto("/profil/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # Wagtail's round userbar button floated over the form here; it belongs on pages Wagtail serves.
    expect(page.locator("wagtail-userbar")).to_have_count(0)
    boxes = [
        page.locator(selector).first.bounding_box()
        for selector in ("label[for=id_sector]", "#id_sector", "label[for=id_job_title]", "#id_job_title")
    ]
    for box in boxes:
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert_accessible(page)
