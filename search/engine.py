"""The one search: a ranked, permission-checked, faceted query over everything the site lists.

The words come from modelsearch's index table (FTS5 on SQLite, tsvector on PostgreSQL); who may
see a hit and its facets come from `SearchDocument`. Both are read in one SQL statement per
question — ranked hits for one page, and the facet counts — so no result set is ever loaded
into Python: only the objects on the page are. What was asked is read in `question`; how each
database words the statement is in `dialects`.

What it costs at 200 000 posts (issue 16; docs/operations.md, "The search at scale"), and why so:

- A broad question (more than WINDOW_FROM expected hits, PostgreSQL) ranks only its WINDOW best index
  entries against their documents: PostgreSQL must read and rank every matching entry anyway (that
  is the raw full-text query, 0.2 s for "våld"'s 84 000), but joining each of them to its document,
  its labels and its facets doubled that and more. The best thousand hold the first pages; the page
  says that more matched and counts the filters among the best, as the big search engines show
  estimates. The hits themselves are checked as every hit is (the side table, then the objects).
  Exact counts of everything were the other way: one GROUP BY pass over all the hits' documents
  still cost a second at 84 000 hits. A filter, the newest first and a page past the window look at
  every hit, exactly.
- A question without synonyms tests each entry once: what was typed is then what was searched.
- The facet counts stay in the statement of the hits (GROUP BY over the hits, one pass); the page's
  other reads are fixed and few: the rooms a reader sees and Wagtail's restricted sections are kept
  per version of what decides them, a hit's municipality comes with its object, its tags in one
  query, the facets' names in one.
- What a statement found (the page's hits, the counts, the facets) is kept in the cache, keyed on the statement
  itself (its words, labels, rooms, filters and page) and the index's version token, which every write of the index
  renews (`documents.INDEX_VERSION`): asked again, as the popular questions are, a search reads no index. A question
  asked first still reads it, as above; the objects on the page are read and checked each time (`presentation`).
- Corrections and related hits cost nothing when there are plenty of hits: they are asked only when
  a word matches nothing or fewer than FEEDBACK_BELOW hits hold every word.
"""

import hashlib
import math
from dataclasses import dataclass, field, replace
from functools import cached_property

from django.db import connection
from django.db.models import Count, F, Func, OuterRef, Subquery
from django.utils.translation import get_language

from accounts.roles import is_moderator
from common import versions
from common.parts import kept
from forum.models.categories import visible_category_ids as categories_visible_to

from . import analysis, labels, presentation, vocabulary
from .dialects import HIT_ROW, MATCHED_ROW, RELEVANCE, dialect, join, narrowing, page_and_facets, visibility
from .documents import INDEX_VERSION
from .models import SearchDocument, SearchFacet
from .models.documents import MUNICIPALITY_FACET, TYPE_FACET, Facet
from .question import ENGLISH, SWEDISH, Filters, Question, read_question

# Hits on one page, at most, whoever asks.
MAX_PAGE_SIZE = 50
# Far past the end of any result (which gives the last page), and small enough that the offset
# stays a 64-bit database integer.
MAX_PAGE = 10**12
# Concepts counted one by one (in the title; in the text when not all matched).
MAX_COORDINATED = 8
# Concepts kept, the rarest, when hits may hold only some of them.
MAX_EITHER = 4
# Beyond this many expected partial hits, a hit must hold two concepts.
BROAD_HITS = 20_000
# Beyond this many expected hits (PostgreSQL), only the WINDOW best index entries are ranked against their documents,
# counted and given facets: a broad word matches most of the index (84 000 of 220 000 entries for "våld" at 200 000
# posts), and joining every entry to its document, its labels and its facets took four fifths of a 1.4 s search.
# A person reads the first pages; like the big search engines, the page then says "more than" and counts the
# filters among the best. Not with a filter chosen or the newest first, which must look at every hit.
WINDOW_FROM = 5_000
WINDOW = 1_000
# How long the counts of documents per concept are kept: rarity changes slowly.
RARITY_SECONDS = 3600
# How long what a statement found is kept at most; a write of the index ends it at once (INDEX_VERSION).
FOUND_SECONDS = 600
# Pseudo-relevance feedback: below this many hits, the labels (tags, forms of violence, target groups) the
# first FEEDBACK_DOCUMENTS hits share bring more hits after them, at most FEEDBACK_LABELS labels, none
# that more than FEEDBACK_SHARE of all documents carry (a label on everything says nothing).
FEEDBACK_BELOW = 5
FEEDBACK_DOCUMENTS = 3
FEEDBACK_LABELS = 2
FEEDBACK_SHARE = 0.2
FEEDBACK_FACETS = (Facet.TAG, Facet.VIOLENCE_TYPE, Facet.TARGET_GROUP)


