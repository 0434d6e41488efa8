"""What a person says about themselves in the directory: unit, expertise from the shared vocabulary, contact details.

Name, municipality, sector and job title live on the account (accounts.User); this is what the person keeps.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

MAX_EXPERTISE = 10


class Profile(models.Model):
    """The part of a person's directory entry that they edit themselves ("Redigera profil")."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="profile",
    )
    unit = models.CharField(
        _("unit"), max_length=150, blank=True, help_text=_("Where you work, e.g. “Barn- och ungdomsenheten”.")
    )
    expertise = models.ManyToManyField(Tag, through="Expertise", blank=True, related_name="+")
    can_help_with = models.TextField(
        _("I can help with"),
        max_length=500,
        blank=True,
        help_text=_("A few words on what colleagues may ask you about. Never write about clients."),
    )
    work_phone = models.CharField(
        _("work phone"),
        max_length=30,
        blank=True,
        help_text=_("Your work number, shown on your profile to signed-in colleagues. Leave empty to show none."),
    )
    show_email = models.BooleanField(
        _("show my e-mail address on my profile"),
        default=False,
        help_text=_("Only signed-in colleagues see the profile."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return str(self.user)


class Expertise(models.Model):
    """A tag of the shared vocabulary a person knows about. Merging tags moves it (knowledge.vocabulary.merge_tags)."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="expertise_rows")
    tag = models.ForeignKey(Tag, verbose_name=_("tag"), on_delete=models.CASCADE, related_name="expertise_of")

    class Meta:
        verbose_name = _("expertise")
        verbose_name_plural = _("expertise")
        constraints = [models.UniqueConstraint(fields=["profile", "tag"], name="people_expertise_once_per_tag")]

    def __str__(self):
        return f"{self.profile}: {self.tag}"
