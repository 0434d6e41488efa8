"""The audit log of who may do what and of signing in.

Entries go to Wagtail's own audit log, so they show in the admin's "Site history" report (filtered by action,
person, object type and date) and on the account's history; its times are stored in UTC. An access entry holds
who acted, when, on which account (the entry's object) and the access before and after: role names, superuser,
active, municipality. A sign-in entry holds the account, the kind of event and a short reason or method (a
word from a fixed list): never a password, a one-time or recovery code, a token, a session key, what was typed
into the login form, a network address or an identity number. A failed sign-in at an address no account has is
not logged against anyone (django-axes counts it). How long entries are kept: docs/privacy.md.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.log_actions import LogFormatter, log

ACCESS_CHANGED = "accounts.access_changed"
PASSWORD_RESET_SENT = "accounts.password_reset_sent"  # noqa: S105 (an action name, not a password)
SIGNED_IN = "accounts.signed_in"
SIGNED_OUT = "accounts.signed_out"
SIGNIN_FAILED = "accounts.signin_failed"
LOCKED_OUT = "accounts.locked_out"
MFA_ENROLLED = "accounts.mfa_enrolled"
MFA_REMOVED = "accounts.mfa_removed"
MFA_VERIFIED = "accounts.mfa_verified"
MFA_FAILED = "accounts.mfa_failed"
RECOVERY_CODES_CREATED = "accounts.recovery_codes_created"
SESSIONS_ENDED = "accounts.sessions_ended"
DATA_EXPORTED = "accounts.data_exported"
DATA_EXPORT_REFUSED = "accounts.data_export_refused"
ACCOUNT_CLOSED = "accounts.account_closed"
# The only words a sign-in entry's data may hold besides counts; anything else is logged as "other".
SIGNIN_WORDS = frozenset(
    {
        "password",
        "sso",
        "totp",
        "recovery",
        "wrong",
        "throttled",
        "inactive",
        "locked",
        "other",
        *("logout", "by_owner", "by_administrator", "password_changed", "access_changed", "idle", "expired"),
    }
)


def access_of(person):
    """The parts of an account that decide what its owner may do."""
    return {
        "roles": sorted(person.groups.values_list("name", flat=True)),
        "superuser": person.is_superuser,
        "active": person.is_active,
        "municipality": person.municipality.name if person.municipality_id else None,
    }


def log_change(instance, action, before, after, *, by):
    """Log the keys whose value changed, before and after; log nothing and return False if none did."""
    changed = [key for key in after if before.get(key) != after[key]]
    if not changed:
        return False
    data = {"before": {key: before.get(key) for key in changed}, "after": {key: after[key] for key in changed}}
    log(instance=instance, action=action, user=by, data=data)
    return True


def log_access_change(person, before, *, by):
    """Log how the person's access changed from `before` ({} for a new account)."""
    return log_change(person, ACCESS_CHANGED, before, access_of(person), by=by)


def plain_word(value):
    """A word for the log from a fixed list; whatever else came ("other") is never written as it came."""
    return value if value in SIGNIN_WORDS else "other"


def provider_name(value):
    """An identity provider's short name as configured (letters, digits, - and _), at most 40 characters."""
    text = str(value or "")[:40]
    return text if text and all(char.isalnum() or char in "-_." for char in text) else "other"


def log_signin(person, action, *, by="self", **words):
    """Log a sign-in event on the person's account, done by the person unless `by` says who else (None: unknown);
    `words` are plain words (`plain_word`), a provider or a count."""
    data = {}
    for key, value in words.items():
        if value in (None, ""):
            continue
        if key == "provider":
            data[key] = provider_name(value)
        elif key == "count":
            data[key] = int(value)
        else:
            data[key] = plain_word(value)
    log(instance=person, action=action, user=person if by == "self" else by, data=data)


def log_sessions_ended(person, *, count, reason, by):
    log_signin(person, SESSIONS_ENDED, by=by, count=count, reason=reason)


def log_data_export(person, by, *, what=""):
    """Log that `by` downloaded the person's data (their own, or an administrator's export of it); `what` names
    a part when only one was exported ("profil"), in plain words only."""
    data = {"account": person.pk, "by_self": by.pk == person.pk}
    text = str(what)[:60]
    if text and all(char.isalnum() or char in "-_. " for char in text):
        data["what"] = text
    log(instance=person, action=DATA_EXPORTED, user=by, data=data)


def log_data_export_refused(person, by):
    """Log that `by` asked for the data of someone else (`person`, None when the account does not exist)."""
    if person is None:
        log(instance=by, action=DATA_EXPORT_REFUSED, user=by, data={"asked_for": None})
    else:
        log(instance=person, action=DATA_EXPORT_REFUSED, user=by, data={"asked_for": person.pk})


