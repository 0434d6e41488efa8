"""The organiser's forms; the one with free text passes the personal-data guard."""

from django import forms
from django.utils.translation import gettext_lazy as _

from privacy.forms import PersonalDataGuardMixin

SUBJECT_LENGTH = 150


class ParticipantMessageForm(PersonalDataGuardMixin, forms.Form):
    """Only a subject line: the message's body is the event's title and address, never typed text."""

    guarded_fields = ("subject",)
    confirmable = False  # a private address or number is refused, not confirmed: it would go to every participant

    subject = forms.CharField(
        label=_("Subject"),
        max_length=SUBJECT_LENGTH,
        help_text=_(
            "For example “The room has changed” or “Bring your laptop”. The message itself holds only the event's "
            "title and a link to its page. Never write anything about a person here."
        ),
    )
