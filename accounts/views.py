from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import NON_FIELD_ERRORS
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import i18n
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import UpdateView

from . import lockout, mfa, services
from .forms import LoginForm, PasswordResetForm, ProfileForm
from .models import ApiToken
from .token_forms import NewApiTokenForm

# A language chosen before signing in, for the login to keep on the account.
LANGUAGE_CHOSEN_SESSION_KEY = "accounts:language_chosen"
# Where a new token's secret waits for the one page that shows it; read once, then gone.
NEW_API_TOKEN_SESSION_KEY = "accounts:new_api_token"  # noqa: S105 - a key in the session, not a secret
API_TOKENS_ANCHOR = "#api-nycklar"


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    """Sign in, within the limits of accounts/lockout.py; a successful sign-in trusts the browser.

    The language follows the account: one chosen on the login page just now is kept on it, otherwise the one kept
    on it is set in this browser.
    """

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        refusal = lockout.signin_refusal(request, lockout.normalised_username(request))
        if refusal:
            return lockout.refused_response(request, refusal)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        chosen_before_login = self.request.session.get(LANGUAGE_CHOSEN_SESSION_KEY)
        response = super().form_valid(form)
        user = form.get_user()
        lockout.trust_device(response, user.email)
        if chosen_before_login:
            services.keep_language(user, chosen_before_login)
            self.request.session.pop(LANGUAGE_CHOSEN_SESSION_KEY, None)
        elif user.language:
            set_language_cookie(response, user.language)
        missing = mfa.owed(self.request)
        if missing is not None:
            # Signed in with the password, the second step still to come (accounts/mfa.py).
            step = reverse("accounts:mfa_verify" if missing == "verify" else "accounts:mfa_enrol")
            response["Location"] = f"{step}?{urlencode({'next': self.get_success_url()})}"
        return response

    def form_invalid(self, form):
        # A wrong password or unknown address; not a malformed form, nor an attempt axes refused unread.
        if form.has_error(NON_FIELD_ERRORS, "invalid_login") and not getattr(self.request, "axes_locked_out", False):
            lockout.record_failure(self.request, lockout.normalised_username(self.request))
        return super().form_invalid(form)


class LogoutView(auth_views.LogoutView):
    """Log out on POST only; Django refuses GET, so a link can never sign someone out."""


@method_decorator(login_not_required, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    form_class = PasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        if lockout.may_send_password_reset(self.request, form.cleaned_data["email"]):
            return super().form_valid(form)
        # The same answer as when a mail went, so that the limit tells nothing about the address.
        return redirect(self.get_success_url())


@method_decorator(login_not_required, name="dispatch")
class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


@method_decorator(login_not_required, name="dispatch")
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Set a new password from the e-mailed link; the browser that did it is trusted to sign in at once."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        lockout.forget_failures(form.user.email)
        lockout.trust_device(response, form.user.email)
        return response


@method_decorator(login_not_required, name="dispatch")
class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


# Never kept by a browser or proxy: the page may show a new token's secret.
@method_decorator(never_cache, name="dispatch")
class ProfileView(UpdateView):
    template_name = "accounts/profile.html"
    form_class = ProfileForm
    success_url = reverse_lazy("accounts:profile")

    def get_object(self, queryset=None):
        return self.request.user

    def get_context_data(self, **kwargs):
        kwargs.setdefault("token_form", NewApiTokenForm(prefix="token"))
        # The owner comes along in the same query: whether a token still works depends on their password.
        tokens = list(ApiToken.objects.owned_by(self.request.user).select_related("user").in_listing_order())
        return super().get_context_data(
            api_tokens=tokens,
            may_create_api_token=sum(token.is_active for token in tokens) < services.MAX_ACTIVE_API_TOKENS,
            max_active_api_tokens=services.MAX_ACTIVE_API_TOKENS,
            new_api_token=self.request.session.pop(NEW_API_TOKEN_SESSION_KEY, None),
            api_url=self.request.build_absolute_uri(reverse("search:api")),
            **kwargs,
        )

    def form_valid(self, form):
        if "notification_email" in form.changed_data:
            messages.success(
                self.request,
                _("Your profile has been saved. E-mail about notifications: %(choice)s.")
                % {"choice": form.instance.get_notification_email_display().lower()},
            )
        else:
            messages.success(self.request, _("Your profile has been saved."))
        super().form_valid(form)
        return redirect(self.success_url)


@method_decorator(require_POST, name="dispatch")
class CreateApiTokenView(ProfileView):
    """Create an API token; the profile page then shows its secret, once."""

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        token_form = NewApiTokenForm(request.POST, prefix="token")
        if not token_form.is_valid():
            # The profile form is shown as it was, not bound to this form's data.
            context = self.get_context_data(form=ProfileForm(instance=self.object), token_form=token_form)
            return self.render_to_response(context)
        try:
            token, secret = services.create_api_token(
                request.user, name=token_form.cleaned_data["name"], lifetime=token_form.cleaned_data["lifetime"]
            )
        except services.TooManyApiTokens as error:
            messages.error(request, error.message)
        else:
            request.session[NEW_API_TOKEN_SESSION_KEY] = {"name": token.name, "secret": secret}
            messages.success(request, _("The API token “%(name)s” has been created.") % {"name": token.name})
        return redirect(reverse("accounts:profile") + API_TOKENS_ANCHOR)


@require_POST
def revoke_api_token(request, pk):
    token = get_object_or_404(ApiToken.objects.owned_by(request.user), pk=pk)
    services.revoke_api_token(token)
    messages.success(
        request,
        _("The API token “%(name)s” has been revoked. Programs that use it can no longer read the API.")
        % {"name": token.name},
    )
    return redirect(reverse("accounts:profile") + API_TOKENS_ANCHOR)


@login_not_required
def set_language(request):
    """Django's language switch, which sets the cookie on a POST; the choice is kept on the account too, or, before
    signing in, until the login that follows."""
    response = i18n.set_language(request)
    language = request.POST.get("language")
    if request.method == "POST" and language in dict(settings.LANGUAGES):
        if request.user.is_authenticated:
            services.keep_language(request.user, language)
        else:
            request.session[LANGUAGE_CHOSEN_SESSION_KEY] = language
    return response


def set_language_cookie(response, language):
    """The cookie Django's own language switch sets, with the same settings."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