def log_account_closed(person, by):
    """Log that the account was closed: its id and who closed it, never the old name (it is gone)."""
    log(instance=person, action=ACCOUNT_CLOSED, user=by, data={"account": person.pk, "by_self": by.pk == person.pk})


def shown(value):
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(value) or "–"
    return value or "–"


class ChangeFormatter(LogFormatter):
    """Shows an entry of `log_change` as "what: before → after; …"; `names` gives each key its label."""

    names = {}

    def format_message(self, log_entry):
        before, after = log_entry.data.get("before", {}), log_entry.data.get("after", {})
        return "; ".join(
            f"{self.names.get(key, key)}: {shown(before.get(key))} → {shown(value)}" for key, value in after.items()
        )


class AccessChangeFormatter(ChangeFormatter):
    label = gettext_lazy("Change access")
    names = {
        "roles": gettext_lazy("Roles"),
        "superuser": gettext_lazy("Superuser"),
        "active": gettext_lazy("Active"),
        "municipality": gettext_lazy("Municipality"),
    }


class SignInFormatter(LogFormatter):
    """Shows a sign-in entry's words in the reader's language."""

    words = {
        "password": gettext_lazy("password"),
        "sso": gettext_lazy("single sign-on"),
        "totp": gettext_lazy("authenticator app"),
        "recovery": gettext_lazy("recovery code"),
        "wrong": gettext_lazy("wrong, reused or expired code"),
        "throttled": gettext_lazy("too many attempts"),
        "inactive": gettext_lazy("account not active"),
        "locked": gettext_lazy("locked out"),
        "other": gettext_lazy("other"),
        "logout": gettext_lazy("logged out"),
        "by_owner": gettext_lazy("ended by the person"),
        "by_administrator": gettext_lazy("ended by an administrator"),
        "password_changed": gettext_lazy("the password was changed"),
        "access_changed": gettext_lazy("the roles or the account changed"),
        "idle": gettext_lazy("inactive too long"),
        "expired": gettext_lazy("reached its longest lifetime"),
    }
    names = {
        "method": gettext_lazy("Method"),
        "reason": gettext_lazy("Reason"),
        "provider": gettext_lazy("Provider"),
        "count": gettext_lazy("Sessions"),
        "what": gettext_lazy("What"),
    }

    def format_message(self, log_entry):
        parts = [str(self.message)]
        for key, value in (log_entry.data or {}).items():
            parts.append(f"{self.names.get(key, key)}: {self.words.get(value, value)}")
        return "; ".join(parts)


def signin_formatter(label, message):
    return type("Formatter", (SignInFormatter,), {"label": label, "message": message})


SIGNIN_ACTIONS = {
    SIGNED_IN: (gettext_lazy("Sign in"), gettext_lazy("Signed in")),
    SIGNED_OUT: (gettext_lazy("Sign out"), gettext_lazy("Signed out")),
    SIGNIN_FAILED: (gettext_lazy("Failed sign-in"), gettext_lazy("A sign-in failed")),
    LOCKED_OUT: (gettext_lazy("Sign-in lock-out"), gettext_lazy("Sign-in was locked after failed attempts")),
    MFA_ENROLLED: (gettext_lazy("Two-step verification set up"), gettext_lazy("Set up two-step verification")),
    MFA_REMOVED: (gettext_lazy("Two-step verification removed"), gettext_lazy("Removed two-step verification")),
    MFA_VERIFIED: (gettext_lazy("Second step passed"), gettext_lazy("Passed the second step of signing in")),
    MFA_FAILED: (gettext_lazy("Second step failed"), gettext_lazy("A code for the second step was refused")),
    RECOVERY_CODES_CREATED: (gettext_lazy("Recovery codes created"), gettext_lazy("Created new recovery codes")),
    SESSIONS_ENDED: (gettext_lazy("Sessions ended"), gettext_lazy("Ended sign-in sessions")),
}


def register_log_actions(actions):
    actions.register_action(ACCESS_CHANGED)(AccessChangeFormatter)
    for action, (label, message) in SIGNIN_ACTIONS.items():
        actions.register_action(action)(signin_formatter(label, message))
    actions.register_action(
        DATA_EXPORTED, gettext_lazy("Download personal data"), gettext_lazy("Downloaded the personal data")
    )
    actions.register_action(
        DATA_EXPORT_REFUSED,
        gettext_lazy("Refused download of personal data"),
        gettext_lazy("Asked for someone else's personal data and was refused"),
    )
    actions.register_action(ACCOUNT_CLOSED, gettext_lazy("Close account"), gettext_lazy("Closed the account"))
    actions.register_action(
        PASSWORD_RESET_SENT, gettext_lazy("Send password reset link"), gettext_lazy("Sent a password reset link")
    )
