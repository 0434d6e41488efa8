"""The audit log of who may do what: every change of a person's access, and of who may see a forum category.

Entries go to Wagtail's own audit log, so they show in the admin's "Site history"
report and on the object's history. An entry holds who acted, when, on which
account (the entry's object) and the access before and after: role names,
superuser, active, municipality. Nothing else about the person is logged.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.log_actions import LogFormatter, log

ACCESS_CHANGED = "accounts.access_changed"
PASSWORD_RESET_SENT = "accounts.password_reset_sent"  # noqa: S105 (an action name, not a password)
DATA_EXPORTED = "accounts.data_exported"
DATA_EXPORT_REFUSED = "accounts.data_export_refused"
ACCOUNT_CLOSED = "accounts.account_closed"


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


def log_data_export(person, by):
    """Log that `by` downloaded the person's data (their own, or an administrator's export of it)."""
    log(instance=person, action=DATA_EXPORTED, user=by, data={"account": person.pk, "by_self": by.pk == person.pk})


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


def register_log_actions(actions):
    actions.register_action(ACCESS_CHANGED)(AccessChangeFormatter)
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
