"""Query-time expansion: the words a person typed, each with the words that mean the same."""

from .analysis import tokens
from .models import SynonymGroup


def _same(word):
    return word


def synonym_index(normalise=_same):
    """Every known term, as `normalise` reads it → all terms of its group (a term in several groups gets all).

    Terms are kept as words joined by single spaces, the way queries are read; with a stemmer as
    `normalise`, "barn som bevittnat våld" finds the group of "barn som bevittnar våld".
    """
    index = {}
    for group in SynonymGroup.objects.all():
        terms = list(dict.fromkeys(" ".join(tokens(term)) for term in group.term_list))
        for term in terms:
            key = " ".join(normalise(word) for word in term.split())
            index.setdefault(key, [])
            index[key] += [other for other in terms if other not in index[key]]
    return index


def expand(query, index=None, normalise=_same):
    """Split a query into concepts, each a list of alternative phrases, the typed one first.

    Longer known phrases win over their parts: "hedersrelaterat våld och förtryck"
    is one concept, not three. Words not in the thesaurus stay alone.
    """
    index = synonym_index(normalise) if index is None else index
    words = tokens(query)
    keys = [normalise(word) for word in words]
    longest = max((len(term.split()) for term in index), default=1)
    concepts, position = [], 0
    while position < len(words):
        for size in range(min(longest, len(words) - position), 0, -1):
            key = " ".join(keys[position : position + size])
            if key in index:
                typed = " ".join(words[position : position + size])
                concepts.append([typed, *[term for term in index[key] if term != typed]])
                position += size
                break
        else:
            concepts.append([words[position]])
            position += 1
    return concepts
