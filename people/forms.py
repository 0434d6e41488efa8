import re

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from knowledge.tagging import parse_tags
from knowledge.vocabulary import resolve_tags
from privacy.forms import PersonalDataGuardMixin
from privacy.guard import inspect

from .models import MAX_EXPERTISE, Profile

PHONE = re.compile(r"\+?[0-9][0-9 ()-]{4,28}")


class ProfileForm(PersonalDataGuardMixin, forms.ModelForm):
    """What a person says about themselves in the directory; expertise only from the shared vocabulary."""

    guarded_fields = ("unit", "expertise", "can_help_with")
    unguarded_because = {"work_phone": "the person's own work number, which it is for (identity numbers are refused)"}
    confirmable = False  # a profile is about its owner: a detail about someone else is simply removed

    expertise = forms.CharField(
        label=gettext_lazy("Areas of expertise"),
        required=False,
        max_length=1000,
        help_text=gettext_lazy(
            "At most ten, separated by commas, from the intranet's shared tags (e.g. hedersförtryck, skola)."
        ),
    )

    class Meta:
        model = Profile
        fields = ["unit", "expertise", "can_help_with", "work_phone", "show_email"]
        widgets = {"can_help_with": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.current_expertise = [tag.name for tag in self.instance.expertise.all()] if self.instance.pk else []
        self.fields["expertise"].initial = ", ".join(self.current_expertise)
        self.fields["work_phone"].widget.attrs.update(autocomplete="tel-national", inputmode="tel")

    def clean_expertise(self):
        names = parse_tags(self.cleaned_data.get("expertise", ""))
        if len(names) > MAX_EXPERTISE:
            raise forms.ValidationError(
                _("At most %(limit)d areas of expertise: remove %(extra)d.")
                % {"limit": MAX_EXPERTISE, "extra": len(names) - MAX_EXPERTISE}
            )
        self.expertise_names = resolve_tags(names, self.user, kept=self.current_expertise)
        return ", ".join(self.expertise_names)

    def clean_work_phone(self):
        phone = " ".join(self.cleaned_data.get("work_phone", "").split())
        if not phone:
            return ""
        if inspect(phone).blocking or not PHONE.fullmatch(phone):
            raise forms.ValidationError(
                _("Write a phone number with digits, spaces and dashes only, e.g. 08-123 456 78.")
            )
        return phone
