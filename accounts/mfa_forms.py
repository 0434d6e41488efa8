from django import forms
from django.utils.translation import gettext_lazy as _

from privacy.forms import PersonalDataGuardMixin


class CodeForm(PersonalDataGuardMixin, forms.Form):
    """A code from the authenticator app (or, where `recovery` allows it, a recovery code)."""

    confirmable = False
    unguarded_because = {"code": "a one-time code, checked and never stored"}

    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        error_messages={"required": _("Type the code from your authenticator app.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "spellcheck": "false", "autofocus": True}
        ),
    )

    def __init__(self, *args, recovery=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = (
            _("The six digits your authenticator app shows now, or one of your recovery codes.")
            if recovery
            else _("The six digits your authenticator app shows now.")
        )
        if not recovery:
            self.fields["code"].widget.attrs["inputmode"] = "numeric"
