"""The guard in a Django form: identity numbers are field errors, private contact details need a confirmation."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.fields import RichTextField

from .guard import inspect
from .text import plain_text

CONFIRMATION_FIELD = "personal_data_confirmed"
# Wagtail's bookkeeping for comments: where in the page a comment sits, not text anyone wrote.
NOT_TEXT = {CONFIRMATION_FIELD, "contentpath", "position"}


CONFIRMATION_LABEL = gettext_lazy("I have checked that the post contains no information about individuals")


def confirmation_field():
    return forms.BooleanField(required=False, label=CONFIRMATION_LABEL)


def inspect_texts(form, texts):
    """Add a form error for every identity number in the texts (field name → text); return the warnings by name."""
    warnings = {}
    for name, text in texts.items():
        inspection = inspect(text)
        for finding in inspection.blocking:
            form.add_error(name if name in form.fields else None, finding.message)
        if inspection.warnings:
            warnings[name] = list(inspection.warnings)
    return warnings


def guard_texts(form, texts):
    """Add a form error for every identity number in the texts (field name → text) and return the warnings."""
    return [finding for findings in inspect_texts(form, texts).values() for finding in findings]


def fragments(findings):
    return ", ".join(dict.fromkeys(finding.masked for finding in findings))


def is_rich_text(form, name):
    model = getattr(getattr(form, "_meta", None), "model", None)
    model_field = next((field for field in model._meta.fields if field.name == name), None) if model else None
    return isinstance(model_field, RichTextField)


def texts_of(form, cleaned_data):
    """Every text in a form's cleaned data, by field name: strings, rich text, StreamField blocks and tags."""
    texts = {}
    for name, field in form.fields.items():
        if name in NOT_TEXT or field.widget.is_hidden or name not in cleaned_data:
            continue
        if text := plain_text(cleaned_data[name], is_html=is_rich_text(form, name)):
            texts[name] = text
    return texts


def cleaned(form):
    """The data of a form, cleaned now if it was not yet; partial when the form has errors."""
    form.is_valid()
    return getattr(form, "cleaned_data", {})


def inline_forms(form):
    """The inline forms of a Wagtail form (local uses, contacts, comments and their replies …) that are kept."""
    for formset in getattr(form, "formsets", {}).values():
        for child in formset.forms:
            if not cleaned(child).get("DELETE"):
                yield child
                yield from inline_forms(child)


class PersonalDataGuardMixin:
    """Mix into a Django form, before forms.Form or forms.ModelForm, to pass its texts through the guard.

    `guarded_fields` names the fields whose cleaned text is inspected, "__all__"
    every text the form and its inline forms hold; override `guarded_texts` for
    other needs. An identity number is an error on its field. A private e-mail
    address or phone number needs the box `personal_data_confirmed` ticked;
    `personal_data_warnings` holds those findings, so a template shows the box
    only when needed. A form without the box (`confirmable = False`) asks for
    the detail to be removed instead, on the field that holds it.
    """

    guarded_fields = ()
    # Field name → why its text stays out of the guard (it is never stored, or it must hold the data);
    # the coverage test (tests/privacy/test_coverage.py) accepts nothing else unguarded.
    unguarded_because = {}
    confirmable = True
    # For templates that render every field: the box is a hidden input until the guard warns, then this widget.
    confirmation_widget = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.personal_data_warnings = ()
        if not self.confirmable:
            self.fields.pop(CONFIRMATION_FIELD, None)
        elif CONFIRMATION_FIELD not in self.fields:
            self.fields[CONFIRMATION_FIELD] = confirmation_field()
        if self.confirmation_widget and CONFIRMATION_FIELD in self.fields:
            self.fields[CONFIRMATION_FIELD].widget = forms.HiddenInput()

    def guarded_texts(self, cleaned_data) -> dict[str, str]:
        """The texts to inspect, by the name of the field to put an error on."""
        if self.guarded_fields == "__all__":
            return texts_of(self, cleaned_data)
        return {name: plain_text(cleaned_data.get(name)) for name in self.guarded_fields}

    def related_personal_data_warnings(self):
        """Warnings from texts outside the form's own fields: those of its inline forms, when it guards every text."""
        if self.guarded_fields != "__all__":
            return []
        return [
            finding for child in inline_forms(self) for finding in guard_texts(child, texts_of(child, cleaned(child)))
        ]

    def confirmation_error_field(self):
        """Where the request to tick the box goes: on the box, which the form's template shows with its errors."""
        return CONFIRMATION_FIELD

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data is None:  # a clean() further up may return nothing
            cleaned_data = self.cleaned_data
        by_field = inspect_texts(self, self.guarded_texts(cleaned_data))
        elsewhere = list(self.related_personal_data_warnings())
        warnings = [finding for findings in by_field.values() for finding in findings] + elsewhere
        self.personal_data_warnings = tuple(warnings)
        if warnings and self.confirmation_widget and CONFIRMATION_FIELD in self.fields:
            self.fields[CONFIRMATION_FIELD].widget = self.confirmation_widget()
        if not warnings or cleaned_data.get(CONFIRMATION_FIELD):
            return cleaned_data
        if CONFIRMATION_FIELD in self.fields:
            message = _(
                "The text may contain information about an individual: %(fragments)s. "
                "Check it, and tick the box if the information may be here."
            )
            self.add_error(self.confirmation_error_field(), message % {"fragments": fragments(warnings)})
            return cleaned_data
        # Without the box nobody can confirm, so the warning has to be dealt with in the text, where it is.
        message = _("The text may contain information about an individual: %(fragments)s. Remove it.")
        for name, findings in [*by_field.items(), (None, elsewhere)]:
            if findings:
                self.add_error(name if name in self.fields else None, message % {"fragments": fragments(findings)})
        return cleaned_data
