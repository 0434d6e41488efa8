"""A person's rights over their data (GDPR articles 15, 17 and 20): a copy of everything about them, and closing
their account.

Accounts cannot see the apps above it, so each app tells its own part through two Wagtail hooks that this module
offers:

- `PERSONAL_DATA_HOOK`: a function `(person) -> {section: data}` whose sections join the export; data must be
  what `json` writes (strings, numbers, lists, dicts; dates as ISO text).
- `ACCOUNT_CLOSING_HOOK`: a function `(person, *, now)` that removes what that app keeps about the person and
  only serves them (follows, bookmarks, future registrations …), inside the closing's transaction, before the
  account itself is anonymised. What others rely on (posts, threads, past attendance) stays, under the name
  "Tidigare medarbetare".

docs/privacy.md says what is kept, why and for how long.
"""

import hashlib
import hmac
import uuid
from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from wagtail import hooks
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from . import audit
from .models import ApiToken, SignInSession, SsoIdentity

PERSONAL_DATA_HOOK = "accounts_personal_data"
ACCOUNT_CLOSING_HOOK = "accounts_account_closing"

# A closed account's address: unique, at a domain that can never receive mail (RFC 2606).
CLOSED_EMAIL_DOMAIN = "stangt-konto.invalid"
CLOSED_FIRST_NAME = "Tidigare"
CLOSED_LAST_NAME = "medarbetare"
EXPORT_FORMAT_VERSION = 1

# How long the keyed hash by which the sign-in recognises a closed account's address is kept (docs/privacy.md).
# The sign-in log's retention is the setting SIGNIN_LOG_RETENTION_DAYS (365 unless set).
CLOSED_ADDRESS_RETENTION = timedelta(days=365)


def iso(moment):
    return moment.isoformat() if moment else None


def email_digest(email):
    """A keyed hash of an address: what a closed account keeps, so that the sign-in can say it was closed.

    The key is the site's secret, so the digest cannot be turned back into the address by trying lists of them.
    """
    normalised = (email or "").strip().lower()
    return hmac.new(settings.SECRET_KEY.encode(), normalised.encode(), hashlib.sha256).hexdigest()


def is_closed_address(email):
    """Whether a closed account once signed in with this address (and no open account has it now)."""
    users = get_user_model().objects
    if users.filter(email__iexact=(email or "").strip()).exists():
        return False
    return users.filter(closed_at__isnull=False, closed_email_digest=email_digest(email)).exists()


def log_entries_about(person):
    """Wagtail's audit log entries whose object is the person's account: sign-ins, access changes, exports …"""
    content_type = ContentType.objects.get_for_model(get_user_model())
    return ModelLogEntry.objects.filter(content_type=content_type, object_id=str(person.pk))


def own_data(person):
    """What accounts itself keeps about the person."""
    return {
        "profile": {
            "id": person.pk,
            "email": person.email,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "job_title": person.job_title,
            "municipality": person.municipality.name if person.municipality_id else None,
            "sector": person.sector.name if person.sector_id else None,
            "language": person.language,
            "notification_email": person.notification_email,
            "notification_preferences": person.notification_preferences,
            "roles": sorted(person.groups.values_list("name", flat=True)),
            "is_active": person.is_active,
            "date_joined": iso(person.date_joined),
            "last_login": iso(person.last_login),
        },
        # The metadata of each token; never its hash, which is as good as a password to whoever holds it.
        "api_tokens": [
            {
                "name": token.name,
                "start_of_key": token.prefix,
                "created": iso(token.created_at),
                "expires": iso(token.expires_at),
                "last_used": iso(token.last_used_at),
                "revoked": iso(token.revoked_at),
            }
            for token in ApiToken.objects.owned_by(person).order_by("created_at", "pk")
        ],
        "single_sign_on": [
            {
                "service": identity.provider,
                "identifier": identity.subject,
                "linked": iso(identity.linked_at),
                "last_used": iso(identity.last_used_at),
            }
            for identity in SsoIdentity.objects.filter(user=person).order_by("provider")
        ],
        "sign_in_log": [
            {
                "signed_in": iso(entry.attempt_time),
                "signed_out": iso(entry.logout_time),
                "network_address": entry.ip_address,
                "browser": entry.user_agent,
            }
            for entry in AccessLog.objects.filter(username__iexact=person.email).order_by("attempt_time", "pk")
        ],
        "failed_sign_ins": [
            {"when": iso(entry.attempt_time), "network_address": entry.ip_address, "locked_out": entry.locked_out}
            for entry in AccessFailureLog.objects.filter(username__iexact=person.email).order_by("attempt_time", "pk")
        ],
        "account_log": [
            {"action": entry.action, "when": iso(entry.timestamp), "data": entry.data}
            for entry in log_entries_about(person).order_by("timestamp", "pk")
        ],
    }


