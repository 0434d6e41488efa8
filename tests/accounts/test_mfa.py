"""Two-step sign-in: who must, setting it up, codes wrong, reused, expired or thrown at it, and recovery codes."""

import re

import pytest

from django.contrib.auth import BACKEND_SESSION_KEY
from django.test import Client
from django.urls import reverse

from wagtail.models import ModelLogEntry

from accounts import audit, mfa, roles
from accounts.mfa_views import NEW_RECOVERY_CODES_SESSION_KEY
from tests.accounts.mfa_helpers import app_code, enrolled_device
from tests.factories import UserFactory

LOGIN_URL = reverse("accounts:login")
VERIFY_URL = reverse("accounts:mfa_verify")
ENROL_URL = reverse("accounts:mfa_enrol")
QUEUE_URL = reverse("forum_admin:queue")


@pytest.fixture(autouse=True)
def _mfa_required(settings, db):
    settings.MFA_REQUIRED = True
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()


def sign_in(person, password):
    client = Client()
    response = client.post(LOGIN_URL, {"username": person.email, "password": password})
    return client, response


def logged(person, action):
    return list(ModelLogEntry.objects.filter(object_id=str(person.pk), action=action))


@pytest.mark.parametrize("role", [roles.EDITOR, roles.MODERATOR, roles.ADMINISTRATOR, roles.BOARD])
def test_roles_that_publish_moderate_or_administer_require_the_second_step(role):
    assert mfa.requires_second_factor(UserFactory(roles=[role]))


