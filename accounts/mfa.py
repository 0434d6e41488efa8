"""Two-step sign-in: who must use it, and the verbs that set it up and check its codes.

A person who must (`requires_second_factor`: Redaktörer, Moderatorer, Administratörer, the joint editorial board and
superusers, when MFA_REQUIRED is on) or who chose to (has a confirmed device) and signed in with a password is
asked for a code before anything else opens (`accounts.middleware.SecondFactorMiddleware`); one who must but has
no app yet is sent to set one up. Someone signed in through the organisation's identity provider
(`accounts.sso.SsoBackend`) was checked by that provider and is never asked.

Codes come from an authenticator app (TOTP, django-otp's `otp_totp`: 30-second steps, one step of clock drift
either way, a code used once is refused again) or are one of ten recovery codes (`otp_static`), each usable once;
the database keeps only a keyed digest of a recovery code. Wrong codes slow the next try down (django-otp's
throttling, doubling the wait each time) and every refusal is in the audit log, never the code itself.
"""

import hashlib
import hmac
import secrets
from base64 import b32encode

import segno
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit
from .roles import ADMINISTRATOR, BOARD, EDITOR, MODERATOR, group_names

ROLES_REQUIRING_SECOND_FACTOR = frozenset({EDITOR, MODERATOR, ADMINISTRATOR, BOARD})
SSO_BACKEND = "accounts.sso.SsoBackend"
VERIFIED_SESSION_KEY = "accounts:second_factor"
# What the session owes, decided at login ("verify", "enrol" or ""), so that no request after it needs a query;
# a change of roles ends the sessions, and setting up or passing the step marks the session verified.
OWED_SESSION_KEY = "accounts:second_factor_owed"
APP_DEVICE_NAME = "app"
RECOVERY_DEVICE_NAME = "recovery"
RECOVERY_CODE_COUNT = 10
RECOVERY_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i
RECOVERY_CODE_LENGTH = 10


class CodeRefused(Exception):
    """The code did not let the person in; the message is for them."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def requires_second_factor(user):
    """Whether the person's roles make the second step compulsory (for a local sign-in)."""
    if not settings.MFA_REQUIRED or not user.is_authenticated:
        return False
    return user.is_superuser or bool(group_names(user) & ROLES_REQUIRING_SECOND_FACTOR)


def signed_in_through_provider(request):
    return request.session.get(BACKEND_SESSION_KEY) == SSO_BACKEND


def app_device(user, *, confirmed=True):
    return TOTPDevice.objects.filter(user=user, name=APP_DEVICE_NAME, confirmed=confirmed).first()


