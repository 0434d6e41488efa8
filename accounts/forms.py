from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm
from django.utils.translation import gettext_lazy as _

from privacy.forms import PersonalDataGuardMixin

from .models import ApiToken, User


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
    }


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