@dataclass
class Found:
    hits: list  # rows: content_type_id, object_id, kind, score, facet_doc_id
    count: int
    facets: dict = field(default_factory=lambda: empty_facets())  # facet → {value: count}, type and municipality too
    partial: bool = False  # True when some hits hold only some of the concepts
    related: bool = False  # True when hits about what the first hits are about follow
    capped: bool = False  # True when more matched than the WINDOW ranked and counted


def empty_facets():
    return {TYPE_FACET: {}, MUNICIPALITY_FACET: {}, **{facet.value: {} for facet in Facet}}


@dataclass(frozen=True)
class ConceptCounts:
    """How many index entries there are, and how many hold each concept (PostgreSQL: estimated)."""

    total: int
    frequencies: tuple

    @property
    def rarities(self):
        """The inverse document frequency of each concept."""
        total = max(self.total, *self.frequencies)
        return [math.log(1 + (total - found + 0.5) / (found + 0.5)) for found in self.frequencies]

    def expected_hits(self, *, every):
        """At most this many hits: as many as the rarest concept when all must match, the sum otherwise."""
        return min(self.frequencies) if every else sum(self.frequencies)


def concept_counts(flavour, question, count):
    """Counts of the first `count` concepts, cached a while: rarity changes slowly."""
    expressions = [flavour.concept(concept) for concept in question.concepts[:count]]
    key = "search:concept-counts:" + hashlib.sha256("\n".join([connection.vendor, *expressions]).encode()).hexdigest()

    def read():
        total, *frequencies = flavour.document_frequencies(expressions)
        return ConceptCounts(total=total, frequencies=tuple(frequencies))

    return kept(key, read, RARITY_SECONDS)


def visible_category_ids(user):
    """None when the person sees every category, otherwise the ids they may see (the forum's rule, kept per process
    under the categories' limits: no query once kept)."""
    if is_moderator(user):
        return None
    return sorted(categories_visible_to(user))


def find(question, *, category_ids, filters=Filters(), page=1, per_page=10, order=RELEVANCE):
    """One page of ranked hits and the facet counts of the whole result (one statement; two when few hold every word).

    Hits must hold every concept. When that leaves less than a page, hits holding some of them
    follow, those with more concepts first: "oro för barn hedersförtryck" still shows the method
    about honour oppression that never says "oro". Among equals, more concepts in the title come
    first; the score orders the rest.

    `page` and `per_page` are taken as they come: `search` keeps them within MAX_PAGE and MAX_PAGE_SIZE.
    """
    if not question.concepts:
        return Found(hits=[], count=0)
    flavour = dialect()
    found = _find(flavour, question, category_ids, filters, page, per_page, order, every=True)
    if found.count >= per_page or len(question.concepts) < 2:
        return found
    some = _find(flavour, _rarest(flavour, question), category_ids, filters, page, per_page, order, every=False)
    some.partial = some.count > found.count
    return some


def _rarest(flavour, question):
    """The question with only its MAX_EITHER rarest concepts: hits holding some of ten common words are
    most of the index (2.5 s at 200 000 posts), while the rare words say what the question is about."""
    if len(question.concepts) <= MAX_EITHER:
        return question
    counted = question.concepts[:MAX_COORDINATED]
    frequencies = concept_counts(flavour, question, len(counted)).frequencies
    rarest = sorted(range(len(counted)), key=lambda position: frequencies[position])[:MAX_EITHER]
    return replace(question, concepts=[counted[position] for position in sorted(rarest)])


