"""The forms people write with. Every text passes the personal-data guard before it is saved."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from common.params import positive_ints
from common.text import validate_has_letter_or_digit
from knowledge.models import discussable_pages
from knowledge.tagging import parse_tags
from knowledge.vocabulary import resolve_tags
from privacy.forms import PersonalDataGuardMixin

from .mentions import MAX_MENTIONS, mention_count
from .models import Category, ReportReason, ThreadKind
from .models.threads import BODY_MAX_LENGTH, TITLE_MAX_LENGTH
from .services import MAX_TAGS

TITLE_MIN_LENGTH = 5
MAX_QUOTES = 10
BODY_HELP = _(
    "Markdown: **bold**, *italics*, lists with -, quotes with >. Mention a colleague with @ and their name, "
    "e.g. @Anna Larsson; when two share the name, add the municipality: @Anna Larsson (Järfälla). "
    "Never write anything that can identify a client."
)


def validate_mention_count(body):
    """Refuse more mentions than a post notifies, rather than leave some colleagues silently out."""
    count = mention_count(body)
    if count > MAX_MENTIONS:
        raise forms.ValidationError(
            _("You can mention at most %(limit)d colleagues in one post; this one mentions %(count)d.")
            % {"limit": MAX_MENTIONS, "count": count},
            code="too_many_mentions",
        )


class PostBodyField(forms.CharField):
    widget = forms.Textarea

    def __init__(self, **kwargs):
        super().__init__(
            label=_("Text"),
            max_length=BODY_MAX_LENGTH,
            help_text=BODY_HELP,
            validators=[validate_has_letter_or_digit, validate_mention_count],
            error_messages={
                "required": _("Write something before you send."),
                "max_length": _("The text is too long: at most %(limit_value)d characters (it has %(show_value)d)."),
            },
            **kwargs,
        )
        self.widget.attrs.update({"rows": 8, "data-mentions": ""})


class SubmissionKeyMixin(forms.Form):
    """A fresh id per form shown: the same form sent twice is recognised and saved once."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())


def typed_tags(form):
    """The tags as typed, for the guard (a new word may join the vocabulary): parsing splits "070-123 45 67" apart."""
    return form["tags"].value() or ""


class ThreadForm(PersonalDataGuardMixin, SubmissionKeyMixin, forms.Form):
    guarded_fields = ("title", "tags", "body")  # a new tag joins the shared vocabulary

    title = forms.CharField(
        label=_("Title"),
        min_length=TITLE_MIN_LENGTH,
        max_length=TITLE_MAX_LENGTH,
        validators=[validate_has_letter_or_digit],
        help_text=_("A question or a short summary, so colleagues know what the thread is about."),
        error_messages={
            "required": _("Give the thread a title."),
            "min_length": _("The title is too short: at least %(limit_value)d characters."),
            "max_length": _("The title is too long: at most %(limit_value)d characters (it has %(show_value)d)."),
        },
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=ThreadKind.choices,
        initial=ThreadKind.QUESTION,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the kinds: question, idea, experience or collaboration.")},
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.none(),
        empty_label=_("Choose a category"),
        error_messages={
            "required": _("Choose a category."),
            "invalid_choice": _("That category does not exist or is not open to you. Choose one from the list."),
        },
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        help_text=_("At most five, separated by commas, from the intranet's shared tags (e.g. orosanmälan, skola)."),
        widget=forms.TextInput(attrs={"data-tag-autocomplete": "", "autocomplete": "off"}),
    )
    body = PostBodyField()
    knowledge_page = forms.ModelChoiceField(
        queryset=Page.objects.none(),  # the methods and experiences the person may see, set per person
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("The page to discuss does not exist or is not open to you.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["category"].queryset = Category.objects.visible_to(user).in_order()
        self.fields["knowledge_page"].queryset = discussable_pages(user)
        self.tag_names = []

    def guarded_texts(self, cleaned_data):
        return {**super().guarded_texts(cleaned_data), "tags": typed_tags(self)}

    def clean_tags(self):
        names = parse_tags(self.cleaned_data.get("tags", ""))
        if len(names) > MAX_TAGS:
            raise forms.ValidationError(
                _("At most %(limit)d tags: remove %(extra)d.") % {"limit": MAX_TAGS, "extra": len(names) - MAX_TAGS}
            )
        # The shared vocabulary's rule, as in every page's form: known tags as the vocabulary spells them,
        # synonyms as their tags, a new word only from those who keep the vocabulary.
        self.tag_names = resolve_tags(names, self.user)
        return ", ".join(self.tag_names)


class ReplyForm(PersonalDataGuardMixin, SubmissionKeyMixin, forms.Form):
    guarded_fields = ("body",)

    body = PostBodyField()
    quoted = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_quoted(self):
        return positive_ints(self.cleaned_data.get("quoted", ""), limit=MAX_QUOTES)


class EditPostForm(PersonalDataGuardMixin, forms.Form):
    """Edit a post; for the author of a hidden post, saving also asks the moderators to show it again."""

    guarded_fields = ("title", "body", "message")

    title = ThreadForm.base_fields["title"]
    body = PostBodyField()
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    message = forms.CharField(
        label=_("To the moderators (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you changed, or why the post can be shown. Do not repeat any personal data."),
    )

    def __init__(self, *args, post, asking_to_show_again=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not post.is_first:
            del self.fields["title"]
        if not asking_to_show_again:
            del self.fields["message"]


class ReportForm(PersonalDataGuardMixin, forms.Form):
    guarded_fields = ("explanation",)
    confirmable = False  # no room for the confirmation box: a private address or number is refused too

    reason = forms.ChoiceField(
        label=_("What is wrong?"),
        choices=ReportReason.for_members(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a reason."), "invalid_choice": _("Choose one of the reasons.")},
    )
    explanation = forms.CharField(
        label=_("Tell the moderators more (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Do not repeat any personal data you found: the moderators see the post."),
    )
