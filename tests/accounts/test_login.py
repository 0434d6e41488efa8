import time
from urllib.parse import urlencode

import pytest

from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts import lockout
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


def sign_in(client, email, password, address):
    return client.post(LOGIN_URL, {"username": email, "password": password}, REMOTE_ADDR=address)


def test_a_strangers_failures_from_elsewhere_do_not_lock_the_owner_out(client, member, password, settings):
    stranger = Client()
    answers = [
        sign_in(stranger, member.email, "gissning", "203.0.113.7") for _ in range(settings.AXES_FAILURE_LIMIT + 3)
    ]
    assert answers[-1].status_code == 429
    assert sign_in(client, member.email, password, "198.51.100.2").status_code == 302


def test_the_owners_own_failures_lock_the_address_and_account_together(client, member, password, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, member.email, "fel", "198.51.100.2")
    assert sign_in(client, member.email, password, "198.51.100.2").status_code == 429
    assert sign_in(Client(), member.email, password, "198.51.100.3").status_code == 302


def fail_from_many_addresses(email, count):
    for number in range(count):
        sign_in(Client(), email, "gissning", f"203.0.113.{number + 1}")


def test_guesses_at_one_account_from_many_addresses_are_slowed_down(client, member, password, monkeypatch):
    fail_from_many_addresses(member.email, lockout.ACCOUNT_FAILURES_BEFORE_SLOWDOWN)
    slowed = sign_in(client, member.email, password, "198.51.100.2")
    assert slowed.status_code == 429
    assert "saktats ned" in slowed.content.decode()
    assert "_auth_user_id" not in client.session

    later = time.time() + 3
    monkeypatch.setattr(time, "time", lambda: later)
    assert sign_in(client, member.email, password, "198.51.100.2").status_code == 302


def test_each_failure_doubles_the_wait_up_to_five_minutes(member, monkeypatch):
    fail_from_many_addresses(member.email, lockout.ACCOUNT_FAILURES_BEFORE_SLOWDOWN - 1)
    moment = time.time()
    for number, wait in enumerate([2, 4, 8, 16, 32, 64, 128, 256, 300, 300]):
        monkeypatch.setattr(time, "time", lambda moment=moment: moment)
        assert sign_in(Client(), member.email, "gissning", f"198.51.100.{number}").status_code == 200
        monkeypatch.setattr(time, "time", lambda later=moment + wait - 1: later)
        assert sign_in(Client(), member.email, "gissning", f"192.0.2.{number}").status_code == 429
        moment += wait + 1


def test_a_browser_that_signed_in_before_is_not_slowed_down(client, member, password):
    assert sign_in(client, member.email, password, "198.51.100.2").status_code == 302
    client.post(reverse("accounts:logout"))
    fail_from_many_addresses(member.email, lockout.ACCOUNT_FAILURES_BEFORE_SLOWDOWN + 5)
    assert sign_in(Client(), member.email, password, "198.51.100.2").status_code == 429
    assert sign_in(client, member.email, password, "198.51.100.2").status_code == 302


def test_known_and_unknown_addresses_are_slowed_down_alike(member):
    answers = []
    for email in (member.email, "finns.inte@kommun.example"):
        fail_from_many_addresses(email, lockout.ACCOUNT_FAILURES_BEFORE_SLOWDOWN)
        answers.append(sign_in(Client(), email, "gissning", "198.51.100.2"))
    assert [answer.status_code for answer in answers] == [429, 429]
    assert [("saktats ned" in answer.content.decode()) for answer in answers] == [True, True]


def test_one_network_address_has_its_own_high_limit(client, member, password, settings):
    settings.SIGNIN_FAILURES_PER_ADDRESS_PER_HOUR = 3
    for number in range(3):
        sign_in(Client(), f"person{number}@kommun.example", "fel", "192.0.2.50")
    refused = sign_in(client, member.email, password, "192.0.2.50")
    assert refused.status_code == 429
    assert "från ditt nätverk" in refused.content.decode()
    assert sign_in(client, member.email, password, "192.0.2.51").status_code == 302
    client.post(reverse("accounts:logout"))
    assert sign_in(client, member.email, password, "192.0.2.50").status_code == 302


def test_a_password_reset_lets_the_owner_in_at_once_from_that_browser(client, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, member.email, "fel", "198.51.100.2")
    fail_from_many_addresses(member.email, lockout.ACCOUNT_FAILURES_BEFORE_SLOWDOWN)
    client.post(reverse("accounts:password_reset"), {"email": member.email}, REMOTE_ADDR="198.51.100.2")
    link = next(line for line in mail.outbox[0].body.splitlines() if "/losenord/nytt/" in line)
    form_page = client.get(link.split("testserver", 1)[1], follow=True)
    new_password = "ett-helt-nytt-losenord-77"
    client.post(form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    assert sign_in(client, member.email, new_password, "198.51.100.2").status_code == 302


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("127.0.0.1", "198.51.100.2", "198.51.100.2"),
        ("127.0.0.1", "6.6.6.6, 198.51.100.2", "198.51.100.2"),
        ("127.0.0.1", "", "127.0.0.1"),
        ("203.0.113.9", "6.6.6.6", "203.0.113.9"),
        ("127.0.0.1", "inte-en-adress", "127.0.0.1"),
    ],
)
def test_the_client_address_is_the_nearest_one_not_a_trusted_proxy(rf, remote, forwarded, expected):
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert lockout.client_ip_address(request) == expected


def ask_for_reset(email, address="198.51.100.2"):
    return Client().post(reverse("accounts:password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_one_address_gets_at_most_three_reset_mails_an_hour_and_the_same_answer_every_time(member):
    answers = [ask_for_reset(member.email.upper() if number % 2 else member.email) for number in range(5)]
    assert len(mail.outbox) == lockout.PASSWORD_RESETS_PER_EMAIL_PER_HOUR
    assert {(answer.status_code, answer["Location"]) for answer in answers} == {
        (302, reverse("accounts:password_reset_done"))
    }
    assert ask_for_reset(UserFactory().email).status_code == 302
    assert len(mail.outbox) == lockout.PASSWORD_RESETS_PER_EMAIL_PER_HOUR + 1


def test_one_network_address_may_ask_for_only_so_many_resets_an_hour(member, settings):
    settings.PASSWORD_RESETS_PER_NETWORK_ADDRESS_PER_HOUR = 2
    ask_for_reset("finns.inte@kommun.example", "192.0.2.50")
    ask_for_reset(UserFactory().email, "192.0.2.50")
    throttled = ask_for_reset(member.email, "192.0.2.50")
    assert throttled.status_code == 302
    assert throttled["Location"] == reverse("accounts:password_reset_done")
    assert [message.to for message in mail.outbox if member.email in message.to] == []
    ask_for_reset(member.email, "192.0.2.51")
    assert [message.to for message in mail.outbox if member.email in message.to] == [[member.email]]


def test_a_failed_attempt_keeps_nothing_of_where_the_person_was_going(client, member):
    from axes.models import AccessAttempt

    searched = "/sok/?q=19850709-1234"
    client.post(
        f"{LOGIN_URL}?{urlencode({'next': searched})}", {"username": member.email, "password": "fel", "next": searched}
    )
    attempt = AccessAttempt.objects.get()
    assert "19850709" not in attempt.get_data + attempt.post_data
