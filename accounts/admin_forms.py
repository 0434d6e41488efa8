"""Wagtail's user forms with the fields Kunskapsforum adds to a person, narrowed to what the editor may give."""

import secrets

from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from wagtail.users.forms import UserCreationForm as WagtailUserCreationForm
from wagtail.users.forms import UserEditForm as WagtailUserEditForm

from privacy.forms import PersonalDataGuardMixin

from . import roles

PROFILE_FIELDS = ("municipality", "sector", "job_title")
SUPERUSER_ONLY_FIELDS = ("is_superuser", "password1", "password2")


class AccountFormMixin(PersonalDataGuardMixin):
    """`for_user` is the person using the admin. Unless a superuser, they give only the roles
    Administratörer assign, never superuser status, and never set a password: they send a reset link."""

    guarded_fields = ("first_name", "last_name", "job_title")

    def __init__(self, *args, for_user, **kwargs):
        super().__init__(*args, **kwargs)
        if "is_superuser" in self.fields:
            # Wagtail calls it "Administrator", which in Swedish is the name of a role that is not this.
            self.fields["is_superuser"].label = _("Superuser")
            self.fields["is_superuser"].help_text = _("May do everything, including giving any role.")
        if not for_user.is_superuser:
            for name in SUPERUSER_ONLY_FIELDS:
                self.fields.pop(name, None)
            self.fields["groups"].queryset = Group.objects.filter(name__in=roles.ROLES_ADMINISTRATORS_ASSIGN)

    @property
    def password_enabled(self):
        # Wagtail's form asks this while it builds its fields, and again when it saves.
        return "password1" in self.fields

    def save(self, commit=True):
        if self.instance.pk is None and not self.cleaned_data.get("password1"):
            # A password nobody knows, not an unusable one: Django sends reset links only to usable passwords.
            self.instance.set_password(secrets.token_urlsafe(32))
        return super().save(commit)


class UserCreationForm(AccountFormMixin, WagtailUserCreationForm):
    class Meta(WagtailUserCreationForm.Meta):
        fields = WagtailUserCreationForm.Meta.fields | set(PROFILE_FIELDS)


class UserEditForm(AccountFormMixin, WagtailUserEditForm):
    class Meta(WagtailUserEditForm.Meta):
        fields = WagtailUserEditForm.Meta.fields | set(PROFILE_FIELDS)
