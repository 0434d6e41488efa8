"""The profile page passes names, job titles and token names through the personal-data guard."""

import pytest

from django.urls import reverse

from accounts.models import ApiToken

NUMBER = "850709-1232"  # invented, with a right check digit


def profile(**fields):
    return {"first_name": "Anna", "last_name": "Berg", "job_title": "Socialsekreterare", **fields}


@pytest.mark.parametrize("field", ["first_name", "last_name", "job_title"])
def test_an_identity_number_in_the_profile_is_refused_on_its_field(member_client, member, field):
    response = member_client.post(reverse("accounts:profile"), profile(**{field: f"Anna {NUMBER}"}))

    assert response.status_code == 200
    assert "850709-****" in response.context["form"].errors[field][0]
    member.refresh_from_db()
    assert NUMBER not in f"{member.first_name} {member.last_name} {member.job_title}"


def test_a_private_phone_number_in_the_job_title_is_to_be_removed_not_confirmed(member_client, member):
    response = member_client.post(reverse("accounts:profile"), profile(job_title="Kurator, ring 070-123 45 67"))

    form = response.context["form"]
    [message] = form.errors["job_title"]
    assert "070-*** ** 67" in message
    assert "personal_data_confirmed" not in form.fields
    assert "personal_data_confirmed" not in response.content.decode()


def test_a_plain_profile_is_saved(member_client, member):
    response = member_client.post(reverse("accounts:profile"), profile(job_title="Samordnare VINR"))

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.job_title == "Samordnare VINR"


def test_a_token_named_with_an_identity_number_is_not_made(member_client, member):
    response = member_client.post(reverse("accounts:create_api_token"), {"token-name": f"Skript {NUMBER}"})

    assert response.status_code == 200
    assert "850709-****" in response.context["token_form"].errors["name"][0]
    assert not ApiToken.objects.exists()
