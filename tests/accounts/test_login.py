import pytest

from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

LOGIN_URL = reverse("accounts:login")


@pytest.fixture(autouse=True)
def _fresh_lockouts(db):
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()


def test_login_page_is_swedish_and_in_the_sites_own_look(client, db):
    response = client.get(LOGIN_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Logga in" in html
    assert "E-postadress" in html
    assert "Stöd och hjälp" in html


def test_person_logs_in_with_email_in_any_case(client, member, password):
    response = client.post(LOGIN_URL, {"username": member.email.upper(), "password": password})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_wrong_password_gives_a_swedish_form_error(client, member):
    response = client.post(LOGIN_URL, {"username": member.email, "password": "fel"})
    assert response.status_code == 200
    assert "E-postadressen eller lösenordet är fel" in response.content.decode()


@pytest.mark.parametrize(
    "hostile_next",
    ["//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)", "http://evil.example/start"],
)
def test_hostile_next_lands_on_the_start_page(client, member, password, hostile_next):
    response = client.post(f"{LOGIN_URL}?next={hostile_next}", {"username": member.email, "password": password})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_next_within_the_site_is_followed(client, member, password):
    response = client.post(f"{LOGIN_URL}?next=/forum/", {"username": member.email, "password": password})
    assert response["Location"] == "/forum/"


def test_a_ten_thousand_character_email_gets_a_form_error(client, db):
    response = client.post(LOGIN_URL, {"username": "a" * 10_000 + "@kommun.example", "password": "x"})
    assert response.status_code == 200
    assert "som mest 254 tecken" in response.content.decode()


def _fail_until_locked(client, email, attempts):
    return [client.post(LOGIN_URL, {"username": email, "password": "fel-losenord"}) for _ in range(attempts)]


def test_repeated_failures_lock_out_a_known_account_even_with_the_right_password(client, member, password, settings):
    _fail_until_locked(client, member.email, settings.AXES_FAILURE_LIMIT)
    response = client.post(LOGIN_URL, {"username": member.email, "password": password})
    assert response.status_code == 429
    assert "För många misslyckade inloggningsförsök" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_unknown_and_known_accounts_get_the_same_lockout_message(client, member, settings):
    known = _fail_until_locked(client, member.email, settings.AXES_FAILURE_LIMIT + 1)[-1]
    unknown = _fail_until_locked(client, "finns.inte@kommun.example", settings.AXES_FAILURE_LIMIT + 1)[-1]
    assert known.status_code == unknown.status_code == 429
    strip_token = "csrfmiddlewaretoken"
    known_lines = [line for line in known.content.decode().splitlines() if strip_token not in line]
    unknown_lines = [line for line in unknown.content.decode().splitlines() if strip_token not in line]
    assert known_lines == unknown_lines


def test_lockout_counts_an_address_however_it_is_capitalised(client, member, settings):
    for index in range(settings.AXES_FAILURE_LIMIT):
        email = member.email.upper() if index % 2 else member.email
        client.post(LOGIN_URL, {"username": email, "password": "fel"})
    response = client.post(LOGIN_URL, {"username": member.email, "password": "fel"})
    assert response.status_code == 429


def test_logout_requires_post(member_client):
    assert member_client.get(reverse("accounts:logout")).status_code == 405
    response = member_client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response["Location"] == LOGIN_URL
    assert "_auth_user_id" not in member_client.session


def test_password_reset_mails_a_link_that_sets_a_new_password(client, member):
    response = client.post(reverse("accounts:password_reset"), {"email": member.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Välj ett nytt lösenord till Kunskapsforum"
    link = next(line for line in message.body.splitlines() if "/losenord/nytt/" in line)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    new_password = "ett-helt-nytt-losenord-77"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    assert done.status_code == 302
    member.refresh_from_db()
    assert member.check_password(new_password)


def test_password_reset_says_the_same_for_unknown_addresses(client, db):
    response = client.post(reverse("accounts:password_reset"), {"email": "finns.inte@kommun.example"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_profile_shows_municipality_and_saves_job_title(member_client, member):
    page = member_client.get(reverse("accounts:profile"))
    assert "Sigtuna" in page.content.decode()
    response = member_client.post(
        reverse("accounts:profile"),
        {"first_name": "Kim", "last_name": "Testsson", "job_title": "Kurator", "sector": ""},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.job_title == "Kurator"


def test_profile_cannot_move_a_person_to_another_municipality(member_client, member):
    from accounts.models import Municipality

    other = Municipality.objects.get(slug="jarfalla")
    member_client.post(
        reverse("accounts:profile"),
        {"first_name": "Kim", "last_name": "T", "job_title": "", "sector": "", "municipality": other.pk},
    )
    member.refresh_from_db()
    assert member.municipality.slug == "sigtuna"


def test_email_addresses_are_stored_in_lowercase_so_one_person_has_one_account(db):
    user = UserFactory(email="Kim.Test@Kommun.Example")
    user.refresh_from_db()
    assert user.email == "kim.test@kommun.example"