def personal_data(person):
    """Everything the intranet keeps about the person, from every app, as one JSON-ready dict."""
    data = {
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": iso(timezone.now()),
        "site": "Kunskapsforum",
        **own_data(person),
    }
    for part_of in hooks.get_hooks(PERSONAL_DATA_HOOK):
        data.update(part_of(person))
    return data


def export_personal_data(person, *, by):
    """The person's data for a download, the export logged (who asked, whose data)."""
    data = personal_data(person)
    audit.log_data_export(person, by)
    return data


@transaction.atomic
def close_account(person, *, by, now=None):
    """Close the person's account for good: remove or anonymise their personal data, keep what others rely on.

    Every app removes its own part (`ACCOUNT_CLOSING_HOOK`); then the account loses its name, address, password,
    roles and tokens, and the audit log's labels of it lose the name. Returns False, doing nothing, when the
    account was already closed. The act is logged with the account's id, never the old name.
    """
    user_model = get_user_model()
    person = user_model.objects.select_for_update().get(pk=person.pk)
    if person.is_closed:
        return False
    now = now or timezone.now()
    for remove_part in hooks.get_hooks(ACCOUNT_CLOSING_HOOK):
        remove_part(person, now=now)
    ApiToken.objects.owned_by(person).delete()
    SsoIdentity.objects.filter(user=person).delete()
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        model.objects.filter(username__iexact=person.email).delete()
    UserProfile.objects.filter(user=person).delete()  # the admin's avatar and preferences
    person.closed_email_digest = email_digest(person.email)
    person.closed_at = now
    person.email = f"konto-{person.pk}-{uuid.uuid4().hex[:12]}@{CLOSED_EMAIL_DOMAIN}"
    person.first_name = CLOSED_FIRST_NAME
    person.last_name = CLOSED_LAST_NAME
    person.job_title = ""
    person.municipality = None
    person.sector = None
    person.language = ""
    person.notification_preferences = {}
    person.is_active = False
    person.is_staff = False
    person.is_superuser = False
    # An unusable password also ends every session: Django checks a hash of the password on each request.
    person.set_unusable_password()
    person.save()
    person.groups.clear()
    person.user_permissions.clear()
    log_entries_about(person).update(label=str(person))
    audit.log_account_closed(person, by)
    return True


@transaction.atomic
def prune(*, now=None):
    """Remove what has outlived its retention (docs/privacy.md); returns how many of each kind went.

    The sign-in log — django-axes' records, the audit log's sign-in kinds (`audit.SIGNIN_ACTIONS`) and ended
    sign-in sessions — after SIGNIN_LOG_RETENTION_DAYS; what else the audit log holds about an account (access
    changes, downloads of its data, its closing) stays as long as the account.
    """
    now = now or timezone.now()
    sign_ins_before = now - timedelta(days=settings.SIGNIN_LOG_RETENTION_DAYS)
    content_type = ContentType.objects.get_for_model(get_user_model())
    removed = {
        "sign_in_log": AccessLog.objects.filter(attempt_time__lt=sign_ins_before).delete()[0],
        "failed_sign_ins": AccessFailureLog.objects.filter(attempt_time__lt=sign_ins_before).delete()[0]
        + AccessAttempt.objects.filter(attempt_time__lt=sign_ins_before).delete()[0],
        "sign_in_audit_entries": ModelLogEntry.objects.filter(
            content_type=content_type, action__in=list(audit.SIGNIN_ACTIONS), timestamp__lt=sign_ins_before
        ).delete()[0],
        "ended_sessions": SignInSession.objects.filter(ended_at__lt=sign_ins_before).delete()[0],
        "closed_addresses": get_user_model()
        .objects.filter(closed_at__lt=now - CLOSED_ADDRESS_RETENTION)
        .exclude(closed_email_digest="")
        .update(closed_email_digest=""),
    }
    return removed