def has_second_factor(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_verified(request):
    return bool(request.session.get(VERIFIED_SESSION_KEY))


def what_is_missing(request, user=None):
    """ "verify" when this signed-in session must still give a code, "enrol" when it must first set up an app,
    or None when nothing is missing."""
    user = user or request.user
    if is_verified(request) or signed_in_through_provider(request):
        return None
    if has_second_factor(user):
        return "verify"
    if requires_second_factor(user):
        return "enrol"
    return None


def note_what_is_owed(request, user=None):
    """At login: remember in the session what it owes, so that later requests need no query to know."""
    request.session.pop(VERIFIED_SESSION_KEY, None)
    request.session[OWED_SESSION_KEY] = what_is_missing(request, user) or ""


def owed(request):
    """What this signed-in session still owes, like `what_is_missing`, read from the session after the login."""
    if is_verified(request) or signed_in_through_provider(request):
        return None
    if OWED_SESSION_KEY not in request.session:
        note_what_is_owed(request)
    return request.session[OWED_SESSION_KEY] or None


def start_enrolment(user):
    """The person's unconfirmed app device, made now if there is none; its key is shown until confirmed."""
    device = app_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def manual_key(device):
    """The key as an app asks for it when typed: base32, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_svg(device):
    """The enrolment address as an inline SVG QR code (no image request, nothing leaves the server)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff", omitsize=True)


def clean_code(code):
    return "".join(str(code or "").split()).replace("-", "").lower()


def confirm_enrolment(request, device, code):
    """Confirm the new app with its first code; returns the recovery codes, shown once. Raises CodeRefused."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        refusal = _check_app_code(device, code)
        if refusal is None:
            TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
    # Raised only now, so that the failure's count and log entry are kept.
    if refusal is not None:
        raise CodeRefused(refusal)
    codes = new_recovery_codes(device.user, log=False)
    mark_verified(request, device)
    audit.log_signin(device.user, audit.MFA_ENROLLED, method="totp")
    return codes


def verify(request, code):
    """Let the signed-in person past the second step with an app code or a recovery code. Raises CodeRefused."""
    user = request.user
    cleaned = clean_code(code)
    if cleaned.isdigit() and len(cleaned) == 6:
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
            refusal = (
                _("Two-step verification is not set up for your account.")
                if device is None
                else _check_app_code(device, cleaned)
            )
        if refusal is not None:
            raise CodeRefused(refusal)
        method = "totp"
    else:
        device = _use_recovery_code(request, user, cleaned)
        method = "recovery"
    mark_verified(request, device)
    audit.log_signin(user, audit.MFA_VERIFIED, method=method)


def _check_app_code(device, code):
    """Why the app's code does not pass (a message), or None when it does; failures are counted and logged."""
    allowed, details = device.verify_is_allowed()
    if not allowed:
        audit.log_signin(device.user, audit.MFA_FAILED, method="totp", reason="throttled")
        return throttled_message(details)
    cleaned = clean_code(code)
    if not (cleaned.isdigit() and len(cleaned) == device.digits) or not device.verify_token(cleaned):
        if not cleaned.isdigit() or len(cleaned) != device.digits:
            device.throttle_increment()
        audit.log_signin(device.user, audit.MFA_FAILED, method="totp", reason="wrong")
        return _(
            "The code is wrong, has already been used or has expired. Wait for the next code in your "
            "authenticator app and type its six digits."
        )
    return None


def _use_recovery_code(request, user, code):
    with transaction.atomic():
        device = StaticDevice.objects.select_for_update().filter(user=user, name=RECOVERY_DEVICE_NAME).first()
        refusal = None
        if device is None:
            audit.log_signin(user, audit.MFA_FAILED, method="recovery", reason="wrong")
            refusal = _("The code is wrong. Type the six digits from your authenticator app.")
        else:
            allowed, details = device.verify_is_allowed()
            if not allowed:
                audit.log_signin(user, audit.MFA_FAILED, method="recovery", reason="throttled")
                refusal = throttled_message(details)
            elif not device.verify_token(recovery_code_digest(code)):
                audit.log_signin(user, audit.MFA_FAILED, method="recovery", reason="wrong")
                refusal = _(
                    "The code is wrong or has already been used. Type the six digits from your authenticator "
                    "app, or one of your recovery codes that you have not used."
                )
    if refusal is not None:
        raise CodeRefused(refusal)
    return device


def throttled_message(details):
    locked_until = (details or {}).get("locked_until")
    seconds = max(1, int((locked_until - timezone.now()).total_seconds()) + 1) if locked_until else 1
    return _("Too many wrong codes. Wait %(seconds)s seconds and try again.") % {"seconds": seconds}


def mark_verified(request, device):
    request.session[VERIFIED_SESSION_KEY] = device.persistent_id


def recovery_code_digest(code):
    """A keyed digest of a recovery code, short enough for django-otp's token column."""
    return hmac.new(settings.SECRET_KEY.encode(), clean_code(code).encode(), hashlib.sha256).hexdigest()[:16]


def new_recovery_codes(user, *, log=True):
    """Ten new recovery codes for the person, replacing any old ones; only their digests are kept."""
    codes = [
        "".join(secrets.choice(RECOVERY_CODE_ALPHABET) for _i in range(RECOVERY_CODE_LENGTH))
        for _j in range(RECOVERY_CODE_COUNT)
    ]
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
        device.token_set.all().delete()
        StaticToken.objects.bulk_create(StaticToken(device=device, token=recovery_code_digest(code)) for code in codes)
    if log:
        audit.log_signin(user, audit.RECOVERY_CODES_CREATED)
    return [f"{code[:5]}-{code[5:]}" for code in codes]


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__name=RECOVERY_DEVICE_NAME).count()


def remove_second_factor(request, user):
    """Remove the app and recovery codes of someone who may go without; False when their role requires it."""
    if requires_second_factor(user):
        return False
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    request.session[OWED_SESSION_KEY] = ""
    audit.log_signin(user, audit.MFA_REMOVED)
    return True