def _find(flavour, question, category_ids, filters, page, per_page, order, *, every):
    """Hits and facet counts in one statement: the full-text match runs once for both."""
    titled = min(len(question.concepts), MAX_COORDINATED)
    counts = concept_counts(flavour, question, titled)
    expected = counts.expected_hits(every=every)
    windowed = expected > WINDOW_FROM and not filters and order == RELEVANCE and page * per_page <= WINDOW

    def read(window):
        hits = flavour.hits(
            question,
            every=every,
            # Hits holding any one of three or more common words would be most of the index (2.5 s at 200 000
            # posts for a pasted paragraph) and mostly noise: then a hit must hold at least two of them.
            pairs=not every and expected > BROAD_HITS,
            coordinated=0 if every else titled,
            rarities=counts.rarities,
            expected=expected,
            window=window,
        )
        statement = page_and_facets(
            join("", [hits, visibility(category_ids), narrowing(filters)]),
            page=page,
            per_page=per_page,
            order=order,
        )
        rows, facets, matched = _run(statement)
        return Found(hits=rows, count=sum(facets[TYPE_FACET].values()), facets=facets, capped=(matched or 0) > WINDOW)

    found = read(WINDOW if windowed else None)
    if windowed and len(found.hits) < per_page:
        # The window's best entries were mostly (or all) where the reader may not look, a room or section closed to
        # them: they are owed the hits they may see, so every hit is looked at, exactly, as without a window.
        found = read(None)
    return found


def _run(statement):
    """The ranked rows of the page, the facet counts and the entries matched before a window (or None), read from
    `dialects.page_and_facets`' statement, or kept from when it was last run on this version of the index."""
    (token,) = versions.tokens(INDEX_VERSION)
    sql, params = statement
    key = "search:found:" + hashlib.sha256(repr((connection.vendor, token, sql, list(params))).encode()).hexdigest()
    return kept(key, lambda: _read(statement), FOUND_SECONDS)


def _read(statement):
    facets, ranked, matched = empty_facets(), [], None
    with connection.cursor() as cursor:
        cursor.execute(*statement)
        for row_type, kind, object_id, number_id, amount, score, position, _doc_id in cursor.fetchall():
            if row_type == HIT_ROW:
                ranked.append((position, (number_id, object_id, kind, score, amount)))
            elif row_type == MATCHED_ROW:
                matched = amount
            elif row_type == TYPE_FACET:
                facets[TYPE_FACET][kind] = amount
            else:
                facets[row_type][number_id] = amount
    ranked.sort(key=lambda pair: pair[0])
    return [hit for _position, hit in ranked], facets, matched


@dataclass
class Results:
    question: Question
    rows: list  # the ranked rows of the page: content_type_id, object_id, kind, score, facet_doc_id
    count: int
    facets: dict
    page: int
    per_page: int
    partial: bool = False
    related: bool = False  # hits about what the first hits are about follow them
    capped: bool = False  # more matched than the best WINDOW counted here
    typed: str = ""  # what was typed, when the results are for a corrected question (`question.text`)
    suggestion: str = ""  # a corrected question that finds more, offered but not searched
    user: object = None
    request: object = None
    category_ids: list | None = None  # the rooms the person may see, which the hits were found in (None: every one)

    @cached_property
    def hits(self):
        """The hits of the page that the person may see, read and checked when first asked for (`presentation`): a
        search page kept drawn (search/caching.py) never asks."""
        return presentation.present(self.rows, self.question, user=self.user, request=self.request)

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.per_page))


