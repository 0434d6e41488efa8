"""The small forms behind each moderation button; every one asks why."""

import django_filters

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

from knowledge.tagging import parse_tags
from privacy.forms import PersonalDataGuardMixin

from ..forms import typed_tags
from ..models import Category, ModerationAction
from ..moderation import MIN_FRAGMENT_LENGTH, check_redaction, fragment_occurs_in
from ..permissions import ForumError
from ..services import MAX_TAGS


class ReasonForm(PersonalDataGuardMixin, forms.Form):
    """The reason goes to the moderation log, which must hold no personal data: the guard refuses what it finds."""

    guarded_fields = ("reason",)
    confirmable = False  # a private address or number is refused too, not confirmed

    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        help_text=_("Why you do this. It is saved in the moderation log; do not repeat personal data here."),
    )


class RedactForm(ReasonForm):
    unguarded_because = {"fragment": "it is the personal data being removed, and it is never stored"}
    fragment = forms.CharField(
        label=_("Text to remove"),
        max_length=500,
        min_length=MIN_FRAGMENT_LENGTH,
        help_text=_(
            "Copy the exact words from the source text below, for example a name or a personal identity number. "
            "They are replaced in every version of the post and wherever it is quoted."
        ),
    )
    # Set by the confirmation under the preview of every match: the first press only shows what would go.
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)
    field_order = ["fragment", "reason"]

    def __init__(self, *args, post, **kwargs):
        super().__init__(*args, **kwargs)
        self.post = post

    def clean_fragment(self):
        fragment = self.cleaned_data["fragment"]
        if not fragment_occurs_in(self.post, fragment):
            raise forms.ValidationError(
                _("That text is not in the post or its earlier versions. Copy it exactly from the source text.")
            )
        return fragment

    def clean(self):
        # Before the preview, not only when removing: a reason that repeats the text must not reach the log.
        cleaned_data = super().clean()
        if cleaned_data.get("fragment") and cleaned_data.get("reason"):
            try:
                check_redaction(cleaned_data["fragment"], cleaned_data["reason"])
            except ForumError as error:
                raise forms.ValidationError(error.message) from error
        return cleaned_data


class MoveForm(ReasonForm):
    category = forms.ModelChoiceField(label=_("Move to category"), queryset=Category.objects.in_order())
    field_order = ["category", "reason"]


class RetagForm(ReasonForm):
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        help_text=_("At most five, separated by commas. Leave empty to remove all tags."),
    )
    field_order = ["tags", "reason"]
    guarded_fields = ("tags", "reason")  # the tags as typed (guarded_texts): parsing splits a phone number apart

    def clean_tags(self):
        names = parse_tags(self.cleaned_data["tags"])
        if len(names) > MAX_TAGS:
            raise forms.ValidationError(_("A thread can have at most %(count)s tags.") % {"count": MAX_TAGS})
        return names

    def guarded_texts(self, cleaned_data):
        return {**super().guarded_texts(cleaned_data), "tags": typed_tags(self)}


def moderators_in_log(request):
    return (
        get_user_model()
        .objects.filter(pk__in=ModerationAction.objects.values("moderator"))
        .order_by("first_name", "last_name")
    )


class ModerationLogFilterSet(WagtailFilterSet):
    moderator = django_filters.ModelChoiceFilter(label=_("Moderator"), queryset=moderators_in_log)
    action = django_filters.ChoiceFilter(label=_("Action"), choices=ModerationAction.Action.choices)

    class Meta:
        model = ModerationAction
        fields = []
