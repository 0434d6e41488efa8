"""The one search: a ranked, permission-checked, faceted query over everything the site lists.

The words come from modelsearch's index table (FTS5 on SQLite, tsvector on PostgreSQL); who may
see a hit and its facets come from `SearchDocument`. Both are read in one SQL statement per
question — ranked hits for one page, and the facet counts — so no result set is ever loaded
into Python: only the objects on the page are.

Statements are assembled from table names taken from the models and from fixed fragments;
every value, including the full-text expression, travels as a parameter.
"""
# ruff: noqa: S608

import hashlib
import itertools
import math
from dataclasses import dataclass, field, replace

from django.core.cache import cache
from django.db import connection

from wagtail.search.models import IndexEntry

from accounts.roles import is_moderator
from forum.models import Category

from . import analysis, presentation, thesaurus
from .models import SearchDocument, SearchFacet
from .models.documents import Facet

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 32
MAX_WORD_LENGTH = 64
MAX_PAGE_SIZE = 50
# Far past the end of any result (which gives the last page), and small enough that the offset
# stays a 64-bit database integer.
MAX_PAGE = 10**12
# How much more a word in the title counts than a word in the text.
TITLE_WEIGHT = 8.0
# ts_rank's weights for the tsvector labels D, C, B, A. modelsearch labels fields by their boost
# across all models (thread titles B, page titles and summaries C, the rest D); the site search
# weighs title against text itself, so within a column only plain text (D) counts for less.
RANK_WEIGHTS = "'{0.5, 1, 1, 1}'"
# A synonym or part of a compound the person did not type counts for less than what they typed.
EXPANSION_WEIGHT = 0.6


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


@dataclass
class Found:
    hits: list  # rows: content_type_id, object_id, kind, score, facet_doc_id
    count: int
    facets: dict = field(default_factory=lambda: empty_facets())  # facet → {value: count}, "typ" and "kommun" too
    partial: bool = False  # True when some hits hold only some of the concepts


def empty_facets():
    return {"typ": {}, "kommun": {}, **{facet.value: {} for facet in Facet}}


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


class Dialect:
    """How one database finds and ranks words; the rest of the statement is shared."""

    def __init__(self):
        self.entries = IndexEntry._meta.db_table
        self.documents = SearchDocument._meta.db_table

    def quote(self, name):
        return connection.ops.quote_name(name)

    def combine(self, expressions, *, every, pairs=False):
        """All the concepts, any of them, or (`pairs`) any two of them."""
        if every:
            return f" {self.BOTH} ".join(expressions)
        if not pairs or len(expressions) < 3:
            return f" {self.EITHER} ".join(expressions)
        two = itertools.combinations(expressions, 2)
        return f" {self.EITHER} ".join(f"({first} {self.BOTH} {second})" for first, second in two)

    def match(self, question, *, every, pairs=False, typed_only=False):
        """The full-text expression for the whole question (`typed_only`: without synonyms and compound parts)."""
        expressions = [self.concept(concept, typed_only=typed_only) for concept in question.concepts]
        return self.combine(expressions, every=every, pairs=pairs)


PREFIX_FROM = 5  # stems this long also match as prefixes: föräldr* finds föräldragrupp, not vald* valdeltagande
MAX_COORDINATED = 8  # concepts counted one by one (in the title; in the text when not all matched)
MAX_EITHER = 4  # concepts kept, the rarest, when hits may hold only some of them
BROAD_HITS = 20_000  # beyond this many expected partial hits, a hit must hold two concepts
RARITY_SECONDS = 3600  # how long the counts of documents per concept are kept: rarity changes slowly
SAMPLE_ROWS = 10_000  # index entries PostgreSQL reads to judge how rare a concept is
LOOKUP_UP_TO = 20_000  # expected hits up to which PostgreSQL looks up their documents one by one


