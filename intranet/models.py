from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedPage(models.Model):
    """The page an item of an import file became, so that importing the file again updates it."""

    class Kind(models.TextChoices):
        METHOD = "method"
        EXPERIENCE = "experience"
        ARTICLE = "article"
        TOPIC = "topic"

    kind = models.CharField(_("kind of content"), max_length=20, choices=Kind.choices)
    source_id = models.CharField(_("id in the import file"), max_length=200)
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page created by the import"),
        on_delete=models.CASCADE,
        related_name="import_source",
    )

    class Meta:
        verbose_name = _("imported page")
        verbose_name_plural = _("imported pages")
        constraints = [models.UniqueConstraint(fields=["kind", "source_id"], name="unique_import_source")]

    def __str__(self):
        return f"{self.kind} {self.source_id}"
