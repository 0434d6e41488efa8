"""Forms for knowledge pages in Wagtail: the personal-data guard on every text, malformed values answered
with a form error, the shared tag vocabulary's rule, addresses nobody has to type, and municipal scope."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets.chooser import BaseChooser

from accounts import roles
from accounts.models import Municipality
from common.params import positive_int
from privacy.admin_forms import GuardedPageForm
from privacy.forms import CONFIRMATION_FIELD

from .permissions import keeps_methods_reviewed
from .slugs import ascii_slug, free_slug, made_from_title, slug_is_free
from .vocabulary import VocabularyTagsMixin

# What Wagtail's widgets raise when a posted value is not what its editor sends (StreamField counts and
# ids, Draftail's JSON): the parsers are Wagtail's, so the project can only catch what they let through.
UNREADABLE_VALUE_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError)
UNREADABLE = _("This value could not be read. Fill it in again with the editor's own controls.")
NOT_STATED = _("Not stated")


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


class KnowledgePageForm(VocabularyTagsMixin, GuardedPageForm):
    """Every page's form: each text passes the personal-data guard, a value Wagtail cannot read is a form
    error, not a server error, tags come from the shared vocabulary, and the address needs no typing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False  # made from the title when left empty (without JavaScript, too)
        guard_reading(self)

    def clean_slug(self):
        """An ASCII address (å→a, ä→a, ö→o); one made from the title that a sibling has is made free with a
        number, since its writer never chose it. A slug the person typed and a sibling has stays an error."""
        title = self.cleaned_data.get("title") or self.data.get("title", "")
        slug = ascii_slug(self.cleaned_data.get("slug"))
        if self.parent_page is None:
            return slug or ascii_slug(title)
        if not slug or (made_from_title(slug, title) and not slug_is_free(slug, self.parent_page, self.instance)):
            return free_slug(self.parent_page, title, page=self.instance)
        return slug


class MunicipalPageForm(KnowledgePageForm):
    """Offers only the municipalities the person works for; their own is chosen for them.

    Every text on the page, inline forms included, passes the personal-data
    guard; the page's panels show the confirmation box with PersonalDataPanel.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("municipality")
        user = self.for_user
        if field is None or user is None or roles.acts_for_all_municipalities(user):
            return
        field.queryset = Municipality.objects.filter(pk=user.municipality_id)
        field.required = True  # a page without a municipality is the joint board's, out of their reach
        if not self.instance.municipality_id and user.municipality_id:
            self.initial["municipality"] = user.municipality_id


class MethodPageForm(MunicipalPageForm):
    """A method's form: a local-use row for a municipality the writer does not work for is a suggestion.

    Its own municipality's editors confirm it (knowledge.services.confirm_local_use); a row the writer
    may work on is confirmed by saving it, and a row left untouched keeps what the published page says.
    A new method starts with a row for its owner's municipality, which the writer may remove. The review
    date is the reviewers' (the review sets it, MunicipalReviewTask), and each prevention and evidence
    level says what it means where it is chosen.
    """

    EXPLAINED_LEVELS = ("prevention_level", "evidence_level")
    REVIEW_FIELDS = ("last_reviewed", "next_review_due")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and not keeps_methods_reviewed(self.for_user):
            for name in self.REVIEW_FIELDS:
                self.fields.pop(name, None)
        for name in self.EXPLAINED_LEVELS:
            if field := self.fields.get(name):
                field.label_from_instance = lambda term: term.explained()
                field.empty_label = NOT_STATED
        if not self.is_bound and self.instance.pk is None:
            self.propose_owners_use()

    def propose_owners_use(self):
        """The owner's municipality uses a new method unless the writer says otherwise by removing the row."""
        municipality_id = self.initial.get("municipality") or self.instance.municipality_id
        formset = self.formsets.get("local_uses")
        if not municipality_id or formset is None or formset.forms:
            return
        with_one_row = type(type(formset).__name__, (type(formset),), {"extra": 1})
        proposed = with_one_row(
            instance=self.instance,
            prefix=formset.prefix,
            form_kwargs=formset.form_kwargs,
            initial=[{"municipality": municipality_id, "status": formset.model.ESTABLISHED}],
        )
        for child in [*proposed.forms, proposed.empty_form]:
            guard_reading(child)
        self.formsets["local_uses"] = proposed

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
