"""The field's own language for search: words that mean the same, maintained by editors."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.text import has_letter_or_digit
from privacy.admin_forms import GuardedAdminModelForm

TERM_SEPARATOR = re.compile(r"\s*(?:=|\n|;)\s*")


def split_terms(text):
    """The terms of a group, tidied, in lower case, once each: "Relationsvåld = VINR" → relationsvåld, vinr."""
    terms = (" ".join(term.split()).casefold() for term in TERM_SEPARATOR.split(text or ""))
    return list(dict.fromkeys(term for term in terms if term))


class SynonymGroup(models.Model):
    """Words and abbreviations that mean the same thing; a search for one also finds the others."""

    terms = models.TextField(
        _("words that mean the same"),
        help_text=_(
            "One word or phrase per line (or separated by =), e.g. relationsvåld = våld i nära relationer = VINR. "
            "A search for any of them finds all of them."
        ),
    )
    note = models.CharField(_("note for editors"), max_length=200, blank=True)

    base_form_class = GuardedAdminModelForm  # the personal-data guard on every text

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym group")
        verbose_name_plural = _("thesaurus")

    def __str__(self):
        return " = ".join(self.term_list)

    @property
    def term_list(self):
        return split_terms(self.terms)

    def clean(self):
        # A search is read as words, so a term without a letter or digit could never be found or expand anything.
        wordless = [term for term in self.term_list if not has_letter_or_digit(term)]
        if wordless:
            raise ValidationError(
                {
                    "terms": _("Every word needs a letter or a digit; remove %(terms)s.")
                    % {"terms": ", ".join(f"“{term}”" for term in wordless)}
                }
            )
        if len(self.term_list) < 2:
            raise ValidationError({"terms": _("Give at least two words or phrases that mean the same.")})
        self.terms = "\n".join(self.term_list)
