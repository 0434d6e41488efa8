"""The guard in a Django form: identity numbers are field errors, private contact details need a confirmation."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .guard import inspect
from .text import plain_text

CONFIRMATION_FIELD = "personal_data_confirmed"


def confirmation_field():
    return forms.BooleanField(
        required=False, label=gettext_lazy("I have checked that the post contains no information about individuals")
    )


def guard_texts(form, texts):
    """Add a form error for every identity number in the texts (field name → text) and return the warnings."""
    warnings = []
    for name, text in texts.items():
        inspection = inspect(text)
        for finding in inspection.blocking:
            form.add_error(name if name in form.fields else None, finding.message)
        warnings += inspection.warnings
    return warnings


def fragments(findings):
    return ", ".join(dict.fromkeys(finding.masked for finding in findings))


class PersonalDataGuardMixin:
    """Mix into a Django form, before forms.Form or forms.ModelForm, to pass its texts through the guard.

    `guarded_fields` names the fields whose cleaned text is inspected; override
    `guarded_texts` for fields whose value is more than a string. An identity
    number is an error on its field. A private e-mail address or phone number
    needs the box `personal_data_confirmed` ticked; `personal_data_warnings`
    holds those findings, so a template shows the box only when needed.
    """

    guarded_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.personal_data_warnings = ()
        if CONFIRMATION_FIELD not in self.fields:
            self.fields[CONFIRMATION_FIELD] = confirmation_field()

    def guarded_texts(self, cleaned_data) -> dict[str, str]:
        """The texts to inspect, by the name of the field to put an error on."""
        return {name: plain_text(cleaned_data.get(name)) for name in self.guarded_fields}

    def related_personal_data_warnings(self):
        """Warnings from texts outside the form's own fields, such as inline forms; none by default."""
        return []

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data is None:  # a clean() further up may return nothing
            cleaned_data = self.cleaned_data
        warnings = guard_texts(self, self.guarded_texts(cleaned_data)) + list(self.related_personal_data_warnings())
        self.personal_data_warnings = tuple(warnings)
        if warnings and not cleaned_data.get(CONFIRMATION_FIELD):
            if CONFIRMATION_FIELD in self.fields:
                message = _(
                    "The text may contain information about an individual: %(fragments)s. "
                    "Check it, and tick the box if the information may be here."
                )
                self.add_error(CONFIRMATION_FIELD, message % {"fragments": fragments(warnings)})
            else:
                # Without the box nobody can confirm, so the warning has to be dealt with in the text.
                message = _("The text may contain information about an individual: %(fragments)s. Remove it.")
                self.add_error(None, message % {"fragments": fragments(warnings)})
        return cleaned_data
