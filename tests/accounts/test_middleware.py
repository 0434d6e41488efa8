"""A program reads /api/ with a personal token, as its owner and nowhere else."""

import json
import re
from datetime import timedelta

import pytest

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts import roles, services
from accounts.models import ApiToken
from forum.models import Category
from tests.factories import start_thread

API_URL = reverse("search:api")
LOGIN_URL = reverse("accounts:login")


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def read_api(secret, query="temadag"):
    """The API as a program sees it: no cookies, only the token."""
    return Client().get(API_URL, {"q": query}, **bearer(secret))


def titles(response):
    assert response.status_code == 200
    return [result["title"] for result in json.loads(response.content)["results"]]


def api_token_updates(captured):
    return [query["sql"] for query in captured if query["sql"].startswith("UPDATE") and "apitoken" in query["sql"]]


@pytest.fixture
def secret(member):
    _token, secret = services.create_api_token(member, name="Skript")
    return secret


def test_a_token_made_on_the_profile_page_reads_the_api_as_its_owner(member_client, member):
    start_thread(title="Planering av temadag om våld", author=member)
    member_client.post(reverse("accounts:create_api_token"), {"token-name": "Power BI-rapport"})
    html = member_client.get(reverse("accounts:profile")).content.decode()
    secret = re.search(r'value="(kf_[A-Za-z0-9_-]+)"', html).group(1)

    with_token = read_api(secret)
    with_session = member_client.get(API_URL, {"q": "temadag"})
    assert titles(with_token) == ["Planering av temadag om våld"]
    assert json.loads(with_token.content) == json.loads(with_session.content)


@pytest.fixture
def editors_only_thread(editor):
    room = Category.objects.create(name="Redaktionens rum", slug="redaktionens-rum")
    room.restricted_to_groups.add(Group.objects.get(name=roles.EDITOR))
    return start_thread(title="Hemlig planering av temadag", category=room, author=editor)


@pytest.mark.usefixtures("editors_only_thread")
def test_a_restricted_category_is_searched_only_with_the_token_of_someone_allowed(member, editor):
    _token, members_secret = services.create_api_token(member, name="Medarbetarens skript")
    _token, editors_secret = services.create_api_token(editor, name="Redaktörens skript")
    assert titles(read_api(members_secret)) == []
    assert titles(read_api(editors_secret)) == ["Hemlig planering av temadag"]


@pytest.mark.usefixtures("editors_only_thread")
def test_the_token_decides_who_asks_even_beside_a_session(member_client, editor):
    _token, editors_secret = services.create_api_token(editor, name="Redaktörens skript")
    assert titles(member_client.get(API_URL, {"q": "temadag"})) == []
    assert titles(member_client.get(API_URL, {"q": "temadag"}, **bearer(editors_secret))) == [
        "Hemlig planering av temadag"
    ]


def assert_refused(response, message):
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response["Content-Type"] == "application/json"
    assert message in json.loads(response.content)["error"]


def test_a_revoked_token_is_refused_with_401_json(member, secret):
    services.revoke_api_token(ApiToken.objects.get(user=member))
    assert_refused(read_api(secret), "återkallad")


@pytest.mark.parametrize("wrong", ["kf_" + "x" * 43, "", "inte-en-nyckel", "kf_" + "å" * 5000])
def test_a_wrong_token_is_refused_with_401_json(secret, wrong):
    assert_refused(read_api(wrong), "inte giltig")


def test_a_token_one_character_off_is_refused(secret):
    assert_refused(read_api(secret[:-1]), "inte giltig")


def test_a_wrong_token_is_refused_even_with_a_session(member_client):
    response = member_client.get(API_URL, {"q": "våld"}, **bearer("kf_fel"))
    assert_refused(response, "inte giltig")


def test_an_expired_token_is_refused_with_401_json(member, secret):
    ApiToken.objects.filter(user=member).update(expires_at=timezone.now())
    assert_refused(read_api(secret), "har gått ut")


def test_every_token_stops_working_when_the_password_is_set(member, secret):
    _token, second_secret = services.create_api_token(member, name="Rapport")
    member.set_password("ett-helt-nytt-losenord-77")
    member.save()
    assert_refused(read_api(secret), "slutade gälla när lösenordet")
    assert_refused(read_api(second_secret), "slutade gälla när lösenordet")
    _token, new_secret = services.create_api_token(member, name="Efter bytet")
    assert read_api(new_secret).status_code == 200


def test_a_token_stops_working_when_the_password_is_reset(client, member, secret):
    client.post(reverse("accounts:password_reset"), {"email": member.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/losenord/nytt/" in line)
    form_page = client.get(link.split("testserver", 1)[1], follow=True)
    new_password = "ett-helt-nytt-losenord-77"
    client.post(form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    member.refresh_from_db()
    assert member.check_password(new_password)
    assert_refused(read_api(secret), "slutade gälla när lösenordet")


def test_an_inactive_persons_token_is_refused(member, secret):
    member.is_active = False
    member.save()
    assert_refused(read_api(secret), "inte längre aktivt")


def test_the_scheme_is_read_in_any_case(member, secret):
    response = Client().get(API_URL, {"q": "våld"}, HTTP_AUTHORIZATION=f"bearer {secret}")
    assert response.status_code == 200


def test_a_token_does_not_open_pages_outside_the_api(secret):
    response = Client().get(reverse("search:search"), {"q": "våld"}, **bearer(secret))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


def test_without_the_header_the_api_still_sends_anonymous_people_to_login(secret):
    response = Client().get(API_URL, {"q": "våld"})
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


def test_another_scheme_is_left_to_the_session_login(member_client, secret):
    assert member_client.get(API_URL, {"q": "våld"}, HTTP_AUTHORIZATION="Basic a2ltOmxvc2Vu").status_code == 200
    anonymous = Client().get(API_URL, {"q": "våld"}, HTTP_AUTHORIZATION="Basic a2ltOmxvc2Vu")
    assert anonymous.status_code == 302


def test_a_token_logs_no_one_in(member, secret):
    logins = []

    def record(sender, user, **kwargs):
        logins.append(user)

    user_logged_in.connect(record)
    try:
        program = Client()
        response = program.get(API_URL, {"q": "våld"}, **bearer(secret))
    finally:
        user_logged_in.disconnect(record)
    assert response.status_code == 200
    assert logins == []
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert program.get(API_URL, {"q": "våld"}).status_code == 302
    member.refresh_from_db()
    assert member.last_login is None


def test_last_use_is_noted_at_most_once_a_minute(member, secret):
    token = ApiToken.objects.get(user=member)
    assert token.last_used_at is None

    with CaptureQueriesContext(connection) as first:
        assert read_api(secret).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert len(api_token_updates(first)) == 1

    with CaptureQueriesContext(connection) as soon_after:
        assert read_api(secret).status_code == 200
    assert api_token_updates(soon_after) == []

    a_minute_ago = timezone.now() - timedelta(minutes=1, seconds=1)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=a_minute_ago)
    with CaptureQueriesContext(connection) as later:
        assert read_api(secret).status_code == 200
    assert len(api_token_updates(later)) == 1
    token.refresh_from_db()
    assert token.last_used_at > a_minute_ago
