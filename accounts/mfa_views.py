"""The second step of signing in, setting it up, recovery codes, and the signed-in browsers of "Mina inloggningar"."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from common.params import safe_next

from . import mfa, sessions
from .mfa_forms import CodeForm
from .models import SignInSession

# The new recovery codes wait here for the one page that shows them; read once, then gone.
NEW_RECOVERY_CODES_SESSION_KEY = "accounts:new_recovery_codes"


@never_cache
def verify(request):
    """Ask a signed-in person who owes the second step for a code."""
    missing = mfa.what_is_missing(request)
    if missing == "enrol":
        return redirect(f"{reverse('accounts:mfa_enrol')}?{request.GET.urlencode()}")
    if missing is None:
        return redirect(safe_next(request, "/"))
    form = CodeForm(request.POST or None, recovery=True)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            mfa.verify(request, form.cleaned_data["code"])
        except mfa.CodeRefused as refusal:
            error = refusal.message
        else:
            return redirect(safe_next(request, "/"))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "accounts/mfa_verify.html",
        {"form": CodeForm(recovery=True) if error else form, "page_error": error, "next": safe_next(request, "")},
        status=status,
    )


@never_cache
def enrol(request):
    """Set up an authenticator app: its QR code and key, then its first code confirms it."""
    if mfa.what_is_missing(request) == "verify":
        # Someone with an app proves it is them before replacing it.
        return redirect(f"{reverse('accounts:mfa_verify')}?{request.GET.urlencode()}")
    device = mfa.start_enrolment(request.user)
    form = CodeForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            codes = mfa.confirm_enrolment(request, device, form.cleaned_data["code"])
        except mfa.CodeRefused as refusal:
            error = refusal.message
        else:
            request.session[NEW_RECOVERY_CODES_SESSION_KEY] = codes
            next_url = safe_next(request, reverse("accounts:mfa_settings"))
            return redirect(f"{reverse('accounts:mfa_recovery_codes')}?{urlencode({'next': next_url})}")
    return render(
        request,
        "accounts/mfa_enrol.html",
        {
            "form": CodeForm() if error else form,
            "page_error": error,
            "qr_code": mfa.qr_code_svg(device),
            "manual_key": mfa.manual_key(device),
            "required": mfa.requires_second_factor(request.user),
            "replacing": mfa.has_second_factor(request.user),
            "next": safe_next(request, ""),
        },
        status=400 if request.method == "POST" else 200,
    )


@never_cache
def recovery_codes(request):
    """Show new recovery codes, once."""
    codes = request.session.pop(NEW_RECOVERY_CODES_SESSION_KEY, None)
    if not codes:
        return redirect("accounts:mfa_settings")
    return render(
        request,
        "accounts/mfa_recovery_codes.html",
        {"codes": codes, "next": safe_next(request, reverse("accounts:mfa_settings"))},
    )


@never_cache
def settings_page(request):
    """Two-step verification on the profile: whether it is on, new recovery codes, turning it off where allowed."""
    user = request.user
    return render(
        request,
        "accounts/mfa_settings.html",
        {
            "enrolled": mfa.has_second_factor(user),
            "required": mfa.requires_second_factor(user),
            "through_provider": mfa.signed_in_through_provider(request),
            "recovery_codes_left": mfa.remaining_recovery_codes(user),
        },
    )


@require_POST
def new_recovery_codes(request):
    if not mfa.has_second_factor(request.user):
        messages.error(request, _("Set up two-step verification first."))
        return redirect("accounts:mfa_settings")
    request.session[NEW_RECOVERY_CODES_SESSION_KEY] = mfa.new_recovery_codes(request.user)
    return redirect("accounts:mfa_recovery_codes")


@require_POST
def remove_second_factor(request):
    if mfa.remove_second_factor(request, request.user):
        messages.success(request, _("Two-step verification has been turned off for your account."))
    else:
        messages.error(request, _("Your role requires two-step verification, so it cannot be turned off."))
    return redirect("accounts:mfa_settings")


@never_cache
def my_sessions(request):
    """ "Mina inloggningar": the browsers signed in as the person, with a way to end each."""
    current = sessions.current_digest(request)
    rows = list(SignInSession.objects.of(request.user).active().in_listing_order())
    for row in rows:
        row.is_current = row.marker_digest == current
    return render(
        request,
        "accounts/sessions.html",
        {
            "signin_sessions": rows,
            "idle_minutes": settings.SESSION_IDLE_MINUTES,
            "max_hours": settings.SESSION_MAX_HOURS,
        },
    )


@require_POST
def end_session(request, pk):
    row = get_object_or_404(SignInSession.objects.of(request.user).active(), pk=pk)
    if row.marker_digest == sessions.current_digest(request):
        messages.info(request, _("To end the session you are using now, log out."))
    else:
        sessions.end_session(row, reason=sessions.Reason.BY_OWNER, by=request.user)
        messages.success(request, _("The sign-in on %(device)s has been ended.") % {"device": row.device})
    return redirect("accounts:sessions")


@require_POST
def end_other_sessions(request):
    count = sessions.end_sessions(request.user, reason=sessions.Reason.BY_OWNER, by=request.user, keep_request=request)
    messages.success(request, _("Signed out everywhere but here (%(count)s sessions).") % {"count": count})
    return redirect("accounts:sessions")
