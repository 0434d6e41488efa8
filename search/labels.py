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

_cache: tuple[float, "tuple[Label, ...] | None"] = (-math.inf, None)


@dataclass(frozen=True)
class Label:
    facet: str
    value_id: int
    words: tuple  # the words of the Swedish name, stop words left out
    forms: frozenset  # those words, their stems and the parts of their compounds
    english: frozenset  # the words of the English name, as typed


def _words(name):
    return tuple(word for word in analysis.tokens(name) if word not in analysis.STOPWORDS)


def _forms(words):
    forms = set()
    for word in words:
        forms.update((word, analysis.stem(word)))
        for part in analysis.split_compound(word, analysis.lexicon()):
            forms.update((part, analysis.stem(part)))
    return frozenset(forms)


def labels():
    """Every label the search counts facets of, analysed; one query per kind of label when read."""
    global _cache
    read_at, known = _cache
    if known is not None and time.monotonic() - read_at < LABELS_SECONDS:
        return known
    known = []
    for facet, model in MODEL_FACETS.items():
        fields = ["pk", "name", "name_en"] if any(f.name == "name_en" for f in model._meta.fields) else ["pk", "name"]
        for row in model.objects.values_list(*fields):
            value_id, name, english = (*row, "")[:3]
            words = _words(name)
            known.append(Label(facet, value_id, words, _forms(words), frozenset(analysis.tokens(english or ""))))
    known = tuple(known)
    _cache = (time.monotonic(), known)
    return known


def by_value():
    """Every label by (facet, value id)."""
    return {(label.facet, label.value_id): label for label in labels()}


def forget():
    global _cache
    _cache = (-math.inf, None)


def _names(word, label, *, literal):
    if literal:
        return word in label.english
    if word in label.forms or analysis.stem(word) in label.forms:
        return True
    parts = analysis.split_compound(word, analysis.lexicon())
    return bool(parts) and all(analysis.stem(part) in label.forms or part in label.forms for part in parts)


def labelled(concept, *, literal=frozenset()):
    """{facet: [value ids]} of the labels that hold one of the concept's alternatives, every word of it."""
    found = {}
    for label in labels():
        if any(all(_names(word, label, literal=word in literal) for word in alternative) for alternative in concept):
            found.setdefault(label.facet, []).append(label.value_id)
    return found
