"""Single sign-on: send the person to their municipality's provider, and take its answer (accounts/sso.py).

Every outcome is announced with Django's own signals, so that whatever records sign-ins can tell the two apart:
`user_logged_in` with the user's `backend` set to accounts.sso.SsoBackend, and `user_login_failed` with
credentials `{"provider": name, "reason": code}`, never a token, code or secret.
"""

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.base_client import MismatchingStateError, OAuthError
from joserfc.errors import JoseError

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.signals import user_login_failed
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from common.params import safe_next

from . import lockout, sso
from .forms import LoginForm
from .views import set_language_cookie

# Where to go after the provider's answer, chosen when the sign-in started.
NEXT_SESSION_KEY = "accounts:sso_next"
# What talking to a provider may raise besides a refusal: it is down, or it answered what no provider should.
PROVIDER_FAILURES = (requests.RequestException, KeyError, RuntimeError, ValueError)


def _provider(name):
    try:
        return sso.provider_named(name)
    except sso.SsoRefusal:
        raise Http404 from None


def refused(request, provider_name, reason):
    """Record the refusal and show the login page with what went wrong, in words, never the details."""
    user_login_failed.send(sender=__name__, credentials={"provider": provider_name, "reason": reason}, request=request)
    context = {"form": LoginForm(request), "page_error": sso.REFUSALS[reason]}
    return render(request, "accounts/login.html", context, status=403)


@login_not_required
@never_cache
def start(request, provider):
    """Send the person to the provider's sign-in, with a fresh state, nonce and PKCE verifier kept in the session."""
    chosen = _provider(provider)
    request.session[NEXT_SESSION_KEY] = safe_next(request, settings.LOGIN_REDIRECT_URL)
    client = sso.client_for(chosen)
    callback = request.build_absolute_uri(reverse("accounts:sso_callback", args=[chosen.name]))
    extra = {"acr_values": " ".join(chosen.require_acr)} if chosen.require_acr else {}
    try:
        sso.check_discovery(chosen, client)
        return client.authorize_redirect(request, callback, **extra)
    except sso.SsoRefusal as refusal:
        return refused(request, chosen.name, refusal.reason)
    except PROVIDER_FAILURES:
        return refused(request, chosen.name, "provider_unreachable")


@login_not_required
@never_cache
def callback(request, provider):
    """Take the provider's answer: check it, sign in to the account it gives, and go where the person was going."""
    chosen = _provider(provider)
    try:
        user = _verified_account(request, chosen)
    except sso.SsoRefusal as refusal:
        return refused(request, chosen.name, refusal.reason)
    user.backend = sso.BACKEND  # for listeners to user_logged_in: this sign-in was a provider's
    login(request, user)
    response = redirect(request.session.pop(NEXT_SESSION_KEY, None) or settings.LOGIN_REDIRECT_URL)
    lockout.trust_device(response, user.email)
    if user.language:
        set_language_cookie(response, user.language)
    return response


def _verified_account(request, provider):
    if request.method != "GET":
        raise sso.SsoRefusal("state")
    if request.GET.get("error"):
        raise sso.SsoRefusal("provider_error")
    client = sso.client_for(provider)
    try:
        sso.check_discovery(provider, client)  # again: this process may not be the one the sign-in started in
        token = client.authorize_access_token(request)
    except MismatchingStateError:
        raise sso.SsoRefusal("state") from None
    except OAuthError:
        raise sso.SsoRefusal("provider_error") from None
    except (JoseError, AuthlibBaseError):
        raise sso.SsoRefusal("token") from None
    except PROVIDER_FAILURES:
        raise sso.SsoRefusal("provider_unreachable") from None
    claims = token.get("userinfo")
    if not claims:
        raise sso.SsoRefusal("token")
    return sso.account_for(provider, claims)
