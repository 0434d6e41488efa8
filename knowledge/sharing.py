"""The first step of sharing a method or an experience ("Dela en metod"): a plain form that works without
JavaScript and makes the draft (knowledge.services.start_draft); the rest is written in the editor.

It asks only what a colleague knows at once: the title, a short summary, the municipality when the
person acts for several, and for a method whether their municipality uses it. Drafts the person has
started already are shown first, so an abandoned first try is found rather than started again.
"""

from dataclasses import dataclass

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page, WorkflowState

from accounts import roles
from accounts.models import Municipality
from common.text import validate_has_letter_or_digit
from privacy.forms import PersonalDataGuardMixin

from .models import ExperienceIndexPage, ExperiencePage, MethodIndexPage, MethodLocalUse, MethodPage

SUMMARY_MAX_LENGTH = MethodPage._meta.get_field("summary").max_length
TITLE_MAX_LENGTH = Page._meta.get_field("title").max_length
DRAFTS_SHOWN = 10
NOT_USED = "nej"


@dataclass(frozen=True)
class ShareKind:
    index_model: type
    page_model: type
    heading: str
    introduction: str
    title_help: str


KINDS = {
    "metod": ShareKind(
        MethodIndexPage,
        MethodPage,
        gettext_lazy("Share a method"),
        gettext_lazy(
            "Start with the title and a short summary. Then you fill in the rest in the editor: the description, "
            "who it is for, what is known about it and what it takes. Nothing is published until an editor of "
            "your municipality has reviewed it."
        ),
        gettext_lazy("What the method is called, e.g. “Trygga samtal i skolan”."),
    ),
    "erfarenhet": ShareKind(
        ExperienceIndexPage,
        ExperiencePage,
        gettext_lazy("Share an experience"),
        gettext_lazy(
            "Start with the title and a short summary. Then you fill in the rest in the editor, under fixed "
            "headings: background, what you did, results and lessons. Nothing is published until an editor of "
            "your municipality has reviewed it."
        ),
        gettext_lazy("What you did, in a few words, e.g. “Samtalsgrupper för barn på fritidsgården”."),
    ),
}


class ShareForm(PersonalDataGuardMixin, forms.Form):
    guarded_fields = ("title", "summary")

    title = forms.CharField(
        label=gettext_lazy("Title"),
        max_length=TITLE_MAX_LENGTH,
        validators=[validate_has_letter_or_digit],
        error_messages={
            "required": gettext_lazy("Write a title."),
            "max_length": gettext_lazy(
                "The title is too long: at most %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
    )
    summary = forms.CharField(
        label=gettext_lazy("Summary"),
        max_length=SUMMARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=MethodPage._meta.get_field("summary").help_text,
        validators=[validate_has_letter_or_digit],
        error_messages={
            "required": gettext_lazy("Write a short summary: what it is and for whom."),
            "max_length": gettext_lazy(
                "The summary is too long: at most %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
    )
    municipality = forms.ModelChoiceField(
        label=gettext_lazy("Municipality"),
        queryset=Municipality.objects.order_by("name"),
        empty_label=gettext_lazy("Choose a municipality"),
        help_text=MethodPage._meta.get_field("municipality").help_text,
        error_messages={
            "required": gettext_lazy("Choose the municipality that owns the page."),
            "invalid_choice": gettext_lazy("Choose one of the municipalities in the list."),
        },
    )
    uses_it = forms.ChoiceField(
        choices=[
            (MethodLocalUse.ESTABLISHED, gettext_lazy("Yes, it is established")),
            (MethodLocalUse.TRYING, gettext_lazy("Yes, we are trying it")),
            (NOT_USED, gettext_lazy("No")),
        ],
        initial=MethodLocalUse.ESTABLISHED,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("The method page shows which municipalities use it. You can add more in the editor."),
        error_messages={
            "required": gettext_lazy("Say whether the municipality uses the method."),
            "invalid_choice": gettext_lazy("Choose one of the answers."),
        },
    )

    def __init__(self, *args, user, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].help_text = kind.title_help
        self.fixed_municipality = None if roles.acts_for_all_municipalities(user) else user.municipality
        if self.fixed_municipality is not None:
            del self.fields["municipality"]
        if kind.page_model is MethodPage:
            self.fields["uses_it"].label = (
                _("Does %(municipality)s use the method?") % {"municipality": self.fixed_municipality}
                if self.fixed_municipality
                else _("Does the owning municipality use the method?")
            )
        else:
            del self.fields["uses_it"]

    def page(self, kind):
        """The new page, not yet saved, as the form's answers describe it."""
        data = self.cleaned_data
        return kind.page_model(
            title=data["title"],
            summary=data["summary"],
            municipality=self.fixed_municipality or data["municipality"],
        )

    @property
    def owners_use(self):
        """The status of the owner's municipality's use of the method, or None when it does not use it."""
        answer = self.cleaned_data.get("uses_it")
        return None if answer in (None, "", NOT_USED) else answer


def may_share(user):
    """Whether the person has a municipality to own what they share (the board and administrators choose one)."""
    return roles.acts_for_all_municipalities(user) or user.municipality_id is not None


def drafts_of(user, page_model):
    """The pages of this kind the person started and nobody has published yet, newest first, each with
    `in_review` when it waits for an editor."""
    reviews = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    drafts = page_model.objects.filter(owner=user, live=False).annotate(in_review=Exists(reviews))
    return list(drafts.order_by("-latest_revision_created_at", "-pk")[:DRAFTS_SHOWN])
