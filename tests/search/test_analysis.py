import time
import types
import unicodedata

import pytest

from taggit.models import Tag

from search import analysis
from search.analysis import (
    BASE_LEXICON,
    STOPWORDS,
    forget_lexicon,
    index_terms,
    lexicon,
    split_compound,
    stem,
    tokens,
)
from search.question import read_question

HOSTILE = [
    "",
    "   \n\t  ",
    "\x00\x01\x1b[31m\x7f",
    "våld & | ! : * ( ) ' \" \\ ,",
    "'; DROP TABLE search_index; --",
    'våld:* & !barn | (oro <-> "hem")',
    '"unterminated',
    "*" * 10_000,
    "!&|" * 3_400,
    "\ud800 lone surrogate",
]


@pytest.fixture
def fresh_lexicon():
    forget_lexicon()
    yield
    forget_lexicon()


# Checked against PostgreSQL 15: SELECT ts_lexize('swedish_stem', word).
@pytest.mark.parametrize(
    ("word", "postgres_stem"),
    [
        ("relationsvåld", "relationsvåld"),
        ("våldsutövare", "våldsutöv"),
        ("våldet", "våldet"),
        ("relationer", "relation"),
        ("nära", "när"),
        ("kvinnor", "kvinn"),
        ("utövaren", "utöv"),
        ("föräldrar", "föräldr"),
        ("heders", "heder"),
        ("behandlingen", "behandling"),
        ("socialtjänsten", "socialtjänst"),
        ("barnen", "barn"),
        ("ungdomar", "ungdom"),
    ],
)
def test_stems_are_the_ones_postgresql_gives(word, postgres_stem):
    assert stem(word) == postgres_stem


def test_stem_lowercases_first():
    assert stem("Relationer") == "relation"


def test_tokens_are_normalised_lowercase_words_in_order():
    decomposed = unicodedata.normalize("NFD", "Våld")
    assert tokens(f"{decomposed} i NÄRA relationer, år 2024!") == ["våld", "i", "nära", "relationer", "år", "2024"]


def test_tokens_split_on_underscores_and_punctuation():
    assert tokens("barn_och_unga e-post:oro") == ["barn", "och", "unga", "e", "post", "oro"]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_gives_only_plain_words_quickly(text):
    started = time.perf_counter()
    words = tokens(text) + read_question(text, use_thesaurus=False).words
    assert time.perf_counter() - started < 0.5
    assert all(word.isalnum() for word in words)


def words_asked(text):
    return read_question(text, use_thesaurus=False).words


def test_a_question_of_operators_and_sql_is_the_words_only():
    assert words_asked('våld:* & !barn | (oro <-> "hem")') == ["våld", "barn", "oro", "hem"]
    assert words_asked("'; DROP TABLE search_index; --") == ["drop", "table", "search", "index"]
    assert words_asked("*" * 10_000) == []
    assert words_asked("   ") == []


def test_a_question_drops_stop_words_and_repeats():
    assert words_asked("oro för barn") == ["oro", "barn"]
    assert words_asked("Våld i nära relationer och våld") == ["våld", "nära", "relationer"]


def test_a_question_is_bounded_in_number_and_length_of_words():
    assert words_asked(" ".join(f"ord{number}" for number in range(40))) == [f"ord{number}" for number in range(32)]
    assert words_asked("a" * 150) == ["a" * 64]


def test_the_stop_words_are_postgresqls_swedish_list():
    assert len(STOPWORDS) == 114
    assert {"och", "i", "för", "man", "när"} <= STOPWORDS
    assert "våld" not in STOPWORDS


def test_the_base_lexicon_holds_lowercase_base_forms_and_no_stop_words():
    assert 150 <= len(BASE_LEXICON) <= 300
    assert {"våld", "relation", "heder", "förtryck", "utövare", "barn", "oro", "anmälan"} <= BASE_LEXICON
    assert not BASE_LEXICON & STOPWORDS
    for word in BASE_LEXICON:
        assert word == unicodedata.normalize("NFC", word.lower()) and word.isalpha() and len(word) >= 3


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("relationsvåld", ["relation", "våld"]),
        ("våldsutövare", ["våld", "utövare"]),
        ("våldsutövaren", ["våld", "utövare"]),
        ("hedersförtryck", ["heder", "förtryck"]),
        ("orosanmälan", ["oro", "anmälan"]),
        ("barnahus", ["barn", "hus"]),
        ("partnervåld", ["partner", "våld"]),
        ("våldet", ["våld"]),
        ("barnen", ["barn"]),
        ("våldsutsatta", ["våld", "utsatt"]),
        ("kvinnojouren", ["kvinna", "jour"]),
        ("skolkuratorn", ["skola", "kurator"]),
        ("föräldrastöd", ["förälder", "stöd"]),
        ("barnahusverksamheten", ["barn", "hus", "verksamhet"]),
    ],
)
def test_compounds_split_into_their_lexicon_words(word, parts):
    assert split_compound(word, BASE_LEXICON) == parts


