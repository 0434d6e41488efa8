"""The index's own words: counted from what the search lists, read for "did you mean" and for splitting compounds.

`refresh()` counts, for every word of the listed content, in how many objects it occurs, and
replaces `IndexWord` with the counts in one transaction; `manage.py refresh_search_vocabulary`
runs it from cron (see the README), `search_eval` and `seed_demo` after their imports. The counts
are read into memory for a while (`VOCABULARY_SECONDS`), like the lexicon.

A word is suggested only when the corrected search finds something the person may see, so a
word that occurs only where they may not look is never shown to them.
"""

import bisect
import math
import time
from dataclasses import dataclass

from django.db import transaction

from forum.models import Post, Thread

from . import analysis
from .documents import REGISTRY, indexed_text
from .models import IndexWord, SynonymGroup, split_terms
from .models.vocabulary import MAX_WORD_LENGTH
from .permissions import listable_pages

VOCABULARY_SECONDS = 300
MIN_WORD = 3
# Words the editors chose (thesaurus, taxonomies, lexicon) count as if this many objects used them.
CHOSEN_WEIGHT = 5
# A compound is split by frequency only when it is at least this long, and each part at least MIN_WORD.
MIN_COMPOUND = 7
LINKS = ("", "s", "e")
LETTERS = "abcdefghijklmnopqrstuvwxyzåäöéü"

_cache: tuple[float, "Vocabulary | None"] = (-math.inf, None)


def _listed(model):
    if issubclass(model, Thread):
        return Thread.objects.filter(is_hidden=False)
    if issubclass(model, Post):
        return Post.objects.filter(is_hidden=False, thread__is_hidden=False, number__gt=1)
    return listable_pages(model)


def count_words(objects):
    """Word → in how many of `objects` it occurs (letters only, MIN_WORD to MAX_WORD_LENGTH long)."""
    counts = {}
    for obj in objects:
        words = {
            word
            for word in analysis.tokens(indexed_text(obj))
            if MIN_WORD <= len(word) <= MAX_WORD_LENGTH and word.isalpha()
        }
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    return counts


def refresh():
    """Count the words of everything the search lists and replace the stored counts; returns how many words."""
    counts = {}
    for model in REGISTRY:
        for word, found in count_words(_listed(model).iterator(chunk_size=500)).items():
            counts[word] = counts.get(word, 0) + found
    with transaction.atomic():
        IndexWord.objects.all().delete()
        IndexWord.objects.bulk_create(
            (IndexWord(word=word, stem=analysis.stem(word), documents=found) for word, found in sorted(counts.items())),
            batch_size=1000,
        )
    forget()
    return len(counts)


def forget():
    global _cache
    _cache = (-math.inf, None)


@dataclass
class Vocabulary:
    counts: dict  # word → objects it occurs in (chosen words at least CHOSEN_WEIGHT)
    ordered: list  # the words, sorted, for prefixes
    by_start: dict  # (first letter, length) → words, for corrections two edits away
    stems: dict  # stem → the most used word of the index with it

    @classmethod
    def of(cls, counts, stems=None):
        by_start = {}
        for word in counts:
            by_start.setdefault((word[0], len(word)), []).append(word)
        return cls(counts=counts, ordered=sorted(counts), by_start=by_start, stems=stems or {})

    def frequency(self, word):
        return self.counts.get(word, 0)

    def prefix_frequency(self, prefix):
        """Objects of all words starting with `prefix`, summed (an upper bound: one object may hold several)."""
        start = bisect.bisect_left(self.ordered, prefix)
        total = 0
        for word in self.ordered[start:]:
            if not word.startswith(prefix):
                break
            total += self.counts[word]
        return total


