"""Wagtail's user forms with the fields Kunskapsforum adds to a person."""

from wagtail.users.forms import UserCreationForm as WagtailUserCreationForm
from wagtail.users.forms import UserEditForm as WagtailUserEditForm

PROFILE_FIELDS = ("municipality", "sector", "job_title")


class UserCreationForm(WagtailUserCreationForm):
    class Meta(WagtailUserCreationForm.Meta):
        fields = WagtailUserCreationForm.Meta.fields | set(PROFILE_FIELDS)


class UserEditForm(WagtailUserEditForm):
    class Meta(WagtailUserEditForm.Meta):
        fields = WagtailUserEditForm.Meta.fields | set(PROFILE_FIELDS)
