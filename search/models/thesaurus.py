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
    broader_terms = models.TextField(
        _("also finds (one way)"),
        blank=True,
        help_text=_(
            "The subject these words are about, one per line: a search for “spionprogram” also finds "
            "“digitalt våld”, but a search for “digitalt våld” does not look for “spionprogram”. For everyday "
            "words people search with."
        ),
    )
    english_terms = models.TextField(
        _("in English"),
        blank=True,
        help_text=_(
            "The same in English, one per line (or separated by =), e.g. domestic violence = intimate partner "
            "violence. A search in English for any of them finds the Swedish words above."
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

    @property
    def broader_list(self):
        return split_terms(self.broader_terms)

    @property
    def english_list(self):
        return split_terms(self.english_terms)

    def clean(self):
        # A search is read as words, so a term without a letter or digit could never be found or expand anything.
        errors = {}
        for name, terms in (
            ("terms", self.term_list),
            ("broader_terms", self.broader_list),
            ("english_terms", self.english_list),
        ):
            wordless = [term for term in terms if not has_letter_or_digit(term)]
            if wordless:
                errors[name] = _("Every word needs a letter or a digit; remove %(terms)s.") % {
                    "terms": ", ".join(f"“{term}”" for term in wordless)
                }
        if errors:
            raise ValidationError(errors)
        # One Swedish word is enough when the group says what it is in English or what it is about.
        if not self.term_list or len(self.term_list) + len(self.broader_list) + len(self.english_list) < 2:
            raise ValidationError({"terms": _("Give at least two words or phrases that mean the same.")})
        self.terms = "\n".join(self.term_list)
        self.broader_terms = "\n".join(self.broader_list)
        self.english_terms = "\n".join(self.english_list)
