import pytest

from django.core.exceptions import ValidationError

from common.text import has_letter_or_digit, validate_has_letter_or_digit, visible_text


@pytest.mark.parametrize(
    "text",
    [
        "\u0301\u0301\u0301\u0301\u0301",  # combining acute accents
        "\u200b\u200c\u200d\u2060\ufeff",  # zero-width space, joiners, word joiner, BOM
        "\u200e\u200f\u202e\u00ad",  # direction marks and a soft hyphen
        "\u3164\u3164\u3164",  # Hangul fillers: letters by category, blank in every font
        "!!! ??? ---",
        "",
    ],
)
def test_a_text_of_marks_invisible_characters_or_punctuation_says_nothing(text):
    assert not has_letter_or_digit(text)
    with pytest.raises(ValidationError):
        validate_has_letter_or_digit(text)


@pytest.mark.parametrize("text", ["Våld", "e\u0301", "112", "\u200bBarn\u200b", "ساعدني", "2²"])
def test_a_letter_or_digit_anywhere_is_enough(text):
    assert has_letter_or_digit(text)
    validate_has_letter_or_digit(text)


def test_visible_text_keeps_composed_letters_and_drops_what_cannot_be_seen():
    assert visible_text("Cafe\u0301\u200b!") == "Café!"
