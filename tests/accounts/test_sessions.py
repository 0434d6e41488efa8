"""Sign-in sessions: listed, ended by their owner, an administrator, a new password, a change of access,
inactivity and age; and nothing in their table can be used to take one over."""

import time

import pytest

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from accounts import access, roles, sessions
from accounts.models import SignInSession
from tests.conftest import queries_for
from tests.factories import UserFactory

LOGIN_URL = reverse("accounts:login")
SESSIONS_URL = reverse("accounts:sessions")
CHROME_ON_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"
)
FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


@pytest.fixture(autouse=True)
def _fresh_lockouts(db):
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()


def signed_in(person, password, user_agent=CHROME_ON_WINDOWS):
    client = Client(HTTP_USER_AGENT=user_agent)
    response = client.post(LOGIN_URL, {"username": person.email, "password": password})
    assert response.status_code == 302
    return client


def still_signed_in(client):
    return client.get(SESSIONS_URL).status_code == 200


def test_a_login_gets_a_new_session_key_and_a_row_without_it(member, password):
    client = Client(HTTP_USER_AGENT=CHROME_ON_WINDOWS)
    client.get(LOGIN_URL)
    before = client.session.session_key
    client.post(LOGIN_URL, {"username": member.email, "password": password})
    key = client.session.session_key
    assert key != before
    row = SignInSession.objects.get(user=member)
    assert row.device == "Chrome · Windows"
    assert key not in row.marker_digest
    assert client.session[sessions.MARKER_KEY] not in row.marker_digest


def test_my_sign_ins_lists_each_browser_and_ends_one(member, password):
    here = signed_in(member, password)
    there = signed_in(member, password, FIREFOX_ON_LINUX)
    page = here.get(SESSIONS_URL).content.decode()
    assert "Chrome · Windows" in page
    assert "Firefox · Linux" in page
    assert "den här webbläsaren" in page
    other = SignInSession.objects.get(user=member, device="Firefox · Linux")
    here.post(reverse("accounts:end_session", args=[other.pk]))
    assert not still_signed_in(there)
    assert still_signed_in(here)
    assert "Firefox · Linux" not in here.get(SESSIONS_URL).content.decode()


def test_nobody_ends_another_persons_session(member, password):
    signed_in(member, password)
    intruder = signed_in(UserFactory(roles=[roles.EMPLOYEE]), password)
    row = SignInSession.objects.get(user=member)
    assert intruder.post(reverse("accounts:end_session", args=[row.pk])).status_code == 404
    assert SignInSession.objects.get(pk=row.pk).is_active


def test_log_out_everywhere_but_here(member, password):
    here = signed_in(member, password)
    elsewhere = [signed_in(member, password), signed_in(member, password)]
    here.post(reverse("accounts:end_other_sessions"))
    assert still_signed_in(here)
    assert not any(still_signed_in(client) for client in elsewhere)


def test_logging_out_ends_the_row(member, password):
    client = signed_in(member, password)
    client.post(reverse("accounts:logout"))
    row = SignInSession.objects.get(user=member)
    assert row.end_reason == SignInSession.EndReason.LOGOUT


def test_a_new_password_ends_every_session(member, password):
    client = signed_in(member, password)
    member.set_password("ett-annat-losenord-2026")
    member.save()
    assert not still_signed_in(client)
    assert not SignInSession.objects.of(member).active().exists()


@pytest.mark.parametrize("change", ["role", "deactivate"])
def test_a_change_of_role_or_deactivation_ends_the_persons_sessions(member, password, change):
    client = signed_in(member, password)
    administrator = UserFactory(is_superuser=True)
    if change == "role":
        access.give_role([member], Group.objects.get(name=roles.EDITOR), by=administrator)
    else:
        access.set_active([member], False, by=administrator)
    assert not still_signed_in(client)
    assert SignInSession.objects.get(user=member).end_reason == SignInSession.EndReason.ACCESS_CHANGED


def test_an_administrator_ends_a_persons_sessions_in_the_admin(member, password):
    client = signed_in(member, password)
    superuser = UserFactory(is_superuser=True)
    admin = Client()
    admin.force_login(superuser)
    url = reverse("wagtailusers_users:end_sessions", args=[member.pk])
    assert admin.get(url).status_code == 200
    assert admin.post(url).status_code == 302
    assert not still_signed_in(client)
    assert SignInSession.objects.get(user=member).end_reason == SignInSession.EndReason.BY_ADMINISTRATOR


def test_an_ended_session_ends_even_when_the_cache_forgot(member, password):
    from django.core.cache import cache

    client = signed_in(member, password)
    sessions.end_sessions(member, reason=sessions.Reason.BY_OWNER)
    cache.clear()
    session = client.session
    session[sessions.SEEN_KEY] = time.time() - 61
    session.save()
    assert not still_signed_in(client)


@pytest.mark.parametrize(
    ("key", "seconds", "message"),
    [(sessions.SEEN_KEY, 121 * 60, "utan aktivitet"), (sessions.STARTED_KEY, 10 * 3600 + 60, "i 10 timmar")],
)
def test_an_idle_or_too_old_session_ends(member, password, settings, key, seconds, message):
    settings.SESSION_IDLE_MINUTES = 120
    settings.SESSION_MAX_HOURS = 10
    client = signed_in(member, password)
    session = client.session
    session[key] = time.time() - seconds
    session.save()
    response = client.get(SESSIONS_URL, follow=True)
    assert response.redirect_chain[0][0].startswith(LOGIN_URL)
    assert message in response.content.decode()
    assert SignInSession.objects.get(user=member).ended_at is not None


def test_an_active_session_lives_on(member, password):
    client = signed_in(member, password)
    session = client.session
    session[sessions.SEEN_KEY] = time.time() - 90
    session.save()
    assert still_signed_in(client)
    assert still_signed_in(client)


def test_the_list_takes_as_many_queries_for_many_sessions_as_for_one(member, password):
    client = signed_in(member, password)
    client.get(SESSIONS_URL)
    one = queries_for(client, SESSIONS_URL)
    for _i in range(10):
        signed_in(member, password)
    assert queries_for(client, SESSIONS_URL) == one


@pytest.mark.parametrize(
    ("agent", "words"),
    [(CHROME_ON_WINDOWS, "Chrome · Windows"), (FIREFOX_ON_LINUX, "Firefox · Linux"), ("", "?"), ("curl/8", "?")],
)
def test_a_browser_is_named_in_a_few_words(agent, words):
    assert sessions.describe_device(agent) == words
