"""How sign-in withstands password guessing without letting a stranger lock someone out.

Three limits, one for each kind of guesser, all counted per e-mail address typed whether or not an
account has it, and answered alike, so that the login form never tells which addresses are real:

- django-axes locks an address *from one network address* after AXES_FAILURE_LIMIT failures
  (AXES_LOCKOUT_PARAMETERS): the owner's own typos, or a guesser at one place. A stranger elsewhere
  cannot lock the owner out this way.
- Guesses at one address from anywhere are slowed down, never stopped: after
  ACCOUNT_FAILURES_BEFORE_SLOWDOWN failures within a day, each failure makes the next attempt wait
  (2, 4, 8 … seconds, at most ACCOUNT_LONGEST_WAIT). A browser that has signed in to the account, or
  reset its password, carries a signed device cookie and is not slowed down.
- One network address may fail SIGNIN_FAILURES_PER_ADDRESS_PER_HOUR times over all accounts; the
  limit is high because a whole municipality signs in from behind one NAT address, and trusted
  devices are exempt from it too.

Password-reset e-mails are limited the same way, per e-mail address and per network address, so that
the form cannot flood someone's inbox; the answer page is the same whether or not a mail went.
"""

import hashlib
import ipaddress
from datetime import timedelta

import axes.utils

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _

from .forms import LoginForm

USERNAME_FIELD_LIMIT = 254
ACCOUNT_FAILURES_BEFORE_SLOWDOWN = 10
ACCOUNT_FAILURE_WINDOW = timedelta(days=1)
ACCOUNT_LONGEST_WAIT = timedelta(minutes=5)
ADDRESS_FAILURE_WINDOW = timedelta(hours=1)
PASSWORD_RESETS_PER_EMAIL_PER_HOUR = 3
PASSWORD_RESET_WINDOW = timedelta(hours=1)
DEVICE_COOKIE = "kf_device"
DEVICE_COOKIE_SALT = "accounts.lockout.device"
DEVICE_TRUSTED_FOR = timedelta(days=365)


def normalised_username(request, credentials=None):
    source = credentials if credentials is not None else request.POST
    username = (source or {}).get("username") or ""
    return username.strip().lower()[:USERNAME_FIELD_LIMIT]


def is_single_sign_on_attempt(request, credentials=None):
    """Whether a failed sign-in was refused by single sign-on (accounts/sso.py): django-axes leaves those uncounted,
    for they name a provider and a reason, never an address someone typed or a password guessed."""
    return bool(credentials) and "provider" in credentials and "password" not in credentials


def client_ip_address(request):
    """The address the request came from: the nearest one that is not a trusted proxy (FORWARDED_ALLOW_IPS).

    X-Forwarded-For is read from the right, where each trusted proxy appends the address it saw, so
    an address a client wrote into the header itself is never taken while a trusted proxy stands between.
    """
    trusted = settings.TRUSTED_PROXY_ADDRESSES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    chain = [hop.strip() for hop in forwarded.split(",") if hop.strip()] + [request.META.get("REMOTE_ADDR", "")]
    if "*" in trusted:
        # Every peer counts as a proxy, so only the one hop it appended can be believed.
        address = chain[-2] if len(chain) > 1 else chain[-1]
    else:
        address = next((hop for hop in reversed(chain) if hop not in trusted), chain[0])
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return request.META.get("REMOTE_ADDR", "")


def _key(kind, value):
    return f"signin:{kind}:{hashlib.sha256(value.encode()).hexdigest()}"


def is_trusted_device(request, username):
    signed = request.get_signed_cookie(
        DEVICE_COOKIE, default=None, salt=DEVICE_COOKIE_SALT, max_age=DEVICE_TRUSTED_FOR.total_seconds()
    )
    return bool(username) and signed == username


def trust_device(response, username):
    """Mark the browser as one that has proved it belongs to the account's owner."""
    response.set_signed_cookie(
        DEVICE_COOKIE,
        normalised_username(None, {"username": username}),
        salt=DEVICE_COOKIE_SALT,
        max_age=int(DEVICE_TRUSTED_FOR.total_seconds()),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def signin_refusal(request, username):
    """Why this attempt must not even be checked now, or None; trusted devices are never refused."""
    if is_trusted_device(request, username):
        return None
    if cache.get(_key("address", client_ip_address(request)), 0) >= settings.SIGNIN_FAILURES_PER_ADDRESS_PER_HOUR:
        return _(
            "Too many failed sign-ins have come from your network. Wait a while and try again, "
            "or reset your password: then this browser can sign in at once."
        )
    if cache.get(_key("wait", username)):
        return _(
            "Sign-in to this address has been slowed down after many failed attempts. Wait a few minutes "
            "and try again, or reset your password: then this browser can sign in at once."
        )
    return None


def _increment(key, window):
    cache.add(key, 0, int(window.total_seconds()))
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.add(key, 1, int(window.total_seconds()))
        return 1


def record_failure(request, username):
    _increment(_key("address", client_ip_address(request)), ADDRESS_FAILURE_WINDOW)
    failures = _increment(_key("account", username), ACCOUNT_FAILURE_WINDOW)
    if failures >= ACCOUNT_FAILURES_BEFORE_SLOWDOWN:
        wait = min(2 ** (failures - ACCOUNT_FAILURES_BEFORE_SLOWDOWN + 1), ACCOUNT_LONGEST_WAIT.total_seconds())
        cache.set(_key("wait", username), True, int(wait))


def forget_failures(username):
    """The owner reset the password, so every guess so far was at a password no longer in use."""
    cache.delete_many([_key("account", username), _key("wait", username)])
    axes.utils.reset(username=username)


def may_send_password_reset(request, email):
    """Whether a reset e-mail may go to this address now; every request counts, answered or not."""
    from_address = _increment(_key("reset-from", client_ip_address(request)), PASSWORD_RESET_WINDOW)
    if from_address > settings.PASSWORD_RESETS_PER_NETWORK_ADDRESS_PER_HOUR:
        return False
    to_email = _increment(_key("reset-to", normalised_username(None, {"username": email})), PASSWORD_RESET_WINDOW)
    return to_email <= PASSWORD_RESETS_PER_EMAIL_PER_HOUR


def lockout_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return _(
        "Too many failed sign-in attempts. For your security, sign-in is paused for %(minutes)s minutes. "
        "You can reset your password in the meantime."
    ) % {"minutes": minutes}


def refused_response(request, message):
    return render(request, "accounts/login.html", {"form": LoginForm(request), "page_error": message}, status=429)


def lockout_response(request, original_response=None, credentials=None):
    return refused_response(request, lockout_message())
