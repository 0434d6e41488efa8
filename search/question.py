"""What was asked, read safely: the concepts of a question and the facets it is narrowed by.

A concept is one thing the person asks about, with its alternatives: the word as typed and,
from the thesaurus, the words that mean the same; an alternative of several words ("våld i nära
relationer") holds only where all of them occur. A question is read in Swedish or in English
(`language_of`): its stop words are that language's, and English words are looked for as typed,
never through the Swedish stemmer ("honor" is not "hon"), while the thesaurus brings the Swedish
terms they mean. Nothing here knows a database: the dialects turn concepts into full-text expressions.
"""

from dataclasses import dataclass, field

from . import analysis, thesaurus, vocabulary
from .stopwords import ENGLISH_STOPWORDS, STOPWORDS

# Characters of a question read; the rest is cut off, and the person is told.
MAX_QUERY_LENGTH = 200
# Words of a question looked for; a pasted paragraph is cut here.
MAX_QUERY_WORDS = 32
# Characters of one word looked for: more than any real word has, fewer than a pasted token may.
MAX_WORD_LENGTH = 64

SWEDISH, ENGLISH = thesaurus.SWEDISH, thesaurus.ENGLISH


@dataclass(frozen=True)
class Filters:
    kinds: tuple = ()
    municipality_id: int | None = None
    facets: tuple = ()  # (Facet, value id) pairs, all of which must hold

    def __bool__(self):
        return bool(self.kinds or self.municipality_id or self.facets)


@dataclass
class Question:
    """What was asked, read safely: the concepts to find, each with its alternatives."""

    text: str
    shortened: bool
    concepts: list  # each a list of alternatives; each alternative a list of words (all must occur)
    language: str = SWEDISH
    literal: frozenset = frozenset()  # words looked for only as typed: English ones
    related: list = field(default_factory=list)  # concepts the first hits are about (pseudo-relevance feedback)
    related_labels: dict = field(default_factory=dict)  # (facet, value id) → how many of the first hits carry it

    @property
    def words(self):
        return [word for concept in self.concepts for alternative in concept for word in alternative]


def english_key(word):
    """An English word as the thesaurus is looked up: without a possessive or a plural s (children stays)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def language_of(words, known, *, hint=SWEDISH):
    """ENGLISH when more of the words are English (stop words, the thesaurus's English terms) than Swedish
    (stop words, the Swedish terms, the index's own words); `hint` (the page's language) when as many are."""
    english_words = known.english_words
    english = sum(1 for word in words if word in ENGLISH_STOPWORDS or english_key(word) in english_words)
    index = vocabulary.vocabulary()
    swedish = sum(
        1
        for word in words
        if word in STOPWORDS
        or word in known.swedish_words
        or (index.frequency(word) and english_key(word) not in english_words)
    )
    if english != swedish:
        return ENGLISH if english > swedish else SWEDISH
    return ENGLISH if hint == ENGLISH else SWEDISH


def read_question(text, *, use_thesaurus=True, language_hint=SWEDISH):
    text = text or ""
    shortened = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH]
    words = analysis.tokens(text)[:MAX_QUERY_WORDS]
    language, literal = SWEDISH, set()
    if use_thesaurus:
        known = thesaurus.load(analysis.stem, english_key)
        language = language_of(words, known, hint=language_hint)
        english_first = language == ENGLISH
        concepts, by_other = thesaurus.expand_with(
            " ".join(words),
            *((known.english, english_key) if english_first else (known.swedish, analysis.stem)),
            *((known.swedish, analysis.stem) if english_first else (known.english, english_key)),
        )
        for position, concept in enumerate(concepts):
            # The typed words are English where the English terms found them, or where nothing did in English.
            from_english = (position in by_other) != english_first
            if from_english or (english_first and len(concept) == 1):
                literal.update(concept[0].split())
    else:
        concepts = [[word] for word in words]
    readable = []
    for concept in concepts:
        alternatives = []
        for phrase in concept:
            stop = STOPWORDS | ENGLISH_STOPWORDS if set(phrase.split()) <= literal else STOPWORDS
            content = [word[:MAX_WORD_LENGTH] for word in phrase.split() if word not in stop]
            if content and content not in alternatives:
                alternatives.append(content)
        if alternatives and alternatives not in readable:  # "våld … våld" asks for violence once
            readable.append(alternatives)
    return Question(
        text=" ".join(text.split()),
        shortened=shortened,
        concepts=readable,
        language=language,
        literal=frozenset(literal),
    )
