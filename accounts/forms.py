from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm
from django.utils.translation import gettext_lazy as _

from privacy.forms import PersonalDataGuardMixin

from . import rights
from .models import NEVER_OFF, ApiToken, NotificationChoice, NotificationGroup, User

PREFERENCE_PREFIX = "notify_"


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": _("The e-mail address or password is wrong. Check both and try again."),
        "inactive": _("This account is not active. Contact an administrator in your municipality."),
        "closed": _(
            "The account with this e-mail address has been closed and can no longer sign in. "
            "If you need access again, ask an administrator in your municipality for a new account."
        ),
    }

    def get_invalid_login_error(self):
        if rights.is_closed_address(self.cleaned_data.get("username")):
            # The same code as a wrong password, so that the lockout counts it as one.
            return forms.ValidationError(self.error_messages["closed"], code="invalid_login")
        return super().get_invalid_login_error()


class PasswordResetForm(DjangoPasswordResetForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ProfileForm(PersonalDataGuardMixin, forms.ModelForm):
    guarded_fields = ("first_name", "last_name", "job_title")
    confirmable = False  # a name or a job title has no room for a phone number or an address, so none is confirmed

    class Meta:
        model = User
        fields = ["first_name", "last_name", "job_title", "sector", "notification_email"]
        widgets = {"notification_email": forms.RadioSelect}
        labels = {"notification_email": _("E-mail about forum notifications")}
        help_texts = {
            "notification_email": _(
                "The e-mail says what happened, in which thread and by whom, with a link. "
                "It never contains what was written."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A form sent without the choice keeps the person's current one instead of failing.
        self.fields["notification_email"].required = False
        preferences = self.instance.notification_preferences or {}
        for group in NotificationGroup:
            choices = [(value, label) for value, label in NotificationChoice.choices if value not in off_for(group)]
            self.fields[PREFERENCE_PREFIX + group] = forms.ChoiceField(
                label=group.label,
                choices=[("", _("As my choice for e-mail above")), *choices],
                required=False,
                initial=preferences.get(group, ""),
                help_text=_("Always told: you can choose how, not turn it off.") if group in NEVER_OFF else "",
            )

    def general_fields(self):
        return [field for field in self if not field.name.startswith(PREFERENCE_PREFIX)]

    def preference_fields(self):
        return [field for field in self if field.name.startswith(PREFERENCE_PREFIX)]

    def clean(self):
        cleaned = super().clean()
        self.instance.notification_preferences = {
            group.value: cleaned[PREFERENCE_PREFIX + group]
            for group in NotificationGroup
            if cleaned.get(PREFERENCE_PREFIX + group)
        }
        return cleaned


def off_for(group):
    """The choices a group does not offer: "off" for what is always told."""
    return {NotificationChoice.OFF} if group in NEVER_OFF else set()


class ApiTokenForm(PersonalDataGuardMixin, forms.ModelForm):
    guarded_fields = ("name",)
    confirmable = False  # the name is shown in lists and messages; a contact detail is taken out, not confirmed

    class Meta:
        model = ApiToken
        fields = ["name"]
        labels = {"name": _("Name of the token")}
        error_messages = {
            "name": {"required": _("Give the token a name, for example the program that will use it.")},
        }


class CloseAccountForm(forms.Form):
    """The person confirms closing their own account: with their password, or, for an account that signs in
    without one (single sign-on), by typing their e-mail address."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    email = forms.EmailField(label=_("Your e-mail address"), required=False, max_length=254)

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        if person.has_usable_password():
            del self.fields["email"]
            self.fields["password"].required = True
            self.fields["password"].error_messages["required"] = _("Type your password to close your account.")
        else:
            del self.fields["password"]
            self.fields["email"].required = True
            self.fields["email"].error_messages["required"] = _("Type your e-mail address to close your account.")

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.person.check_password(password):
            raise forms.ValidationError(_("The password is wrong. Your account is still open."), code="wrong_password")
        return password

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email.strip().lower() != self.person.email:
            raise forms.ValidationError(
                _("That is not your e-mail address. Your account is still open."), code="wrong_email"
            )
        return email