def tier_sql(found, titled, rarities):
    """The order before the score: more concepts found first, then the rarer concepts in the title.

    A title is the author's own summary: "HRV i förskolan" answers "HRV förskola" better than a
    long text that repeats "hedersförtryck" and mentions a preschool once, whatever bm25 says.
    Rare concepts weigh more: for "VINR äldre", "Våld mot äldre" says more in its title than a
    title with "våld i nära relationer", the field's everyday words.
    """
    in_title = " + ".join(f"{rarity:.4f} * {test}" for rarity, test in zip(rarities, titled, strict=True))
    return f"({' + '.join(found) or '0'}) * 1000 + ({in_title or '0'})"


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
    counts = cache.get(key)
    if counts is None:
        total, *frequencies = flavour.document_frequencies(expressions)
        counts = ConceptCounts(total=total, frequencies=tuple(frequencies))
        cache.set(key, counts, RARITY_SECONDS)
    return counts


class SQLiteDialect(Dialect):
    BOTH, EITHER = "AND", "OR"

    def word(self, text, *, typed_only=False):
        """A word as typed, as its stem (or stem prefix), or as the parts of its compound together."""
        stem = analysis.stem(text)
        alternatives = [f'"{text}"', f'"{stem}"*' if len(stem) >= PREFIX_FROM else f'"{stem}"']
        parts = [] if typed_only else analysis.split_compound(text, analysis.lexicon())
        if parts:
            alternatives.append("(" + " AND ".join(f'"{analysis.stem(part)}"' for part in parts) + ")")
        return "(" + " OR ".join(dict.fromkeys(alternatives)) + ")"

    def concept(self, concept, *, typed_only=False):
        chosen = concept[:1] if typed_only else concept
        alternatives = [
            "(" + " AND ".join(self.word(text, typed_only=typed_only) for text in alternative) + ")"
            for alternative in chosen
        ]
        return "(" + " OR ".join(alternatives) + ")"

    def document_frequencies(self, expressions):
        """How many index entries there are, and how many hold each expression (one statement)."""
        fts = self.quote(f"{self.entries}_fts")
        counts = [f"(SELECT COUNT(*) FROM {fts} WHERE {fts} MATCH %s)"] * len(expressions)  # nosec B608 - names come from the models, values are parameters
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT (SELECT COUNT(*) FROM {fts}), {', '.join(counts)}", expressions)  # nosec B608 - names come from the models, values are parameters
            return list(cursor.fetchone())

    def hits_sql(self, coordinated, rarities, expected):
        fts = self.quote(f"{self.entries}_fts")
        within = f"(e.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s))"  # nosec B608 - names come from the models, values are parameters
        score = (
            f"-bm25({fts}, 0.0, 1.0, {TITLE_WEIGHT}) * d.weight "
            f"* CASE WHEN {within} THEN 1.0 ELSE {EXPANSION_WEIGHT} END"
        )
        tier = tier_sql([within] * coordinated, [within] * len(rarities), rarities)
        # FTS first (CROSS JOIN fixes SQLite's join order): the full-text index narrows the rows,
        # the document and permission checks only run on those. Columns: autocomplete, body, title.
        return (
            f"SELECT d.id AS doc_id, d.content_type_id, d.object_id, d.kind, "  # nosec B608 - names come from the models, values are parameters
            f"COALESCE(p.municipality_id, d.municipality_id) AS municipality_id, "
            f"COALESCE(d.parent_id, d.id) AS facet_doc_id, "
            f"{score} AS score, {tier} AS tier "
            f"FROM {fts} CROSS JOIN {self.quote(self.entries)} e ON e.id = {fts}.rowid "
            f"CROSS JOIN {self.quote(self.documents)} d "
            f"ON d.content_type_id = e.content_type_id AND d.object_id = e.object_id "
            f"LEFT JOIN {self.quote(self.documents)} p ON p.id = d.parent_id "
            f"WHERE {fts} MATCH %s"
        )

    def hits_params(self, question, *, every, coordinated, titled, pairs):
        titles = [f"title : {self.concept(concept)}" for concept in question.concepts[:titled]]
        concepts = [self.concept(concept) for concept in question.concepts[:coordinated]]
        return [
            self.match(question, every=every, pairs=pairs, typed_only=True),
            *concepts,
            *titles,
            self.match(question, every=every, pairs=pairs),
        ]


