"""Whether a text says anything: titles and posts must hold a letter or a digit a reader can see.

Combining marks ("\u0301") and invisible characters (zero-width spaces, joiners, direction marks,
Hangul fillers) pass a length check and a `required` check, yet show nothing or only smudges.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Letters by category that every font draws as blank space (Unicode's Default_Ignorable_Code_Point letters).
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
# Format characters (Cf: zero-width space and joiners, direction marks, soft hyphen) and marks (Mn, Mc, Me).
INVISIBLE_CATEGORIES = frozenset({"Cf", "Mn", "Mc", "Me"})


def is_invisible(character):
    return character in BLANK_LETTERS or unicodedata.category(character) in INVISIBLE_CATEGORIES


def visible_text(text):
    """The text without invisible characters and combining marks."""
    return "".join(character for character in unicodedata.normalize("NFC", text or "") if not is_invisible(character))


def has_letter_or_digit(text):
    """True when a reader sees at least one letter or digit in the text."""
    return any(unicodedata.category(character)[0] in "LN" for character in visible_text(text))


def validate_has_letter_or_digit(text):
    """A form-field validator: refuse a text of only marks, punctuation or invisible characters."""
    if not has_letter_or_digit(text):
        raise ValidationError(
            _("Write at least one letter or digit: the text holds only invisible characters, marks or punctuation."),
            code="no_letter_or_digit",
        )
