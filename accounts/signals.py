"""What signing in, out and failing to do so leave behind: a session row (accounts/sessions.py) and the audit log.

Connected in `AccountsConfig.ready()`.
"""

from axes.signals import user_locked_out

from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from wagtail.models import GroupPagePermission

from . import access_cache, audit, mfa, sessions
from .lockout import normalised_username
from .models import User


def signed_in(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    through_provider = getattr(user, "backend", "") == mfa.SSO_BACKEND
    # A new sign-in owes the second step again, whatever the session held before.
    mfa.note_what_is_owed(request, user)
    provider = getattr(request, "sso_provider", "") if through_provider else ""
    sessions.start(request, user, provider="sso" if through_provider else "")
    audit.log_signin(user, audit.SIGNED_IN, method="sso" if through_provider else "password", provider=provider)


def signed_out(sender, request, user, **kwargs):
    if request is None or user is None:
        return
    reason = getattr(request, "session_end_reason", sessions.Reason.LOGOUT)
    sessions.end_current(request, reason)
    audit.log_signin(user, audit.SIGNED_OUT, reason=reason)


def signin_failed(sender, credentials, request=None, **kwargs):
    """A failed sign-in is logged on the account it was for, if one has that address; what was typed never is."""
    credentials = credentials or {}
    person = account_for(credentials.get("username") or credentials.get("email"))
    if person is None:
        return
    provider = credentials.get("provider")
    reason = credentials.get("reason") if provider else ("wrong" if person.is_active else "inactive")
    audit.log_signin(
        person,
        audit.SIGNIN_FAILED,
        by=None,
        method="sso" if provider else "password",
        reason=reason,
        provider=provider,
    )


def locked_out(sender, request, username, ip_address, **kwargs):
    person = account_for(username)
    if person is not None:
        audit.log_signin(person, audit.LOCKED_OUT, by=None, reason="locked")


def account_for(username):
    address = normalised_username(None, {"username": username}) if isinstance(username, str) else ""
    return User.objects.filter(email__iexact=address).first() if address else None


def password_saved(sender, instance, created, **kwargs):
    """A new password ends every session of the person (the one that changed it goes on, see the middleware)."""
    if not created and getattr(instance, "_password", None) is not None:
        sessions.end_sessions(instance, reason=sessions.Reason.PASSWORD_CHANGED, by=None)


def connect():
    user_logged_in.connect(signed_in, dispatch_uid="accounts.signed_in")
    user_logged_out.connect(signed_out, dispatch_uid="accounts.signed_out")
    user_login_failed.connect(signin_failed, dispatch_uid="accounts.signin_failed")
    user_locked_out.connect(locked_out, dispatch_uid="accounts.locked_out")
    post_save.connect(password_saved, sender=User, dispatch_uid="accounts.password_saved")
    # What the kept roles and permissions are made of (accounts/access_cache.py).
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(
            access_cache.renew_after_m2m, sender=through, dispatch_uid=f"accounts.access.{through.__name__}"
        )
    for model in (Group, Permission, GroupPagePermission):
        for signal in (post_save, post_delete):
            signal.connect(access_cache.renew, sender=model, dispatch_uid=f"accounts.access.{model.__name__}")
    post_migrate.connect(access_cache.renew, dispatch_uid="accounts.access.migrate")