class PostgresDialect(Dialect):
    BOTH, EITHER = "&", "|"

    def word(self, text, *, typed_only=False):
        """A to_tsquery('swedish', …) text: PostgreSQL stems each quoted word itself."""
        typed = f"'{text}':*" if len(analysis.stem(text)) >= PREFIX_FROM else f"'{text}'"
        parts = [] if typed_only else analysis.split_compound(text, analysis.lexicon())
        if parts:
            return f"({typed} | (" + " & ".join(f"'{part}'" for part in parts) + "))"
        return typed

    def concept(self, concept, *, typed_only=False):
        chosen = concept[:1] if typed_only else concept
        alternatives = [
            "(" + " & ".join(self.word(text, typed_only=typed_only) for text in alternative) + ")"
            for alternative in chosen
        ]
        return "(" + " | ".join(alternatives) + ")"

    def document_frequencies(self, expressions):
        """How many index entries there are, and how many hold each expression.

        Counted on a sample of about SAMPLE_ROWS entries (all of a smaller table), in one pass:
        exact counts of eight common words took 1.5 s at 200 000 posts, the sample takes a few
        dozen milliseconds, and rarity needs no more precision than that.
        """
        entries = self.quote(self.entries)
        counts = ", ".join(
            ["COUNT(*) FILTER (WHERE (e.title || e.body) @@ to_tsquery('swedish', %s))"] * len(expressions)
        )
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [self.entries])
            estimate = cursor.fetchone()[0]  # -1 until the table is first analysed
            share = 100.0 if estimate <= SAMPLE_ROWS else 100.0 * SAMPLE_ROWS / estimate
            cursor.execute(
                f"SELECT COUNT(*), {counts} FROM {entries} e TABLESAMPLE SYSTEM (%s) REPEATABLE (0)",  # nosec B608 - names come from the models, values are parameters
                [*expressions, share],
            )
            sampled, *frequencies = cursor.fetchone()
        if share == 100.0:
            return [sampled, *frequencies]
        scale = estimate / max(sampled, 1)
        return [round(estimate), *(round(found * scale) for found in frequencies)]

    def hits_sql(self, coordinated, rarities, expected):
        tier = tier_sql(
            ["((e.title || e.body) @@ to_tsquery('swedish', %s))::int"] * coordinated,
            ["(e.title @@ to_tsquery('swedish', %s))::int"] * len(rarities),
            rarities,
        )
        score = (
            f"(ts_rank({RANK_WEIGHTS}, e.title, q.query) * {TITLE_WEIGHT} + ts_rank({RANK_WEIGHTS}, e.body, q.query)) "
            f"* CASE WHEN (e.title || e.body) @@ q.typed THEN 1.0 ELSE {EXPANSION_WEIGHT} END"
        )
        # The full-text match runs first, on its own (MATERIALIZED): `title || body` is what the GIN
        # index of migration 0004 covers. Left to itself the planner walked all documents and probed
        # the index for each (0.65 s at 200 000 posts instead of 0.03 s).
        return (
            "WITH q AS (SELECT to_tsquery('swedish', %s) AS query, to_tsquery('swedish', %s) AS typed), "  # nosec B608 - names come from the models, values are parameters
            f"found AS MATERIALIZED (SELECT e.content_type_id, e.object_id, {score} AS score, {tier} AS tier "
            f"FROM {self.quote(self.entries)} e, q WHERE (e.title || e.body) @@ q.query) "
            "SELECT d.id AS doc_id, d.content_type_id, d.object_id, d.kind, "
            "COALESCE(p.municipality_id, d.municipality_id) AS municipality_id, "
            "COALESCE(d.parent_id, d.id) AS facet_doc_id, found.score * d.weight AS score, found.tier AS tier "
            f"FROM found {self.documents_join(expected)} WHERE TRUE"
        )

    def documents_join(self, expected):
        """Each hit's document and its parent's: looked up one by one for up to LOOKUP_UP_TO hits,
        hashed whole beyond (the planner, misjudging the permission filter, hashed all 200 000
        documents even for 2 000 hits: 0.2 s instead of 0.06 s)."""
        documents = self.quote(self.documents)
        if expected <= LOOKUP_UP_TO:
            # LIMIT 1 keeps the subqueries apart, so PostgreSQL probes the unique index per hit.
            return (
                f"CROSS JOIN LATERAL (SELECT * FROM {documents} one WHERE one.content_type_id = found.content_type_id "  # nosec B608 - names come from the models, values are parameters
                "AND one.object_id = found.object_id LIMIT 1) d "
                f"LEFT JOIN LATERAL (SELECT * FROM {documents} one WHERE one.id = d.parent_id LIMIT 1) p ON TRUE"
            )
        return (
            f"JOIN {documents} d ON d.content_type_id = found.content_type_id AND d.object_id = found.object_id "
            f"LEFT JOIN {documents} p ON p.id = d.parent_id"
        )

    def hits_params(self, question, *, every, coordinated, titled, pairs):
        titles = [self.concept(concept) for concept in question.concepts[:titled]]
        concepts = [self.concept(concept) for concept in question.concepts[:coordinated]]
        return [
            self.match(question, every=every, pairs=pairs),
            self.match(question, every=every, pairs=pairs, typed_only=True),
            *concepts,
            *titles,
        ]


