"""API tokens on the profile page: made, shown once, listed and revoked by their owner only."""

import hashlib
import importlib
import re
from datetime import timedelta

import pytest

from django.apps import apps
from django.urls import reverse
from django.utils import timezone

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
    assert ApiToken.objects.working_for(member).count() == 10
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


@pytest.mark.parametrize(("choice", "days"), [("30", 30), ("365", 365), (None, 90)])
def test_the_person_chooses_how_long_a_token_works_and_90_days_is_the_default(member_client, member, choice, days):
    data = {"token-name": "Rapport"} | ({"token-lifetime": choice} if choice else {})
    before = timezone.now()
    member_client.post(CREATE_URL, data)
    token = ApiToken.objects.get(user=member)
    assert before + timedelta(days=days) <= token.expires_at <= timezone.now() + timedelta(days=days)
    html = member_client.get(PROFILE_URL).content.decode()
    assert f'datetime="{timezone.localtime(token.expires_at).isoformat()}"' in html


def test_a_lifetime_outside_the_choices_is_refused(member_client, member):
    response = member_client.post(CREATE_URL, {"token-name": "Rapport", "token-lifetime": "100000"})
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.content.decode()
    assert not ApiToken.objects.filter(user=member).exists()


def test_the_list_tells_expired_tokens_and_those_stopped_by_a_password_change(member_client, member):
    expired, _secret = services.create_api_token(member, name="Gammal rapport")
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    services.create_api_token(member, name="Skript före bytet")
    member.set_password("ett-helt-nytt-losenord-77")
    member.save()
    member_client.force_login(member)
    services.create_api_token(member, name="Skript efter bytet")

    rows = {
        row.split("</th>")[0].rsplit(">", 1)[-1]: row
        for row in member_client.get(PROFILE_URL).content.decode().split('<th scope="row">')[1:]
    }
    assert "Utgången" in rows["Gammal rapport"]
    assert "Slutade gälla när ditt lösenord byttes" in rows["Skript före bytet"]
    assert "Aktiv" in rows["Skript efter bytet"]
    assert "aterkalla" not in rows["Gammal rapport"] + rows["Skript före bytet"]
    assert "aterkalla" in rows["Skript efter bytet"]


def test_tokens_that_stopped_working_leave_room_for_new_ones(member):
    for number in range(services.MAX_ACTIVE_API_TOKENS):
        services.create_api_token(member, name=f"Nyckel {number}")
    member.set_password("ett-helt-nytt-losenord-77")
    member.save()
    services.create_api_token(member, name="Efter lösenordsbytet")
    assert ApiToken.objects.working_for(member).count() == 1


def test_existing_tokens_expire_90_days_after_they_were_made_and_keep_working_until_the_password_changes(member):
    token, _secret = services.create_api_token(member, name="Från förr")
    made = timezone.now() - timedelta(days=10)
    ApiToken.objects.filter(pk=token.pk).update(created_at=made, expires_at=made, password_fingerprint="")
    migration = importlib.import_module("accounts.migrations.0005_api_token_expiry_and_password")
    migration.expire_and_fingerprint_existing_tokens(apps, None)
    token.refresh_from_db()
    assert token.expires_at == made + timedelta(days=90)
    assert token.is_active