def test_employees_and_sso_sessions_are_not_asked(rf, editor, member):
    assert not mfa.requires_second_factor(member)
    request = rf.get("/")
    request.user = editor
    request.session = {BACKEND_SESSION_KEY: mfa.SSO_BACKEND}
    assert mfa.what_is_missing(request) is None
    request.session = {BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend"}
    assert mfa.what_is_missing(request) == "enrol"


def test_an_editor_without_an_app_is_sent_to_set_one_up_not_into_the_admin(editor, password):
    client, response = sign_in(editor, password)
    assert response.status_code == 302
    assert response["Location"].startswith(ENROL_URL)
    for url in ["/admin/", QUEUE_URL, reverse("forum:index"), reverse("wagtailusers_users:index")]:
        refused = client.get(url)
        assert refused.status_code == 302, url
        assert refused["Location"].startswith(ENROL_URL), url
    assert client.get(ENROL_URL).status_code == 200


def test_setting_up_the_app_shows_a_qr_code_and_key_then_ten_recovery_codes_once(editor, password):
    client, _response = sign_in(editor, password)
    page = client.get(ENROL_URL)
    html = page.content.decode()
    assert "<svg" in html
    assert "http" not in re.search(r"<svg.*?</svg>", html, re.S).group(0).replace("http://www.w3.org/2000/svg", "")
    device = mfa.app_device(editor, confirmed=False)
    assert mfa.manual_key(device) in html

    wrong = client.post(ENROL_URL, {"code": "000000" if app_code(device) != "000000" else "111111"})
    assert wrong.status_code == 400
    assert "Koden är fel, har redan använts eller har gått ut" in wrong.content.decode()
    assert client.get("/admin/")["Location"].startswith(ENROL_URL)
    assert logged(editor, audit.MFA_FAILED)
    mfa.app_device(editor, confirmed=False).throttle_reset()  # the wait a wrong code sets, passed

    confirmed = client.post(ENROL_URL, {"code": app_code(device), "next": "/admin/"})
    assert confirmed.status_code == 302
    codes_page = client.get(confirmed["Location"])
    codes = re.findall(r"<code>([a-z0-9]{5}-[a-z0-9]{5})</code>", codes_page.content.decode())
    assert len(codes) == mfa.RECOVERY_CODE_COUNT
    assert 'href="/admin/"' in codes_page.content.decode()
    assert client.get(reverse("accounts:mfa_recovery_codes")).status_code == 302  # shown once
    assert client.get("/admin/").status_code == 200
    assert logged(editor, audit.MFA_ENROLLED)


def test_a_person_with_an_app_gives_a_code_after_the_password(editor, password):
    device = enrolled_device(editor)
    client, response = sign_in(editor, password)
    assert response["Location"].startswith(VERIFY_URL)
    assert client.get(QUEUE_URL)["Location"].startswith(VERIFY_URL)
    # Nor does setting up a new app get around it.
    assert client.get(ENROL_URL)["Location"].startswith(VERIFY_URL)
    passed = client.post(VERIFY_URL, {"code": app_code(device), "next": "/admin/"})
    assert passed.status_code == 302
    assert passed["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert logged(editor, audit.MFA_VERIFIED)[0].data == {"method": "totp"}


def test_a_code_used_once_is_refused_the_second_time(editor, password):
    device = enrolled_device(editor)
    code = app_code(device)
    first, _response = sign_in(editor, password)
    assert first.post(VERIFY_URL, {"code": code}).status_code == 302
    second, _response = sign_in(editor, password)
    refused = second.post(VERIFY_URL, {"code": code})
    assert refused.status_code == 400
    assert "har redan använts" in refused.content.decode()
    assert second.get("/admin/")["Location"].startswith(VERIFY_URL)


def test_an_expired_code_is_refused(editor, password):
    device = enrolled_device(editor)
    client, _response = sign_in(editor, password)
    refused = client.post(VERIFY_URL, {"code": app_code(device, seconds_ago=120)})
    assert refused.status_code == 400
    assert "har gått ut" in refused.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY_URL)


@pytest.mark.parametrize("code", ["", "abc", "1" * 20, "12345", "٣٣٣٣٣٣", "<script>", "1234567"])
def test_nonsense_is_answered_in_swedish_never_with_an_error_page(editor, password, code):
    enrolled_device(editor)
    client, _response = sign_in(editor, password)
    refused = client.post(VERIFY_URL, {"code": code})
    assert refused.status_code == 400
    assert "Något behöver rättas" in refused.content.decode()


def test_wrong_codes_are_slowed_down_and_logged_without_the_code(editor, password):
    device = enrolled_device(editor)
    client, _response = sign_in(editor, password)
    wrong = "000000" if app_code(device) != "000000" else "111111"
    client.post(VERIFY_URL, {"code": wrong})
    slowed = client.post(VERIFY_URL, {"code": app_code(device)})
    assert slowed.status_code == 400
    assert "För många felaktiga koder" in slowed.content.decode()
    failures = logged(editor, audit.MFA_FAILED)
    assert [entry.data["reason"] for entry in failures] == ["throttled", "wrong"]
    assert wrong not in str([entry.data for entry in failures])


def test_a_recovery_code_works_once(editor, password):
    enrolled_device(editor)
    codes = mfa.new_recovery_codes(editor)
    client, _response = sign_in(editor, password)
    assert client.post(VERIFY_URL, {"code": codes[0].upper()}).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert mfa.remaining_recovery_codes(editor) == mfa.RECOVERY_CODE_COUNT - 1
    again, _response = sign_in(editor, password)
    assert again.post(VERIFY_URL, {"code": codes[0]}).status_code == 400
    # Only digests are kept.
    from django_otp.plugins.otp_static.models import StaticToken

    assert not StaticToken.objects.filter(token__in=[code.replace("-", "") for code in codes]).exists()


def test_an_employee_may_set_up_the_app_and_turn_it_off(member, password):
    client, response = sign_in(member, password)
    assert response["Location"] == "/"
    assert client.get(reverse("forum:index")).status_code == 200
    device = mfa.start_enrolment(member)
    client.post(ENROL_URL, {"code": app_code(device)})
    assert mfa.has_second_factor(member)
    client.post(reverse("accounts:mfa_remove"))
    assert not mfa.has_second_factor(member)


def test_an_editor_cannot_turn_it_off(editor, password):
    device = enrolled_device(editor)
    client, _response = sign_in(editor, password)
    client.post(VERIFY_URL, {"code": app_code(device)})
    client.post(reverse("accounts:mfa_remove"))
    assert mfa.has_second_factor(editor)


def test_new_recovery_codes_replace_the_old(member, password):
    device = enrolled_device(member)
    old = mfa.new_recovery_codes(member)
    client, _response = sign_in(member, password)
    client.post(VERIFY_URL, {"code": app_code(device)})
    client.post(reverse("accounts:mfa_new_recovery_codes"))
    assert client.session.get(NEW_RECOVERY_CODES_SESSION_KEY)
    page = client.get(reverse("accounts:mfa_recovery_codes"))
    assert page.status_code == 200
    assert old[0] not in page.content.decode()
