"""The labels a question names: the tags, target groups, forms of violence and sectors whose names hold a concept.

Editors label a page with what it is about, and a forum thread gets its tags from the person asking: a hit
labelled with what was asked is about it, as one whose title says so is (`dialects.tier` ranks both before
the score). The names are read into memory for a while (`LABELS_SECONDS`, like the lexicon) and forgotten
when a tag changes (`signals`).
"""

import math
import time
from dataclasses import dataclass

from . import analysis
from .filters import MODEL_FACETS

LABELS_SECONDS = 300

_cache: tuple[float, "Labels | None"] = (-math.inf, None)


@dataclass(frozen=True)
class Label:
    facet: str
    value_id: int
    words: tuple  # the words of the Swedish name, stop words left out


@dataclass(frozen=True)
class Labels:
    """Every label, and which of them each form of a word stands in (their positions in `all`)."""

    all: tuple
    swedish: dict  # a word of a Swedish name, its stem or a part of its compound → positions
    english: dict  # a word of an English name, as typed → positions

    def holding(self, word, *, literal=False):
        """The positions of the labels whose name holds `word`: as typed (English), by its stem, or by all its parts."""
        if literal:
            return self.english.get(word, frozenset())
        found = self._with(word)
        parts = analysis.split_compound(word, analysis.lexicon())
        if parts:
            found |= frozenset.intersection(*map(self._with, parts))
        return found

    def _with(self, word):
        return self.swedish.get(word, frozenset()) | self.swedish.get(analysis.stem(word), frozenset())


def _forms(word):
    parts = analysis.split_compound(word, analysis.lexicon())
    return {word, analysis.stem(word), *parts, *map(analysis.stem, parts)}


def _add(index, forms, position):
    for form in forms:
        index.setdefault(form, set()).add(position)


def labels():
    """Every label the search counts facets of, analysed; one query per kind of label when read."""
    global _cache
    read_at, known = _cache
    if known is not None and time.monotonic() - read_at < LABELS_SECONDS:
        return known
    every, swedish, english = [], {}, {}
    for facet, model in MODEL_FACETS.items():
        fields = ["pk", "name", "name_en"] if any(f.name == "name_en" for f in model._meta.fields) else ["pk", "name"]
        for value_id, name, *in_english in model.objects.values_list(*fields):
            words = tuple(word for word in analysis.tokens(name) if word not in analysis.STOPWORDS)
            for word in words:
                _add(swedish, _forms(word), len(every))
            _add(english, analysis.tokens(" ".join(filter(None, in_english))), len(every))
            every.append(Label(facet, value_id, words))
    known = Labels(
        all=tuple(every),
        swedish={form: frozenset(found) for form, found in swedish.items()},
        english={word: frozenset(found) for word, found in english.items()},
    )
    _cache = (time.monotonic(), known)
    return known


def by_value():
    """Every label by (facet, value id)."""
    return {(label.facet, label.value_id): label for label in labels().all}


def forget():
    global _cache
    _cache = (-math.inf, None)


def labelled(concept, *, literal=frozenset()):
    """{facet: [value ids]} of the labels that hold one of the concept's alternatives, every word of it."""
    known = labels()
    positions = set()
    for alternative in filter(None, concept):
        positions |= frozenset.intersection(*(known.holding(word, literal=word in literal) for word in alternative))
    found = {}
    for position in sorted(positions):
        label = known.all[position]
        found.setdefault(label.facet, []).append(label.value_id)
    return found
