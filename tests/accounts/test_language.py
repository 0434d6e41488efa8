"""The language a person chooses is kept on their account: it survives a logout and follows them to another browser."""

import pytest

from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from forum.mail import send_notification_email
from forum.models import Notification, NotificationKind
from tests.factories import UserFactory, start_thread

LOGIN_URL = reverse("accounts:login")


@pytest.fixture(autouse=True)
def _fresh_lockouts(db):
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()


def log_in(client, user, password):
    response = client.post(LOGIN_URL, {"username": user.email, "password": password})
    assert response.status_code == 302
    return response


def page_language(client):
    html = client.get("/").content.decode()
    return "en" if '<html lang="en">' in html else "sv" if '<html lang="sv">' in html else None


def test_switching_language_keeps_the_choice_on_the_account(member_client, member):
    member_client.post("/sprak/", {"language": "en", "next": "/"})
    member.refresh_from_db()
    assert member.language == "en"
    member_client.post("/sprak/", {"language": "sv", "next": "/"})
    member.refresh_from_db()
    assert member.language == "sv"


def test_the_language_survives_logging_out_and_in_in_another_browser(member, password):
    first = Client()
    log_in(first, member, password)
    first.post("/sprak/", {"language": "en", "next": "/"})
    first.post(reverse("accounts:logout"))

    other = Client()  # no language cookie: another browser, or one that forgot
    response = log_in(other, member, password)
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert page_language(other) == "en"


def test_a_person_who_never_chose_stays_in_swedish_and_gets_no_cookie(member, password):
    client = Client()
    response = log_in(client, member, password)
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert page_language(client) == "sv"


def test_a_language_chosen_on_the_login_page_is_kept_on_the_account(password):
    person = UserFactory(language="en")
    client = Client()
    client.post("/sprak/", {"language": "sv", "next": LOGIN_URL})
    log_in(client, person, password)
    person.refresh_from_db()
    assert person.language == "sv"
    assert page_language(client) == "sv"


def test_an_unknown_language_is_not_kept(member_client, member):
    member_client.post("/sprak/", {"language": "xx", "next": "/"})
    member.refresh_from_db()
    assert member.language == ""


def test_a_get_of_the_language_switch_changes_nothing(member_client, member):
    response = member_client.get("/sprak/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.language == ""


def test_notification_email_is_written_in_the_recipients_language(member, sections):
    author = UserFactory()
    thread = start_thread(author, title="Samverkan kring barn")
    member.language = "en"
    member.save()
    notification = Notification.objects.create(
        recipient=member, kind=NotificationKind.REPLY, thread=thread, actor=author
    )
    mail.outbox.clear()
    send_notification_email(notification)
    assert "replied in Samverkan kring barn" in mail.outbox[-1].body

    member.language = ""
    member.save()
    send_notification_email(Notification.objects.get(pk=notification.pk))
    assert "svarade i Samverkan kring barn" in mail.outbox[-1].body


def test_language_is_a_choice_of_the_sites_languages():
    assert dict(User._meta.get_field("language").choices) == dict(settings.LANGUAGES)