def dialect():
    return PostgresDialect() if connection.vendor == "postgresql" else SQLiteDialect()


def _visibility_sql(category_ids):
    sql = " AND d.listed AND (p.id IS NULL OR p.listed)"
    if category_ids is None:  # sees every category
        return sql, []
    category = "COALESCE(p.category_id, d.category_id)"
    if not category_ids:
        return sql + f" AND {category} IS NULL", []
    placeholders = ", ".join(["%s"] * len(category_ids))
    return sql + f" AND ({category} IS NULL OR {category} IN ({placeholders}))", list(category_ids)


def _filter_sql(filters):
    sql, params = "", []
    if filters.kinds:
        sql += " AND d.kind IN (" + ", ".join(["%s"] * len(filters.kinds)) + ")"
        params += list(filters.kinds)
    if filters.municipality_id:
        sql += " AND COALESCE(p.municipality_id, d.municipality_id) = %s"
        params.append(filters.municipality_id)
    facets = connection.ops.quote_name(SearchFacet._meta.db_table)
    for facet, value_id in filters.facets:
        sql += (
            f" AND EXISTS (SELECT 1 FROM {facets} f WHERE f.document_id = COALESCE(d.parent_id, d.id) "  # nosec B608 - names come from the models, values are parameters
            "AND f.facet = %s AND f.value_id = %s)"
        )
        params += [facet, value_id]
    return sql, params


def visible_category_ids(user):
    """None when the person sees every category, otherwise the ids they may see (one query)."""
    if is_moderator(user):
        return None
    return list(Category.objects.visible_to(user).values_list("pk", flat=True))


def find(question, *, category_ids, filters=Filters(), page=1, per_page=10):
    """One page of ranked hits and the facet counts of the whole result (one statement; two when few hold every word).

    Hits must hold every concept. When that leaves less than a page, hits holding some of them
    follow, those with more concepts first: "oro för barn hedersförtryck" still shows the method
    about honour oppression that never says "oro". Among equals, more concepts in the title come
    first; the score orders the rest.
    """
    if not question.concepts:
        return Found(hits=[], count=0)
    flavour = dialect()
    found = _find(flavour, question, category_ids, filters, page, per_page, every=True)
    if found.count >= per_page or len(question.concepts) < 2:
        return found
    some = _find(flavour, _rarest(flavour, question), category_ids, filters, page, per_page, every=False)
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


