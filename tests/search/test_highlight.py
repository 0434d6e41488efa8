import re

import pytest

from django.utils.safestring import SafeString

from search.analysis import BASE_LEXICON, forget_lexicon
from search.highlight import highlight, snippet_forms

FILLER = "Skolan och förskolan arbetar med trygghet och rutiner varje vecka. "


def plain(snippet):
    return re.sub(r"</?mark>", "", snippet)


def test_snippet_forms_are_the_query_words_and_their_stems():
    assert snippet_forms(["Relationer", "våld i nära relationer"]) == {"relationer", "relation", "våld", "nära", "när"}


def test_a_short_text_comes_back_whole_with_its_matches_marked():
    snippet = highlight("Våld i nära relationer", snippet_forms(["våld"]), lexicon=BASE_LEXICON)
    assert isinstance(snippet, SafeString)
    assert snippet == "<mark>Våld</mark> i nära relationer"


def test_inflected_forms_are_marked_through_their_stems():
    snippet = highlight("Relationen och relationerna", snippet_forms(["relationer"]), lexicon=BASE_LEXICON)
    assert snippet == "<mark>Relationen</mark> och <mark>relationerna</mark>"


def test_a_compound_is_marked_whole_when_one_of_its_parts_matches():
    snippet = highlight("Om relationsvåld och våldet.", snippet_forms(["våld"]), lexicon=BASE_LEXICON)
    assert snippet == "Om <mark>relationsvåld</mark> och <mark>våldet</mark>."


def test_the_text_is_escaped_around_and_inside_marks():
    snippet = highlight("<script>alert('våld')</script> <b>våld</b> & co", {"våld"}, lexicon=BASE_LEXICON)
    assert "<script>" not in snippet and "<b>" not in snippet
    assert snippet == (
        "&lt;script&gt;alert(&#x27;<mark>våld</mark>&#x27;)&lt;/script&gt; "
        "&lt;b&gt;<mark>våld</mark>&lt;/b&gt; &amp; co"
    )


def test_whitespace_and_control_characters_collapse_to_single_spaces():
    assert highlight("oro\n\n  för\tbarn\x00!", {"barn"}, lexicon=BASE_LEXICON) == "oro för <mark>barn</mark> !"


def test_a_long_text_is_cut_at_word_boundaries_around_the_matches():
    text = FILLER * 10 + "Här berättar en våldsutsatt kvinna om stödet. " + FILLER * 10
    snippet = highlight(text, snippet_forms(["stöd"]), length=120, lexicon=BASE_LEXICON)
    assert snippet.startswith("… ") and snippet.endswith(" …")
    inner = plain(snippet)[2:-2]
    assert len(inner) <= 120
    assert f" {inner} " in f" {text.strip()} "  # whole words only
    assert "<mark>stödet</mark>" in snippet
    before, after = inner.split("stödet")
    assert abs(len(before) - len(after)) < 40


def test_the_window_with_the_most_matches_is_shown():
    text = "Barn nämns här. " + FILLER * 10 + "Barn och barnen, barnets oro. " + FILLER * 10
    snippet = highlight(text, snippet_forms(["barn"]), length=100, lexicon=BASE_LEXICON)
    assert snippet.count("<mark>") == 3
    assert snippet.startswith("… ")


def test_without_matches_the_start_of_the_text_is_shown():
    text = FILLER * 10
    snippet = highlight(text, snippet_forms(["kvinnojour"]), length=100, lexicon=BASE_LEXICON)
    assert "<mark>" not in snippet
    assert snippet.startswith("Skolan och förskolan") and snippet.endswith(" …")
    assert len(snippet) <= 102


def test_a_word_longer_than_the_snippet_is_cut_inside():
    snippet = highlight("x" * 1_000 + " våld", {"våld"}, length=50, lexicon=BASE_LEXICON)
    assert snippet == "… <mark>våld</mark>"
    assert highlight("-" * 1_000, {"våld"}, length=50, lexicon=BASE_LEXICON) == "-" * 50 + " …"


@pytest.mark.parametrize("text", ["", "   \n ", "\x00"])
def test_empty_text_gives_an_empty_snippet(text):
    assert highlight(text, {"våld"}, lexicon=BASE_LEXICON) == ""


def test_the_sites_lexicon_is_used_by_default(db):
    forget_lexicon()
    assert highlight("Om partnervåldet", {"partnervåld"}) == "Om <mark>partnervåldet</mark>"
    forget_lexicon()
