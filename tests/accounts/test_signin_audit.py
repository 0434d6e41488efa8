"""Sign-in events in the audit log: what happened to which account, never what was typed."""

import json

import pytest

from django.test import Client
from django.urls import reverse

from wagtail.models import ModelLogEntry

from accounts import audit

LOGIN_URL = reverse("accounts:login")


@pytest.fixture(autouse=True)
def _fresh_lockouts(db):
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()


def entries(person):
    return list(ModelLogEntry.objects.filter(object_id=str(person.pk)).order_by("pk"))


def test_a_sign_in_and_out_are_logged(member, password):
    client = Client()
    client.post(LOGIN_URL, {"username": member.email, "password": password})
    client.post(reverse("accounts:logout"))
    logged = entries(member)
    assert [entry.action for entry in logged] == [audit.SIGNED_IN, audit.SIGNED_OUT]
    assert logged[0].data == {"method": "password"}
    assert logged[0].user_id == member.pk
    assert logged[0].timestamp.utcoffset().total_seconds() == 0


def test_a_failed_sign_in_is_logged_on_the_account_without_the_password(member):
    Client().post(LOGIN_URL, {"username": member.email.upper(), "password": "fel-losenord-hemligt"})
    (entry,) = entries(member)
    assert entry.action == audit.SIGNIN_FAILED
    assert entry.data == {"method": "password", "reason": "wrong"}
    assert entry.user_id is None
    assert "hemligt" not in json.dumps(entry.data)


def test_a_failed_sign_in_at_an_unknown_address_logs_nothing(db):
    Client().post(LOGIN_URL, {"username": "ingen@example.org", "password": "x"})
    assert not ModelLogEntry.objects.filter(action=audit.SIGNIN_FAILED).exists()


def test_a_lock_out_is_logged(member, settings):
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        client.post(LOGIN_URL, {"username": member.email, "password": "fel"})
    assert audit.LOCKED_OUT in [entry.action for entry in entries(member)]


def test_a_provider_failure_keeps_only_the_providers_name_and_a_known_reason(member):
    from django.contrib.auth.signals import user_login_failed

    user_login_failed.send(
        sender=None,
        credentials={"username": member.email, "provider": "kommun-idp", "reason": "199001011234 token=abc"},
    )
    (entry,) = entries(member)
    assert entry.data == {"method": "sso", "reason": "other", "provider": "kommun-idp"}


def test_a_data_export_is_logged(member, editor):
    audit.log_data_export(member, by=editor, what="profil")
    (entry,) = entries(member)
    assert entry.action == audit.DATA_EXPORTED
    assert entry.user_id == editor.pk
    assert entry.data == {"account": member.pk, "by_self": False, "what": "profil"}


def test_every_sign_in_action_reads_in_the_site_history(member, password):
    superuser_client = Client()
    from tests.factories import UserFactory

    superuser_client.force_login(UserFactory(is_superuser=True))
    Client().post(LOGIN_URL, {"username": member.email, "password": password})
    page = superuser_client.get(reverse("wagtailadmin_reports:site_history") + f"?action={audit.SIGNED_IN}")
    assert page.status_code == 200
    assert "Loggade in" in page.content.decode()


def test_old_sign_in_events_and_ended_sessions_are_pruned_but_access_changes_stay(member, settings):
    from datetime import timedelta

    from django.utils import timezone

    from accounts.models import SignInSession
    from accounts.rights import prune

    settings.SIGNIN_LOG_RETENTION_DAYS = 30
    audit.log_signin(member, audit.SIGNED_IN, method="password")
    audit.log_access_change(member, {"roles": []}, by=None)
    SignInSession.objects.create(user=member, marker_digest="x" * 64, ended_at=timezone.now())
    assert (prune()["sign_in_audit_entries"], prune()["ended_sessions"]) == (0, 0)
    pruned = prune(now=timezone.now() + timedelta(days=31))
    assert (pruned["sign_in_audit_entries"], pruned["ended_sessions"]) == (1, 1)
    assert [entry.action for entry in entries(member)] == [audit.ACCESS_CHANGED]
