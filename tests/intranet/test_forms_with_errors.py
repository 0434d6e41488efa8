"""Every form of the site, sent with mistakes, answers the same accessible way: "Fel:" first in the title, an error
summary that takes focus and links to the fields, and each error tied to its field by ids that exist."""

import uuid

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.tokens import default_token_generator
from django.test import RequestFactory
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts import lockout
from tests.factories import start_thread

pytestmark = pytest.mark.django_db

PRIVATE_PHONE = "070-123 45 67"


def assert_errors_are_told_accessibly(html, *, field_links=True):
    page = BeautifulSoup(html, "html.parser")
    assert page.title.get_text().startswith("Fel: "), page.title.get_text()

    summaries = page.select(".error-summary")
    assert len(summaries) == 1
    summary = summaries[0]
    assert summary.has_attr("autofocus") and summary["tabindex"] == "-1"
    assert summary.select_one("[role=alert]") is not None

    links = summary.select("a[href^='#']")
    assert bool(links) == field_links
    for link in links:
        target = page.find(id=link["href"][1:])
        assert target is not None and target.name in {"input", "select", "textarea"}, link

    for element in page.select("[aria-describedby]"):
        for reference in element["aria-describedby"].split():
            assert page.find(id=reference) is not None, f"{element.name} names #{reference}, which is missing"

    for control in page.select("[aria-invalid=true]"):
        fieldset = control.find_parent("fieldset")
        described = (fieldset if fieldset and fieldset.has_attr("aria-describedby") else control)["aria-describedby"]
        errors = [page.find(id=reference) for reference in described.split()]
        assert any(
            "field__errors" in element.get("class", []) and element.get_text(strip=True) for element in errors
        ), f"the error of {control.get('name')} is not tied to it"
        assert all(
            error.select_one(".visually-hidden").get_text() == "Fel: "
            for error in errors
            if "field__errors" in error.get("class", [])
        )
    return page


def test_a_failed_login(client, member):
    response = client.post(reverse("accounts:login"), {"username": member.email, "password": "fel"})
    page = assert_errors_are_told_accessibly(response.content.decode(), field_links=False)
    assert "E-postadressen eller lösenordet är fel" in page.select_one(".error-summary").get_text()


def test_a_login_with_empty_fields(client, db):
    response = client.post(reverse("accounts:login"), {"username": "", "password": ""})
    page = assert_errors_are_told_accessibly(response.content.decode())
    assert [link["href"] for link in page.select(".error-summary a")] == ["#id_username", "#id_password"]


def test_a_refused_sign_in(rf, db):
    request = RequestFactory().post(reverse("accounts:login"))
    request.user = None
    response = lockout.refused_response(request, "För många försök. Vänta en stund.")
    page = assert_errors_are_told_accessibly(response.content.decode(), field_links=False)
    assert "För många försök" in page.select_one(".error-summary").get_text()


def test_a_password_reset_for_no_address(client, db):
    response = client.post(reverse("accounts:password_reset"), {"email": "inte en adress"})
    assert_errors_are_told_accessibly(response.content.decode())


def test_a_new_password_that_does_not_match(client, member):
    uid = urlsafe_base64_encode(force_bytes(member.pk))
    link = reverse("accounts:password_reset_confirm", args=[uid, default_token_generator.make_token(member)])
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"new_password1": "Ett långt lösenord 1", "new_password2": "Ett annat 2"})
    assert_errors_are_told_accessibly(response.content.decode())


def test_a_profile_with_an_unknown_choice(member_client):
    response = member_client.post(reverse("accounts:profile"), {"first_name": "Ada", "notification_email": "ofta"})
    page = assert_errors_are_told_accessibly(response.content.decode())
    # A choice among radio buttons is a fieldset: the link leads to its first button.
    assert [link["href"] for link in page.select(".error-summary a")] == ["#id_notification_email_0"]


def test_an_api_token_without_a_name(member_client):
    response = member_client.post(reverse("accounts:create_api_token"), {"token-name": "", "token-lifetime": "90"})
    assert_errors_are_told_accessibly(response.content.decode())


def test_a_thread_with_nothing_filled_in(member_client):
    response = member_client.post(reverse("forum:new_thread"), {"submission_key": str(uuid.uuid4())})
    page = assert_errors_are_told_accessibly(response.content.decode())
    assert "#id_title" in [link["href"] for link in page.select(".error-summary a")]


def test_a_thread_about_a_page_that_is_gone(member_client):
    response = member_client.post(
        reverse("forum:new_thread"), {"knowledge_page": "999999", "submission_key": str(uuid.uuid4())}
    )
    page = assert_errors_are_told_accessibly(response.content.decode())
    # The page is a hidden field: its error is told in the summary, with nothing to link to.
    assert [item.get_text(strip=True) for item in page.select(".error-summary li") if not item.a]


def test_a_post_with_a_private_phone_number_asks_for_the_confirmation_on_its_box(member_client):
    thread = start_thread(title="Samverkan med skolan")
    response = member_client.post(reverse("forum:reply", args=[thread.pk]), {"body": f"Ring mig på {PRIVATE_PHONE}."})
    page = assert_errors_are_told_accessibly(response.content.decode())
    box = page.find(id="id_personal_data_confirmed")
    assert box["type"] == "checkbox" and box["aria-invalid"] == "true"
    assert "070-*** ** 67" in page.find(id="id_personal_data_confirmed_error").get_text()
    assert [link["href"] for link in page.select(".error-summary a")] == ["#id_personal_data_confirmed"]


def test_an_empty_edit(member_client, member):
    thread = start_thread(member, title="Samverkan med skolan")
    post = thread.posts.get()
    response = member_client.post(reverse("forum:edit_post", args=[post.pk]), {"body": "", "version": post.version})
    assert_errors_are_told_accessibly(response.content.decode())


def test_a_report_without_a_reason(member_client):
    post = start_thread(title="Samverkan med skolan").posts.get()
    response = member_client.post(reverse("forum:report_post", args=[post.pk]), {"explanation": ""})
    page = assert_errors_are_told_accessibly(response.content.decode())
    assert page.find(id="id_reason_0").find_parent("fieldset")["aria-describedby"] == "id_reason_error"


def test_a_form_shown_without_errors_neither_says_fel_nor_takes_focus(member_client):
    page = BeautifulSoup(member_client.get(reverse("forum:new_thread")).content.decode(), "html.parser")
    assert not page.title.get_text().startswith("Fel")
    assert page.select(".error-summary") == []


def test_a_profile_entry_with_an_unknown_tag_and_a_bad_phone_number(member_client):
    response = member_client.post(reverse("people:edit"), {"expertise": "påhittat ord", "work_phone": "ring mig"})
    page = assert_errors_are_told_accessibly(response.content.decode())
    assert {link["href"] for link in page.select(".error-summary a")} == {"#id_expertise", "#id_work_phone"}
