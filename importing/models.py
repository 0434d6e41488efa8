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
        # The table kept its name when the model moved here from intranet: the move changed no data.
        db_table = "intranet_importedpage"
        verbose_name = _("imported page")
        verbose_name_plural = _("imported pages")
        constraints = [models.UniqueConstraint(fields=["kind", "source_id"], name="unique_import_source")]

    def __str__(self):
        return f"{self.kind} {self.source_id}"


class ImportedThread(models.Model):
    """The forum thread an item of an import file became, so that importing the file again updates it."""

    source_id = models.CharField(_("id in the import file"), max_length=200, unique=True)
    thread = models.OneToOneField(
        "forum.Thread",
        verbose_name=_("thread created by the import"),
        on_delete=models.CASCADE,
        related_name="import_source",
    )
    # The number each post of the file became, in the file's order: replies written in the forum in
    # between keep their own numbers, and the file's posts are still found again.
    post_numbers = models.JSONField(_("numbers of the imported posts"), default=list)

    class Meta:
        db_table = "intranet_importedthread"
        verbose_name = _("imported thread")
        verbose_name_plural = _("imported threads")

    def __str__(self):
        return f"thread {self.source_id}"
