"""How django-axes counts and answers failed sign-ins.

Attempts are counted per e-mail address whether or not an account exists,
and the lock-out answer is the same for both, so that the login form never
tells an attacker which addresses are real.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from .forms import LoginForm

USERNAME_FIELD_LIMIT = 254


def normalised_username(request, credentials=None):
    source = credentials if credentials is not None else request.POST
    username = (source or {}).get("username") or ""
    return username.strip().lower()[:USERNAME_FIELD_LIMIT]


def lockout_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return _(
        "Too many failed sign-in attempts. For your security, sign-in is paused for %(minutes)s minutes. "
        "You can reset your password in the meantime."
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    form = LoginForm(request)
    return render(
        request,
        "accounts/login.html",
        {"form": form, "lockout_message": lockout_message()},
        status=429,
    )
