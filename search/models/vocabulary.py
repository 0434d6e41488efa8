"""The index's own words and how many listed objects use each: what "did you mean" and compound splitting read."""

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_WORD_LENGTH = 40


class IndexWord(models.Model):
    """One word of the listed content and the number of objects it occurs in, rebuilt by `search.vocabulary`."""

    word = models.CharField(_("word"), max_length=MAX_WORD_LENGTH, unique=True)
    stem = models.CharField(_("stem"), max_length=MAX_WORD_LENGTH)
    documents = models.PositiveIntegerField(_("objects"))

    class Meta:
        verbose_name = _("word of the index")
        verbose_name_plural = _("words of the index")

    def __str__(self):
        return f"{self.word} ({self.documents})"
