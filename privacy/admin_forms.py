"""The guard in Wagtail's admin: one form base for pages, snippets and settings, and guarded forms of Wagtail's own.

Every Wagtail form that stores text someone typed is one of these or a subclass;
tests/privacy/test_coverage.py fails when a new one is not.
"""

from django import forms

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm
from wagtail.forms import TaskStateCommentForm

from .forms import CONFIRMATION_FIELD, CONFIRMATION_LABEL, PersonalDataGuardMixin, confirmation_field


class ConfirmationCheckbox(forms.CheckboxInput):
    """The box and its label in one widget: Wagtail renders a field that no panel names as its bare widget."""

    template_name = "privacy/confirmation_checkbox.html"

    def get_context(self, name, value, attrs):
        return {**super().get_context(name, value, attrs), "label": CONFIRMATION_LABEL}


class AdminGuardMixin(PersonalDataGuardMixin):
    """Every text of the form and of its inline forms passes the guard.

    The confirmation box is a hidden input until the guard warns. A panel may show
    it (knowledge.forms.PersonalDataPanel); otherwise Wagtail renders it below the
    panels, and the request to tick it heads the form, where Wagtail's message lists it.
    """

    guarded_fields = "__all__"
    confirmation_widget = ConfirmationCheckbox

    def __init__(self, *args, **kwargs):
        if self.box_has_panel():
            self.confirmation_widget = None  # the panel shows it, with its label and errors
        super().__init__(*args, **kwargs)

    @classmethod
    def box_has_panel(cls):
        fields = cls._meta.fields
        return fields is not None and CONFIRMATION_FIELD in fields

    def confirmation_error_field(self):
        # A box rendered bare shows no errors of its own.
        return None if self.confirmation_widget is ConfirmationCheckbox else CONFIRMATION_FIELD


class GuardedAdminModelForm(AdminGuardMixin, WagtailAdminModelForm):
    """The `base_form_class` of every snippet and setting."""

    personal_data_confirmed = confirmation_field()  # declared, so that a panel may name it


class GuardedPageForm(AdminGuardMixin, WagtailAdminPageForm):
    """The `base_form_class` of every page: its fields, inline forms, tags and comments pass the guard."""

    personal_data_confirmed = confirmation_field()


class GuardedCopyForm(PersonalDataGuardMixin, CopyForm):
    """The `copy_form_class` of every page: the copy's new title and slug pass the guard before the copy is made."""

    guarded_fields = ("new_title", "new_slug")
    confirmable = False  # Wagtail's copy page shows its own fields only, so a contact detail goes from the title


class GuardedTaskCommentForm(PersonalDataGuardMixin, TaskStateCommentForm):
    """A reviewer's comment, which Wagtail keeps and e-mails to the page's author as it was written."""

    guarded_fields = ("comment",)
    confirmation_widget = forms.CheckboxInput  # the modal renders every field: the box appears once the guard warns
