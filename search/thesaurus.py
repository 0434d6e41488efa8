"""Query-time expansion: the words a person typed, each with the words that mean the same.

Each synonym group holds Swedish terms that mean the same, the broader terms its everyday words
are about (one way: "spionprogram" also finds "digitalt våld"), and the same in English. A Swedish
term finds its group's terms and broader terms; an English term finds the English terms and the
Swedish ones, so that a question asked in English finds the Swedish content.
"""

from dataclasses import dataclass

from common import versions

from .analysis import tokens
from .models import SynonymGroup, split_terms

SWEDISH, ENGLISH = "sv", "en"

# The version token (common/versions.py) of the synonym groups: renewed by every save and deletion of one
# (search/signals.py), so that every process reads the groups again on its next search.
SYNONYMS_VERSION = "synonyms"
# This process's thesauri of the current version, by the normalisers they were read with.
_loaded = {}


def _same(word):
    return word


def _phrases(text):
    return list(dict.fromkeys(" ".join(tokens(term)) for term in split_terms(text)))


@dataclass(frozen=True)
class Thesaurus:
    """Every known term of one language, as `normalise` reads it → the terms it finds."""

    swedish: dict
    english: dict

    def of(self, language):
        return self.english if language == ENGLISH else self.swedish

    @property
    def english_words(self):
        return {word for term in self.english for word in term.split()}

    @property
    def swedish_words(self):
        return {word for term in self.swedish for word in term.split()}


def _add(index, key, terms):
    index.setdefault(key, [])
    index[key] += [term for term in terms if term not in index[key]]


def load(normalise=_same, english_normalise=_same):
    """The thesaurus: read in one query, then kept in this process until a synonym group changes.

    Every search reads it; reading and stemming every group took a tenth of a search's time. A term in several
    groups finds all of them. Terms are kept as words joined by single spaces, the way queries are read; with a
    stemmer as `normalise`, "barn som bevittnat våld" finds the group of "barn som bevittnar våld". Callers
    only read what it returns.
    """
    (version,) = versions.tokens(SYNONYMS_VERSION)
    key = (version, normalise, english_normalise)
    if key not in _loaded:
        thesaurus = _read(normalise, english_normalise)
        if any(known_version != version for known_version, *_normalisers in _loaded):
            _loaded.clear()  # an older version's: never asked for again
        _loaded[key] = thesaurus
    return _loaded[key]


def _read(normalise, english_normalise):
    groups = [
        (_phrases(terms), _phrases(broader), _phrases(english))
        for terms, broader, english in SynonymGroup.objects.values_list("terms", "broader_terms", "english_terms")
    ]
    group_of = {}
    for terms, _broader, _english in groups:
        for term in terms:
            _add(group_of, term, terms)
    swedish, english = {}, {}
    for terms, broader, english_terms in groups:
        # A broader term brings the words that mean the same as it: "barn som upplever våld" also "… bevittnar …".
        wider = [found for term in broader for found in [term, *group_of.get(term, [])]]
        for term in terms:
            _add(swedish, " ".join(normalise(word) for word in term.split()), [*terms, *wider])
        for term in english_terms:
            _add(english, " ".join(english_normalise(word) for word in term.split()), [*terms, *wider])
    return Thesaurus(swedish=swedish, english=english)


def synonym_index(normalise=_same):
    """Every Swedish term, as `normalise` reads it → the terms it finds (kept for callers of one language)."""
    return load(normalise).swedish


def expand(query, index=None, normalise=_same, *, fallback=None, fallback_normalise=_same):
    """Split a query into concepts, each a list of alternative phrases, the typed one first.

    Longer known phrases win over their parts: "hedersrelaterat våld och förtryck" is one concept,
    not three. Where `index` knows no phrase, `fallback` (the other language's) is tried. Words
    neither knows stay alone. Returns the concepts and the positions of those the fallback found.
    """
    index = synonym_index(normalise) if index is None else index
    concepts, _found_by_fallback = expand_with(query, index, normalise, fallback or {}, fallback_normalise)
    return concepts


def expand_with(query, index, normalise, fallback, fallback_normalise):
    words = tokens(query)
    lookups = [(index, [normalise(word) for word in words]), (fallback, [fallback_normalise(word) for word in words])]
    longest = max((len(term.split()) for known, _keys in lookups for term in known), default=1)
    concepts, by_fallback, position = [], set(), 0
    while position < len(words):
        for size in range(min(longest, len(words) - position), 0, -1):
            typed = " ".join(words[position : position + size])
            found = next(
                (
                    (number, known[key])
                    for number, (known, keys) in enumerate(lookups)
                    if (key := " ".join(keys[position : position + size])) in known
                ),
                None,
            )
            if found:
                number, terms = found
                if number:
                    by_fallback.add(len(concepts))
                concepts.append([typed, *[term for term in terms if term != typed]])
                position += size
                break
        else:
            concepts.append([words[position]])
            position += 1
    return concepts, by_fallback
