"""Query-time expansion: the words a person typed, each with the words that mean the same."""

import re

from .models import SynonymGroup


def words_of(text):
    return re.findall(r"\w+", text.casefold())


def synonym_index():
    """Every known term → all terms of its group (a term in several groups gets all of them).

    Terms are kept as words joined by single spaces, the way queries are read.
    """
    index = {}
    for group in SynonymGroup.objects.all():
        terms = list(dict.fromkeys(" ".join(words_of(term)) for term in group.term_list))
        for term in terms:
            index.setdefault(term, [])
            index[term] += [other for other in terms if other not in index[term]]
    return index


def expand(query, index=None):
    """Split a query into concepts, each a list of alternative phrases, the typed one first.

    Longer known phrases win over their parts: "hedersrelaterat våld och förtryck"
    is one concept, not three. Words not in the thesaurus stay alone.
    """
    index = synonym_index() if index is None else index
    words = words_of(query)
    longest = max((len(term.split()) for term in index), default=1)
    concepts, position = [], 0
    while position < len(words):
        for size in range(min(longest, len(words) - position), 0, -1):
            phrase = " ".join(words[position : position + size])
            if phrase in index:
                concepts.append([phrase, *[term for term in index[phrase] if term != phrase]])
                position += size
                break
        else:
            concepts.append([words[position]])
            position += 1
    return concepts
