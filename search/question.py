"""What was asked, read safely: the concepts of a question and the facets it is narrowed by.

A concept is one thing the person asks about, with its alternatives: the word as typed and,
from the thesaurus, the words that mean the same; an alternative of several words ("våld i nära
relationer") holds only where all of them occur. Nothing here knows a database: the dialects
turn concepts into full-text expressions.
"""

from dataclasses import dataclass

from . import analysis, thesaurus

# Characters of a question read; the rest is cut off, and the person is told.
MAX_QUERY_LENGTH = 200
# Words of a question looked for; a pasted paragraph is cut here.
MAX_QUERY_WORDS = 32
# Characters of one word looked for: more than any real word has, fewer than a pasted token may.
MAX_WORD_LENGTH = 64


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

    @property
    def words(self):
        return [word for concept in self.concepts for alternative in concept for word in alternative]


def read_question(text, *, use_thesaurus=True):
    text = text or ""
    shortened = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH]
    words = analysis.tokens(text)[:MAX_QUERY_WORDS]
    if use_thesaurus:
        concepts = thesaurus.expand(" ".join(words), normalise=analysis.stem)
    else:
        concepts = [[word] for word in words]
    readable = []
    for concept in concepts:
        alternatives = []
        for phrase in concept:
            content = [word[:MAX_WORD_LENGTH] for word in phrase.split() if word not in analysis.STOPWORDS]
            if content and content not in alternatives:
                alternatives.append(content)
        if alternatives and alternatives not in readable:  # "våld … våld" asks for violence once
            readable.append(alternatives)
    return Question(text=" ".join(text.split()), shortened=shortened, concepts=readable)
