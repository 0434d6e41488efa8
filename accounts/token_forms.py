from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import ApiTokenForm
from .models import ApiTokenLifetime


class NewApiTokenForm(ApiTokenForm):
    """The token's name and how long it works: a shorter life suits a one-off script."""

    lifetime = forms.TypedChoiceField(
        label=_("Valid for"),
        choices=ApiTokenLifetime.choices,
        coerce=int,
        # A form sent without the choice gets the default rather than an error.
        required=False,
        empty_value=ApiTokenLifetime.QUARTER,
        initial=ApiTokenLifetime.QUARTER,
        help_text=_("Then the token stops working. It also stops at once if your password is changed."),
    )