def _find(flavour, question, category_ids, filters, page, per_page, *, every):
    """Hits and facet counts in one statement: the full-text match runs once for both."""
    titled = min(len(question.concepts), MAX_COORDINATED)
    coordinated = 0 if every else titled
    visibility, visibility_params = _visibility_sql(category_ids)
    narrowing, narrowing_params = _filter_sql(filters)
    counts = concept_counts(flavour, question, titled)
    expected = counts.expected_hits(every=every)
    # Hits holding any one of three or more common words would be most of the index (2.5 s at 200 000
    # posts for a pasted paragraph) and mostly noise: then a hit must hold at least two of them.
    pairs = not every and expected > BROAD_HITS
    hits = f"{flavour.hits_sql(coordinated, counts.rarities, expected)}{visibility}{narrowing}"
    params = [
        *flavour.hits_params(question, every=every, coordinated=coordinated, titled=titled, pairs=pairs),
        *visibility_params,
    ]
    params += narrowing_params
    per_page = max(1, min(per_page, MAX_PAGE_SIZE))
    rows, facets = _run_statement(hits, params, page, per_page)
    return Found(hits=rows, count=sum(facets["typ"].values()), facets=facets)


def _run_statement(hits, params, page, per_page):
    facets_table = connection.ops.quote_name(SearchFacet._meta.db_table)
    integer, number = "CAST(NULL AS INTEGER)", "CAST(NULL AS DOUBLE PRECISION)"
    per_page = int(per_page)
    # A page past the end gives the last page, in the same statement: (COUNT - 1) / n * n is where it starts.
    last = f"(COUNT(*) - 1) / {per_page} * {per_page}"
    offset = f"(SELECT CASE WHEN %s <= {last} THEN %s ELSE {last} END FROM hits)"  # nosec B608 - names come from the models, values are parameters
    statement = (
        f"WITH hits AS MATERIALIZED ({hits}), "  # nosec B608 - names come from the models, values are parameters
        f"page AS (SELECT * FROM hits ORDER BY tier DESC, score DESC, doc_id DESC LIMIT {per_page} OFFSET {offset}) "
        f"SELECT 'hit', kind, object_id, content_type_id, facet_doc_id, score, tier, doc_id FROM page "
        f"UNION ALL SELECT 'typ', kind, NULL, {integer}, COUNT(*), {number}, {integer}, {integer} "
        "FROM hits GROUP BY kind "
        f"UNION ALL SELECT 'kommun', NULL, NULL, municipality_id, COUNT(*), {number}, {integer}, {integer} "
        "FROM hits WHERE municipality_id IS NOT NULL GROUP BY municipality_id "
        f"UNION ALL SELECT f.facet, NULL, NULL, f.value_id, COUNT(*), {number}, {integer}, {integer} "
        f"FROM hits JOIN {facets_table} f ON f.document_id = hits.facet_doc_id GROUP BY f.facet, f.value_id"
    )
    facets, ranked = empty_facets(), []
    with connection.cursor() as cursor:
        start = (page - 1) * per_page
        cursor.execute(statement, [*params, start, start])
        for row_type, kind, object_id, number_id, amount, score, tier, doc_id in cursor.fetchall():
            if row_type == "hit":
                ranked.append(((tier, score, doc_id), (number_id, object_id, kind, score, amount)))
            elif row_type == "typ":
                facets["typ"][kind] = amount
            else:
                facets[row_type][number_id] = amount
    ranked.sort(key=lambda pair: pair[0], reverse=True)
    return [hit for _order, hit in ranked], facets


@dataclass
class Results:
    question: Question
    hits: list
    count: int
    facets: dict
    page: int
    per_page: int
    partial: bool = False

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.per_page))


def search(user, text, *, filters=Filters(), page=1, per_page=10, thesaurus=True, request=None):
    """What `user` may see that matches `text`, ranked, one page of it, with facet counts."""
    question = read_question(text, use_thesaurus=thesaurus)
    per_page = max(1, min(per_page, MAX_PAGE_SIZE))
    page = max(1, min(page, MAX_PAGE))
    found = find(question, category_ids=visible_category_ids(user), filters=filters, page=page, per_page=per_page)
    page = max(1, min(page, math.ceil(found.count / per_page) or 1))
    hits = presentation.present(found.hits, question, user=user, request=request)
    return Results(
        question=question,
        hits=hits,
        count=found.count,
        facets=found.facets,
        page=page,
        per_page=per_page,
        partial=found.partial,
    )