@pytest.mark.parametrize("word", ["våldtäkt", "valdeltagande", "vald", "barn", "våld", "kontrollera", "makten"])
def test_words_that_are_no_compound_of_lexicon_words_are_not_split(word):
    assert split_compound(word, BASE_LEXICON) == []


def test_diacritics_count_when_splitting():
    assert split_compound("valdsutovare", BASE_LEXICON) == []


def test_parts_shorter_than_three_letters_are_never_used():
    assert split_compound("ekhus", frozenset({"ek", "hus"})) == []


def test_every_part_has_to_be_in_the_lexicon():
    assert split_compound("valdeltagande", frozenset({"val", "del"})) == []
    assert split_compound("valdeltagande", frozenset({"val", "del", "tagande"})) == ["val", "del", "tagande"]
    assert split_compound("hedersrelaterat", frozenset({"heder"})) == []
    assert split_compound("hedersrelaterat", frozenset({"heder", "relatera"})) == ["heder", "relatera"]


def test_the_split_with_the_fewest_longest_parts_wins():
    words = frozenset({"barn", "barnahus", "hus", "verksamhet"})
    assert split_compound("barnahusverksamhet", words) == ["barnahus", "barn", "hus", "verksamhet"]


def test_a_compound_in_the_lexicon_still_gives_its_parts():
    words = BASE_LEXICON | {"relationsvåld"}
    assert split_compound("relationsvåld", words) == ["relation", "våld"]
    assert split_compound("relationsvåldet", words) == ["relationsvåld", "relation", "våld"]


def test_words_with_digits_or_of_unlikely_length_are_not_split():
    assert split_compound("våld2024", BASE_LEXICON) == []
    assert split_compound("våld" * 200, BASE_LEXICON) == []


def test_index_terms_for_sqlite_add_stems_and_parts_and_their_stems():
    assert index_terms("Våldsutövaren och barnen", stems=True, lexicon=BASE_LEXICON) == (
        "våldsutöv våld utövare utöv barn"
    )


def test_index_terms_for_postgresql_add_only_parts():
    assert index_terms("Våldsutövaren och barnen", stems=False, lexicon=BASE_LEXICON) == "våld utövare barn"
    assert index_terms("relationsvåld i familjen", stems=False, lexicon=BASE_LEXICON) == "relation våld familj"


def test_index_terms_skip_stop_words_and_words_with_nothing_to_add():
    assert index_terms("och i för", stems=True, lexicon=BASE_LEXICON) == ""
    assert index_terms("våld barn", stems=True, lexicon=BASE_LEXICON) == ""
    assert index_terms("", stems=False, lexicon=BASE_LEXICON) == ""


def test_lexicon_holds_the_words_of_taxonomies_tags_and_the_thesaurus(db, fresh_lexicon):
    Tag.objects.create(name="Stalkningsärenden", slug="stalkningsarenden")
    words = lexicon()
    assert words >= BASE_LEXICON
    assert "stalkningsärenden" in words
    assert {"gärningsperson", "vinr", "könsstympning"} <= words  # thesaurus
    assert {"försummelse", "civilsamhälle"} <= words  # a form of violence, a sector
    assert "neglect" not in words  # English names stay out
    assert not words & STOPWORDS


def test_lexicon_costs_one_query_per_source_and_is_cached(db, fresh_lexicon, django_assert_num_queries):
    with django_assert_num_queries(8):
        words = lexicon()
    with django_assert_num_queries(0):
        assert lexicon() is words


def test_forget_lexicon_makes_the_next_call_read_again(db, fresh_lexicon, django_assert_num_queries):
    lexicon()
    forget_lexicon()
    with django_assert_num_queries(8):
        lexicon()


def test_the_cached_lexicon_expires_after_five_minutes(db, fresh_lexicon, django_assert_num_queries, monkeypatch):
    now = time.monotonic()
    monkeypatch.setattr(analysis, "time", types.SimpleNamespace(monotonic=lambda: now))
    lexicon()
    monkeypatch.setattr(analysis, "time", types.SimpleNamespace(monotonic=lambda: now + 299))
    with django_assert_num_queries(0):
        lexicon()
    monkeypatch.setattr(analysis, "time", types.SimpleNamespace(monotonic=lambda: now + 301))
    with django_assert_num_queries(8):
        lexicon()


def test_index_terms_use_the_sites_lexicon_by_default(db, fresh_lexicon):
    Tag.objects.create(name="Stalkning", slug="stalkning")
    assert index_terms("stalkningsstödet", stems=False) == "stalkning stöd"


def test_a_reread_lexicon_with_the_same_words_is_the_same_object(db, fresh_lexicon):
    # The word caches are keyed by the lexicon; the same object keeps their lookups cheap.
    words = lexicon()
    forget_lexicon()
    assert lexicon() is words
