"""The shared taxonomies editors maintain as snippets (Swedish names, English translations)."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from privacy.admin_forms import GuardedAdminModelForm


class TermQuerySet(models.QuerySet):
    def in_order(self):
        return self.order_by("sort_order", "name")


class Term(models.Model):
    """A value in one of the taxonomies; shown in the reader's language."""

    name = models.CharField(_("name (Swedish)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(
        _("explanation (Swedish)"),
        blank=True,
        help_text=_("One or two sentences shown where the value is chosen, e.g. who a prevention level is for."),
    )
    description_en = models.TextField(_("explanation (English)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    objects = TermQuerySet.as_manager()

    base_form_class = GuardedAdminModelForm  # the personal-data guard on every text
    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("description"),
        FieldPanel("description_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    @property
    def explanation(self):
        if get_language() == "en" and self.description_en:
            return self.description_en
        return self.description

    def explained(self):
        """The value with its explanation, as a choice reads where it is made: "Selektiv – för grupper …"."""
        return f"{self.label} – {self.explanation}" if self.explanation else self.label


class ViolenceType(Term):
    class Meta(Term.Meta):
        verbose_name = _("form of violence")
        verbose_name_plural = _("forms of violence")


class TargetGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class AgeGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("age group")
        verbose_name_plural = _("age groups")


class PreventionLevel(Term):
    class Meta(Term.Meta):
        verbose_name = _("prevention level")
        verbose_name_plural = _("prevention levels")


class EvidenceLevel(Term):
    class Meta(Term.Meta):
        verbose_name = _("evidence level")
        verbose_name_plural = _("evidence levels")