def search(
    user, text, *, filters=Filters(), page=1, per_page=10, thesaurus=True, request=None, order=RELEVANCE, forgiving=None
):
    """What `user` may see that matches `text`, ranked (or newest first), one page of it, with facet counts.

    With the thesaurus the search forgives too: a word that matches nothing is corrected from the index's
    own words (the corrected question is searched when the typed one finds no full hits, and offered
    otherwise), and a question with few hits is followed by hits about what those are about. `forgiving`
    (by default as `thesaurus`) turns both off: a followed search tells only of what its words find.
    """
    hint = ENGLISH if (get_language() or "").startswith(ENGLISH) else SWEDISH
    question = read_question(text, use_thesaurus=thesaurus, language_hint=hint)
    per_page = max(1, min(per_page, MAX_PAGE_SIZE))
    page = max(1, min(page, MAX_PAGE))
    category_ids = visible_category_ids(user)

    def run(asked):
        return find(asked, category_ids=category_ids, filters=filters, page=page, per_page=per_page, order=order)

    found, typed, suggestion = run(question), "", ""
    if thesaurus if forgiving is None else forgiving:
        corrected = corrected_text(question)
        if corrected:
            better = read_question(corrected, language_hint=hint)
            found_better = run(better)
            if found.count and not found.partial:
                # Every word matched after all (PostgreSQL only samples the counts): offer, do not replace.
                suggestion = corrected if found_better.count else ""
            elif found_better.count:
                question, found, typed = better, found_better, question.text
        if 0 < found.count < FEEDBACK_BELOW and not found.partial:
            first = found if page == 1 and order == RELEVANCE else run_first(question, category_ids, filters)
            related, shared = related_subjects(question, first.hits[:FEEDBACK_DOCUMENTS])
            if related:
                widened = replace(question, related=related, related_labels=shared)
                found_widened = run(widened)
                if found_widened.count > found.count:  # a filter may leave nothing more to bring
                    question, found = widened, found_widened
                    found.related = True
    results = Results(
        question=question,
        rows=found.hits,
        count=found.count,
        facets=found.facets,
        page=page,
        per_page=per_page,
        partial=found.partial,
        related=found.related,
        capped=found.capped,
        typed=typed,
        suggestion=suggestion,
        user=user,
        request=request,
        category_ids=category_ids,
    )
    # Asked for a page past the end, the statement gave the last one: say so.
    results.page = min(page, results.num_pages)
    return results


# Forgiving: corrections and related subjects


def corrected_text(question):
    """The question with each word that matches nothing replaced by the index's closest word, or "" when no
    word needs it or none is close. Read from the concept counts the ranking keeps anyway (cached)."""
    if not question.concepts:
        return ""
    flavour = dialect()
    counted = question.concepts[:MAX_COORDINATED]
    frequencies = concept_counts(flavour, question, len(counted)).frequencies
    unknown = {word for concept, found in zip(counted, frequencies, strict=True) if not found for word in concept[0]}
    if not unknown:
        return ""
    words = vocabulary.vocabulary()
    changed = False
    corrected = []
    for word in analysis.tokens(question.text):
        better = vocabulary.correction(word, words) if word in unknown else None
        corrected.append(better or word)
        changed = changed or bool(better)
    return " ".join(corrected) if changed else ""


def run_first(question, category_ids, filters):
    return find(question, category_ids=category_ids, filters=filters, page=1, per_page=FEEDBACK_DOCUMENTS)


def related_subjects(question, first_hits):
    """Concepts for the labels the first hits share, and every label they share with how many of them carry it.

    The concepts bring more hits: the most shared labels first, then the rarest, at most FEEDBACK_LABELS; a
    label whose words the question holds already adds none. The shared labels order what they bring: a hit
    carrying more of them is closer to the first hits. A label on more than FEEDBACK_SHARE of the documents
    says nothing either way. One query; the labels' names come from `labels`.
    """
    documents = [row[4] for row in first_hits]
    rows = (
        SearchFacet.objects.filter(document_id__in=documents, facet__in=FEEDBACK_FACETS)
        .values("facet", "value_id")
        .annotate(
            shared=Count("document_id", distinct=True),
            carried=_count(SearchFacet.objects.filter(facet=OuterRef("facet"), value_id=OuterRef("value_id"))),
            listed=_count(SearchDocument.objects.filter(listed=True)),
        )
    )
    shared, carried = {}, {}
    for row in rows:
        key = (row["facet"], row["value_id"])
        if row["carried"] <= FEEDBACK_SHARE * row["listed"]:
            shared[key], carried[key] = row["shared"], row["carried"]
    named = labels.by_value()
    asked = {analysis.stem(word) for word in question.words}
    chosen = []
    for key in sorted(shared, key=lambda key: (-shared[key], carried[key], key)):
        words = list(named[key].words) if key in named else []
        if words and not {analysis.stem(word) for word in words} <= asked:
            chosen.append([words])
        if len(chosen) == FEEDBACK_LABELS:
            break
    return chosen, shared


def _count(queryset):
    """How many rows `queryset` has, as a subquery of another query (COUNT as a plain function: no GROUP BY)."""
    return Subquery(queryset.order_by().annotate(count=Func(F("pk"), function="COUNT")).values("count"))
