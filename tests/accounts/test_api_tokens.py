"""API tokens on the profile page: made, shown once, listed and revoked by their owner only."""

import hashlib
import re

import pytest

from django.urls import reverse

from accounts import services
from accounts.models import ApiToken
from accounts.views import NEW_API_TOKEN_SESSION_KEY
from tests.conftest import queries_for
from tests.factories import UserFactory

PROFILE_URL = reverse("accounts:profile")
CREATE_URL = reverse("accounts:create_api_token")


def secret_on_page(html):
    match = re.search(r'value="(kf_[A-Za-z0-9_-]+)"', html)
    return match.group(1) if match else None


def test_a_new_tokens_secret_is_shown_once_and_only_its_hash_is_kept(member_client, member):
    response = member_client.post(CREATE_URL, {"token-name": "Power BI-rapport"})
    assert response.status_code == 302
    assert response["Location"] == PROFILE_URL + "#api-nycklar"

    page = member_client.get(PROFILE_URL)
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    secret = secret_on_page(html)
    assert secret is not None and len(secret) == 3 + 43
    assert "Den visas inte igen" in html

    token = ApiToken.objects.get(user=member)
    assert token.name == "Power BI-rapport"
    assert token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.prefix == secret[:8]
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert not any(secret in str(value) for value in stored.values())
    assert NEW_API_TOKEN_SESSION_KEY not in member_client.session

    again = member_client.get(PROFILE_URL).content.decode()
    assert secret not in again
    assert f"{token.prefix}…" in again
    assert "Power BI-rapport" in again


def test_each_new_token_has_its_own_secret(member):
    (first, first_secret), (second, second_secret) = (
        services.create_api_token(member, name="Ett"),
        services.create_api_token(member, name="Två"),
    )
    assert first_secret != second_secret
    assert first.key_hash != second.key_hash


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "Ge nyckeln ett namn"), ("   ", "Ge nyckeln ett namn"), ("x" * 101, "som mest 100 tecken")],
)
def test_a_token_needs_a_name_of_at_most_100_characters(member_client, member, name, message):
    response = member_client.post(CREATE_URL, {"token-name": name})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ApiToken.objects.filter(user=member).exists()


def test_an_eleventh_active_token_is_refused_with_a_message(member_client, member):
    for number in range(services.MAX_ACTIVE_API_TOKENS):
        services.create_api_token(member, name=f"Nyckel {number}")
    page = member_client.get(PROFILE_URL).content.decode()
    assert "10 aktiva nycklar" in page
    assert CREATE_URL not in page

    response = member_client.post(CREATE_URL, {"token-name": "En till"}, follow=True)
    assert response.status_code == 200
    assert "Du har redan 10 aktiva API-nycklar" in response.content.decode()
    assert ApiToken.objects.filter(user=member).count() == 10

    services.revoke_api_token(ApiToken.objects.filter(user=member).first())
    member_client.post(CREATE_URL, {"token-name": "En till"})
    assert ApiToken.objects.filter(user=member).active().count() == 10
    assert ApiToken.objects.filter(user=member).count() == 11


def test_revoking_marks_the_token_and_keeps_its_row(member_client, member):
    token, _secret = services.create_api_token(member, name="Skript")
    revoke_url = reverse("accounts:revoke_api_token", args=[token.pk])
    response = member_client.post(revoke_url)
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None

    html = member_client.get(PROFILE_URL).content.decode()
    assert "Skript" in html
    assert "Återkallad" in html
    assert revoke_url not in html


def test_revoking_needs_a_post(member_client, member):
    token, _secret = services.create_api_token(member, name="Skript")
    assert member_client.get(reverse("accounts:revoke_api_token", args=[token.pk])).status_code == 405
    assert member_client.get(CREATE_URL).status_code == 405
    token.refresh_from_db()
    assert token.is_active


def test_another_person_cannot_revoke_my_token(client, member):
    token, _secret = services.create_api_token(member, name="Min nyckel")
    client.force_login(UserFactory())
    response = client.post(reverse("accounts:revoke_api_token", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.is_active


def test_the_profile_lists_only_the_persons_own_tokens(member_client, member):
    services.create_api_token(member, name="Min rapport")
    services.create_api_token(UserFactory(), name="Någon annans rapport")
    html = member_client.get(PROFILE_URL).content.decode()
    assert "Min rapport" in html
    assert "Någon annans rapport" not in html


def test_the_token_list_costs_the_same_queries_for_one_and_eight_tokens(member_client, member):
    services.create_api_token(member, name="Nyckel 0")
    member_client.get(PROFILE_URL)  # the first visit creates Wagtail's user profile, which is not the list's cost
    with_one = queries_for(member_client, PROFILE_URL)
    for number in range(1, 8):
        token, _secret = services.create_api_token(member, name=f"Nyckel {number}")
        if number % 2:
            services.revoke_api_token(token)
    assert queries_for(member_client, PROFILE_URL) == with_one


def test_a_persons_tokens_go_when_the_person_is_deleted(member):
    services.create_api_token(member, name="Skript")
    member.delete()
    assert not ApiToken.objects.exists()
