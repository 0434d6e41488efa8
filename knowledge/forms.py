"""Forms for knowledge pages in Wagtail: municipal scope and the personal-data guard on every text."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.fields import RichTextField

from accounts import roles
from accounts.models import Municipality
from common.params import positive_int
from privacy.forms import CONFIRMATION_FIELD, PersonalDataGuardMixin, confirmation_field, guard_texts
from privacy.text import plain_text

# Wagtail's bookkeeping for comments: where in the page a comment sits, not text anyone wrote.
NOT_TEXT = {CONFIRMATION_FIELD, "contentpath", "position"}


def is_rich_text(form, name):
    model = getattr(form._meta, "model", None)
    model_field = next((field for field in model._meta.fields if field.name == name), None) if model else None
    return isinstance(model_field, RichTextField)


def texts_of(form, cleaned_data):
    """Every text in a form's cleaned data, by field name: strings, rich text and StreamField blocks."""
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
    """The inline forms of a page form (local uses, contacts, comments …) that are kept, nested ones too."""
    for formset in getattr(form, "formsets", {}).values():
        for child in formset.forms:
            if not cleaned(child).get("DELETE"):
                yield child
                yield from inline_forms(child)


# What Wagtail's widgets raise when a posted value is not what its editor sends (StreamField counts and
# ids, Draftail's JSON): the parsers are Wagtail's, so the project can only catch what they let through.
UNREADABLE_VALUE_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError)
UNREADABLE = _("This value could not be read. Fill it in again with the editor's own controls.")


def read_guarded(form, name, field):
    """Make a field answer a malformed posted value with a form error instead of a server error.

    The widget is given the field's earlier value to show again, so the form
    can be rendered; the field then refuses to clean. A chooser's value must be
    an id: Wagtail looks it up unchecked when it draws the chooser.
    """
    widget, read, clean = field.widget, field.widget.value_from_datadict, field.clean

    def value_from_datadict(data, files, html_name):
        try:
            value = read(data, files, html_name)
            if isinstance(widget, BaseChooser) and value not in (None, "") and positive_int(str(value)) is None:
                raise ValueError(value)
        except UNREADABLE_VALUE_ERRORS:
            form.unreadable_fields.add(name)
            return form.get_initial_for_field(field, name)
        return value

    def clean_readable(value):
        if name in form.unreadable_fields:
            raise forms.ValidationError(UNREADABLE, code="unreadable")
        return clean(value)

    widget.value_from_datadict = value_from_datadict
    field.clean = clean_readable


def guard_reading(form):
    """Guard every field of a page form and of its inline forms (local uses, materials …), nested ones too."""
    form.unreadable_fields = set()
    for name, field in form.fields.items():
        read_guarded(form, name, field)
    for formset in getattr(form, "formsets", {}).values():
        for child in [*formset.forms, formset.empty_form]:
            guard_reading(child)


class MunicipalPageForm(PersonalDataGuardMixin, WagtailAdminPageForm):
    """Offers only the municipalities the person works for; their own is chosen for them.

    Every text on the page, inline forms included, passes the personal-data
    guard; the page's panels show the confirmation box with PersonalDataPanel.
    """

    personal_data_confirmed = confirmation_field()  # declared here too, so that a FieldPanel may name it

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        guard_reading(self)
        if self._meta.fields is not None and CONFIRMATION_FIELD not in self._meta.fields:
            del self.fields[CONFIRMATION_FIELD]  # no panel shows the box, so warnings must be dealt with in the text
        field = self.fields.get("municipality")
        user = self.for_user
        if field is None or user is None or roles.acts_for_all_municipalities(user):
            return
        field.queryset = Municipality.objects.filter(pk=user.municipality_id)
        field.required = True  # a page without a municipality is the joint board's, out of their reach
        if not self.instance.municipality_id and user.municipality_id:
            self.initial["municipality"] = user.municipality_id

    def guarded_texts(self, cleaned_data):
        return texts_of(self, cleaned_data)

    def related_personal_data_warnings(self):
        warnings = []
        for child in inline_forms(self):
            warnings += guard_texts(child, texts_of(child, cleaned(child)))
        return warnings


class MethodPageForm(MunicipalPageForm):
    """A method's form: a local-use row for a municipality the writer does not work for is a suggestion.

    Its own municipality's editors confirm it (knowledge.services.confirm_local_use); a row the writer
    may work on is confirmed by saving it, and a row left untouched keeps what the published page says.
    """

    def save(self, commit=True):
        self.mark_local_use_suggestions()
        return super().save(commit=commit)

    def mark_local_use_suggestions(self):
        formset = self.formsets.get("local_uses")
        if formset is None or self.for_user is None:
            return
        published = dict(formset.model.objects.filter(page_id=self.instance.pk).values_list("pk", "confirmed"))
        for child in formset.forms:
            use = child.instance
            if roles.may_work_on(self.for_user, use.municipality_id):
                use.confirmed = True
            elif child.has_changed() or use.pk not in published:
                use.confirmed = False
            else:
                use.confirmed = published[use.pk]


class PersonalDataPanel(FieldPanel):
    """The box to confirm that a text holds no personal data, shown only when the guard has warned."""

    def __init__(self, field_name=CONFIRMATION_FIELD, **kwargs):
        kwargs.setdefault("disable_comments", True)
        super().__init__(field_name, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return super().is_shown() and bool(getattr(self.form, "personal_data_warnings", ()))