def vocabulary():
    """The stored counts and the words editors chose, cached for VOCABULARY_SECONDS (two queries when read)."""
    global _cache
    read_at, words = _cache
    if words is not None and time.monotonic() - read_at < VOCABULARY_SECONDS:
        return words
    counts, stems = {}, {}
    for word, stem, found in IndexWord.objects.values_list("word", "stem", "documents").order_by("documents", "word"):
        counts[word] = found
        stems[stem] = word  # read from the least used up, so the most used word of a stem stays
    chosen = set(analysis.lexicon())
    for terms, english in SynonymGroup.objects.values_list("terms", "english_terms"):
        chosen.update(word for term in split_terms(terms) + split_terms(english) for word in analysis.tokens(term))
    for word in chosen:
        if len(word) >= MIN_WORD and word.isalpha():
            counts[word] = max(counts.get(word, 0), CHOSEN_WEIGHT)
    words = Vocabulary.of(counts, stems)
    _cache = (time.monotonic(), words)
    return words


# Did you mean


def _one_edit(word):
    splits = [(word[:position], word[position:]) for position in range(len(word) + 1)]
    deleted = [left + right[1:] for left, right in splits if right]
    swapped = [left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1]
    replaced = [left + letter + right[1:] for left, right in splits if right for letter in LETTERS]
    inserted = [left + letter + right for left, right in splits for letter in LETTERS]
    return set(deleted + swapped + replaced + inserted) - {word}


def distance(first, second, *, limit):
    """The optimal string alignment distance (an edit: a letter left out, added, changed, or two swapped); above
    `limit` it stops early and says limit + 1."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous_row, row = None, list(range(len(second) + 1))
    for i, letter in enumerate(first, start=1):
        current = [i] + [0] * len(second)
        for j, other in enumerate(second, start=1):
            cost = letter != other
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and letter == second[j - 2] and first[i - 2] == other:
                current[j] = min(current[j], previous_row[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous_row, row = row, current
    return row[-1]


def correction(word, words=None):
    """The known word `word` was most likely meant to be: one edit away, or two for words of eight letters or
    more, the most used first; None when it is known already or nothing is close."""
    words = vocabulary() if words is None else words
    if len(word) < MIN_WORD or not word.isalpha() or words.frequency(word):
        return None
    close = [candidate for candidate in _one_edit(word) if words.frequency(candidate)]
    if not close and len(word) >= MIN_COMPOUND:
        # A slip in a long inflected word: "relationsåldsteam" is one letter from the stem of "relationsvåldsteamet".
        close = [words.stems[stem] for stem in _one_edit(analysis.stem(word)) if stem in words.stems]
    if not close and len(word) >= 8:
        close = [
            candidate
            for length in range(len(word) - 2, len(word) + 3)
            for candidate in words.by_start.get((word[0], length), [])
            if distance(word, candidate, limit=2) <= 2
        ]
    if not close:
        return None
    return max(close, key=lambda candidate: (words.frequency(candidate), candidate))


# Compounds by the index's own frequencies


def split_by_frequency(word, words=None):
    """[head, tail] when `word` reads better as two words of the index than as itself, else [].

    The tail must be a word of the index; the head may be one, or the start of some (dejting- in
    dejtingrelationer). The split whose parts are the most used (their geometric mean) wins, and it
    must be more used than the word itself (Koehn and Knight's measure).
    """
    words = vocabulary() if words is None else words
    if len(word) < MIN_COMPOUND or not word.isalpha():
        return []
    best, best_score = [], words.frequency(word)
    for end in range(MIN_WORD + 1, len(word) - MIN_WORD + 1):
        head = word[:end]
        head_frequency = words.frequency(head) or words.prefix_frequency(head) // 2
        if not head_frequency:
            continue
        for link in LINKS:
            if not word.startswith(link, end):
                continue
            tail = word[end + len(link) :]
            if len(tail) < MIN_WORD:
                continue
            tail_frequency = words.frequency(tail)
            score = math.sqrt(head_frequency * tail_frequency)
            if tail_frequency and score > best_score:
                best, best_score = [head, tail], score
    return best
