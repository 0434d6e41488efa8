from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from . import mfa, services, sessions

API_PATH_PREFIX = "/api/"


class ApiTokenMiddleware:
    """Let a program read the JSON API with a personal token: `Authorization: Bearer kf_…`.

    Only under /api/ and only when the header is there; the person is set for this
    request alone, without a session, a cookie or a login signal. Everything else
    goes on as before: a session login, or the login page for someone anonymous.
    Sits between AuthenticationMiddleware and LoginRequiredMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        secret = bearer_secret(request) if request.path_info.startswith(API_PATH_PREFIX) else None
        if secret is not None:
            try:
                user = services.user_for_api_token(secret)
            except services.ApiTokenRefused as refusal:
                return refused(refusal.message)
            request.user = user

            async def auser():
                return user

            request.auser = auser
        return self.get_response(request)


def bearer_secret(request):
    """The secret of an `Authorization: Bearer …` header ("" when it is empty), or None without one."""
    scheme, _space, secret = request.headers.get("Authorization", "").partition(" ")
    return secret.strip() if scheme.lower() == "bearer" else None


def refused(message):
    response = JsonResponse({"error": message}, status=401, json_dumps_params={"ensure_ascii": False})
    response["WWW-Authenticate"] = "Bearer"
    return response


class SignInSessionMiddleware:
    """Log out a session that was idle too long, is older than its longest lifetime or was ended elsewhere
    (accounts/sessions.py), telling the person why on the login page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        kept = SESSION_KEY in request.session and request.user.is_authenticated
        if kept:
            reason = sessions.check(request)
            if reason is not None:
                sessions.end_current(request, reason)
                request.session_end_reason = reason
                logout(request)
                messages.info(request, ended_message(reason))
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            password_before = request.user.password
        response = self.get_response(request)
        if kept and request.user.is_authenticated and request.user.password != password_before:
            # The person changed their own password and stays signed in here (update_session_auth_hash):
            # every other session ended with the change, this one goes on.
            sessions.keep_after_password_change(request)
        return response


def ended_message(reason):
    if reason == sessions.Reason.IDLE:
        return _("You were signed out after %(minutes)s minutes without activity. Sign in again.") % {
            "minutes": settings.SESSION_IDLE_MINUTES
        }
    if reason == sessions.Reason.EXPIRED:
        return _("You were signed out because you had been signed in for %(hours)s hours. Sign in again.") % {
            "hours": settings.SESSION_MAX_HOURS
        }
    return _("Your sign-in here has been ended. Sign in again.")


# What someone who still owes the second step may open: the step itself, signing out and the language switch.
OPEN_BEFORE_SECOND_FACTOR = frozenset(
    {
        "accounts:mfa_verify",
        "accounts:mfa_enrol",
        "accounts:mfa_recovery_codes",
        "accounts:logout",
        "set_language",
        "healthz",
    }
)


class SecondFactorMiddleware:
    """Send a signed-in person who owes the second step (accounts/mfa.py) to it, or to setting it up, before any
    other page: the Wagtail admin, moderation, administration and the rest of the intranet alike."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if SESSION_KEY not in request.session or not request.user.is_authenticated:
            return None
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_BEFORE_SECOND_FACTOR:
            return None
        missing = mfa.owed(request)
        if missing is None:
            return None
        target = reverse("accounts:mfa_verify" if missing == "verify" else "accounts:mfa_enrol")
        return HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
