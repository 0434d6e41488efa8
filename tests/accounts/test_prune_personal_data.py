"""`manage.py prune_personal_data` removes what has outlived its retention, and nothing younger (docs/privacy.md)."""

from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessFailureLog, AccessLog

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import ModelLogEntry

from accounts import audit, rights
from accounts.models import User

pytestmark = pytest.mark.django_db


def sign_in_entry(person, days_ago):
    entry = AccessLog.objects.create(username=person.email, ip_address="10.0.0.1", user_agent="Firefox")
    AccessLog.objects.filter(pk=entry.pk).update(attempt_time=timezone.now() - timedelta(days=days_ago))
    return entry


def test_sign_ins_older_than_a_year_go_and_younger_ones_stay(member):
    old, young = sign_in_entry(member, 400), sign_in_entry(member, 30)
    failure = AccessFailureLog.objects.create(username=member.email, ip_address="10.0.0.1", user_agent="x")
    AccessFailureLog.objects.filter(pk=failure.pk).update(attempt_time=timezone.now() - timedelta(days=366))
    out = StringIO()

    call_command("prune_personal_data", stdout=out)

    assert list(AccessLog.objects.values_list("pk", flat=True)) == [young.pk]
    assert not AccessLog.objects.filter(pk=old.pk).exists()
    assert not AccessFailureLog.objects.exists()
    assert "sign_in_log: 1" in out.getvalue()


def test_only_the_sign_in_kinds_of_the_audit_log_are_pruned(member):
    # The sign-in kinds are those accounts/audit.py lists in SIGNIN_ACTIONS.
    # (bulk_create: the log checks that an action is registered, and this one is another branch's.)
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=ContentType.objects.get_for_model(User),
                object_id=str(member.pk),
                label=str(member),
                action="accounts.signed_in",
                user=member,
                timestamp=timezone.now(),
            )
        ]
    )
    audit.log_data_export(member, member)
    ModelLogEntry.objects.update(timestamp=timezone.now() - timedelta(days=400))

    rights.prune()

    assert list(ModelLogEntry.objects.values_list("action", flat=True)) == [audit.DATA_EXPORTED]


def test_a_closed_accounts_address_is_forgotten_after_a_year(member):
    email = member.email
    rights.close_account(member, by=member, now=timezone.now() - timedelta(days=366))
    assert rights.is_closed_address(email)

    rights.prune()

    assert User.objects.get(pk=member.pk).closed_email_digest == ""
    assert not rights.is_closed_address(email)


def test_a_recently_closed_accounts_address_is_still_recognised(member):
    email = member.email
    rights.close_account(member, by=member)
    rights.prune()
    assert rights.is_closed_address(email)


def test_the_export_carries_the_sign_in_log(member):
    sign_in_entry(member, 3)
    data = rights.personal_data(member)
    assert data["sign_in_log"][0]["network_address"] == "10.0.0.1"
