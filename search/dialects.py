"""The SQL of the search: how each database finds and ranks words, and what every statement shares.

SQLite matches with FTS5 and ranks with bm25; PostgreSQL matches tsvectors and ranks with
ts_rank. Statements are assembled from table names taken from the models and from fixed text;
every value, including the full-text expression, travels as a parameter. Each piece is a
`Fragment`, its SQL and its parameters made together, so a placeholder and its value cannot
fall out of step however the pieces are put together.
"""

import itertools
import string
from dataclasses import replace
from typing import NamedTuple

from django.db import connection

from wagtail.search.models import IndexEntry

from . import analysis, labels, vocabulary
from .models import SearchDocument, SearchFacet
from .models.documents import MUNICIPALITY_FACET, TYPE_FACET

HIT_ROW = "hit"  # the first column of a ranked row of `page_and_facets`; the others name the facet they count
MATCHED_ROW = "matched"  # the row of `page_and_facets` telling how many index entries matched before a window

# How much more a word in the title counts than a word in the text.
TITLE_WEIGHT = 8.0
# ts_rank's weights for the tsvector labels D, C, B, A. modelsearch labels fields by their boost
# across all models (thread titles B, page titles and summaries C, the rest D); the site search
# weighs title against text itself, so within a column only plain text (D) counts for less.
RANK_WEIGHTS = "'{0.5, 1, 1, 1}'"
# A synonym or part of a compound the person did not type counts for less than what they typed.
EXPANSION_WEIGHT = 0.6
# Stems this long also match as prefixes: föräldr* finds föräldragrupp, not vald* valdeltagande.
PREFIX_FROM = 5
# Index entries PostgreSQL reads to judge how rare a concept is.
SAMPLE_ROWS = 10_000
# Expected hits up to which PostgreSQL looks up their documents one by one.
LOOKUP_UP_TO = 20_000
# The orders a person may choose: by relevance (the tier, then the score) or newest first.
RELEVANCE, NEWEST = "relevans", "datum"
ORDERS = {
    RELEVANCE: "tier DESC, score DESC, date_order DESC, doc_id DESC",
    NEWEST: "date_order DESC, tier DESC, score DESC, doc_id DESC",
}
# A document without a date sorts last when the newest come first.
NO_DATE = "'0001-01-01'"


class Fragment(NamedTuple):
    """Some SQL and the values of its placeholders, in order: `cursor.execute(*fragment)` runs it."""

    sql: str
    params: tuple = ()


def param(value):
    """A value, travelling as a parameter."""
    return Fragment("%s", (value,))


def compose(template, **parts):
    """`template` with each `{name}` filled in. A Fragment brings its parameters along, in the order the
    names occur; anything else (a table name from the models, a constant) is written in as SQL."""
    sql, params = [], []
    for text, name, spec, _conversion in string.Formatter().parse(template):
        sql.append(text)
        if name is None:
            continue
        part = parts[name]
        if isinstance(part, Fragment):
            sql.append(part.sql)
            params += part.params
        else:
            sql.append(format(part, spec))
    return Fragment("".join(sql), tuple(params))


def join(separator, fragments, *, empty=""):
    """The fragments one after another with `separator` between them; `empty` when there are none."""
    fragments = list(fragments)
    if not fragments:
        return Fragment(empty)
    return Fragment(separator.join(part.sql for part in fragments), tuple(p for part in fragments for p in part.params))


class Dialect:
    """How one database finds and ranks words; the rest of the statement is shared.

    Each dialect says how a `word` is looked for, counts `document_frequencies`, selects the `hits`
    of a question (each with its document, score and `tier`, ending in a WHERE the shared conditions
    continue) and finds the entries whose words start with `prefixes` for the suggestions.
    """

    BOTH: str  # the full-text operator for "all of these"
    EITHER: str  # and for "any of these"

    def __init__(self):
        self.entries = IndexEntry._meta.db_table
        self.documents = SearchDocument._meta.db_table

    def quote(self, name):
        return connection.ops.quote_name(name)

    def concept(self, concept, *, typed_only=False, literal=frozenset()):
        """Any of the concept's alternatives, each with all its words (`typed_only`: the first, as typed).

        A `literal` word (an English one) is looked for as typed, with no Swedish stem or compound parts.
        """
        chosen = concept[:1] if typed_only else concept
        alternatives = [
            "("
            + f" {self.BOTH} ".join(
                self.exact(text) if text in literal else self.word(text, typed_only=typed_only) for text in alternative
            )
            + ")"
            for alternative in chosen
        ]
        return "(" + f" {self.EITHER} ".join(alternatives) + ")"

    def compound_parts(self, text):
        """The parts of a compound: by the lexicon, or else by the index's own word frequencies (prefixes then)."""
        parts = analysis.split_compound(text, analysis.lexicon())
        if parts:
            return [(part, False) for part in parts]
        return [(part, True) for part in vocabulary.split_by_frequency(text)]

    def own_match(self, question, *, every, pairs):
        """The question's own hits, which come before those only the first hits' subjects bring; None without those."""
        if not question.related:
            return None
        return self.match(replace(question, related=[], related_labels={}), every=every, pairs=pairs)

    def combine(self, expressions, *, every, pairs=False):
        """All the concepts, any of them, or (`pairs`) any two of them."""
        if every:
            return f" {self.BOTH} ".join(expressions)
        if not pairs or len(expressions) < 3:
            return f" {self.EITHER} ".join(expressions)
        two = itertools.combinations(expressions, 2)
        return f" {self.EITHER} ".join(f"({first} {self.BOTH} {second})" for first, second in two)

    def match(self, question, *, every, pairs=False, typed_only=False):
        """The full-text expression for the whole question (`typed_only`: without synonyms and compound parts).

        The concepts the first hits were about (`question.related`) are an alternative to the whole
        question: they bring more hits, never narrow it.
        """
        expressions = [
            self.concept(concept, typed_only=typed_only, literal=question.literal) for concept in question.concepts
        ]
        combined = self.combine(expressions, every=every, pairs=pairs)
        if question.related and not typed_only:
            related = f" {self.EITHER} ".join(self.concept(concept) for concept in question.related)
            return f"({combined}) {self.EITHER} ({related})"
        return combined


def tier(found, in_title):
    """The order before the score: more concepts found first, then the rarer concepts in the title (and labels).

    `found` tests each concept in the whole entry, `in_title` pairs a concept's rarity with its test
    in the title. A title is the author's own summary: "HRV i förskolan" answers "HRV förskola"
    better than a long text that repeats "hedersförtryck" and mentions a preschool once, whatever
    bm25 says. Rare concepts weigh more: for "VINR äldre", "Våld mot äldre" says more in its title
    than a title with "våld i nära relationer", the field's everyday words. `labelled` adds the same
    for the labels the hit was given.
    """
    weighed = [compose("{rarity:.4f} * {test}", rarity=rarity, test=test) for rarity, test in in_title]
    return compose(
        "({found}) * 1000 + ({weighed})", found=join(" + ", found, empty="0"), weighed=join(" + ", weighed, empty="0")
    )


def labelled(concepts, rarities, literal):
    """A hit's labels as summaries, like its title: the rarity of each concept its labels hold (one SQL sum).

    A label is a summary as far as it is the only one of its kind: a method given four forms of violence is a
    quarter about each (editors label broadly), one given a single form is about that. Of several labels that
    hold a concept, the most telling counts. Reads `d`, the hit's document: a post is labelled as its thread is.
    """
    facets = connection.ops.quote_name(SearchFacet._meta.db_table)
    weighed = []
    for concept, rarity in zip(concepts, rarities, strict=False):
        values = labels.labelled(concept, literal=literal)
        if not values:
            continue
        either = join(
            " OR ",
            (
                compose(
                    "(f.facet = {facet} AND f.value_id IN ({ids}))", facet=param(facet), ids=join(", ", map(param, ids))
                )
                for facet, ids in sorted(values.items())
            ),
        )
        weighed.append(
            compose(
                "{rarity:.4f} * (SELECT COALESCE(MAX(1.0 / (SELECT COUNT(*) FROM {facets} g "
                "WHERE g.document_id = f.document_id AND g.facet = f.facet)), 0) FROM {facets} f "
                "WHERE f.document_id = COALESCE(d.parent_id, d.id) AND ({either}))",
                rarity=rarity,
                facets=facets,
                either=either,
            )
        )
    return join(" + ", weighed, empty="0")


def closeness(related_labels, own):
    """How close a hit that feedback brought is to the first hits (one SQL sum; 0 for the question's own hits).

    Each label the hit shares with the first hits counts as many times as they carry it. `own` is 1 for a hit
    of the question itself, which stays in its own order. Reads `d`.
    """
    if not related_labels:
        return Fragment("0")
    cases = join(
        " ",
        (
            compose(
                "WHEN f.facet = {facet} AND f.value_id = {value} THEN {weight}",
                facet=param(facet),
                value=param(value),
                weight=param(weight),
            )
            for (facet, value), weight in sorted(related_labels.items())
        ),
    )
    return compose(
        "(1 - {own}) * (SELECT COALESCE(SUM(CASE {cases} ELSE 0 END), 0) FROM {facets} f "
        "WHERE f.document_id = COALESCE(d.parent_id, d.id))",
        own=own,
        cases=cases,
        facets=connection.ops.quote_name(SearchFacet._meta.db_table),
    )


class SQLiteDialect(Dialect):
    BOTH, EITHER = "AND", "OR"

    def word(self, text, *, typed_only=False):
        """A word as typed, as its stem (or stem prefix), or as the parts of its compound together."""
        stem = analysis.stem(text)
        alternatives = [f'"{text}"', f'"{stem}"*' if len(stem) >= PREFIX_FROM else f'"{stem}"']
        parts = [] if typed_only else self.compound_parts(text)
        if parts:
            alternatives.append(
                "(" + " AND ".join(f'"{analysis.stem(part)}"' + ("*" if prefix else "") for part, prefix in parts) + ")"
            )
        return "(" + " OR ".join(dict.fromkeys(alternatives)) + ")"

    def exact(self, text):
        return f'"{text}"'

    @property
    def fts(self):
        """The FTS5 table beside the index table. Its columns: autocomplete, body, title."""
        return self.quote(f"{self.entries}_fts")

    def document_frequencies(self, expressions):
        """How many index entries there are, and how many hold each expression (one statement)."""
        counts = [
            compose("(SELECT COUNT(*) FROM {fts} WHERE {fts} MATCH {expression})", fts=self.fts, expression=param(e))
            for e in expressions
        ]
        with connection.cursor() as cursor:
            cursor.execute(
                *compose("SELECT (SELECT COUNT(*) FROM {fts}), {counts}", fts=self.fts, counts=join(", ", counts))
            )
            return list(cursor.fetchone())

    def hits(self, question, *, every, pairs, coordinated, rarities, expected, window=None):
        """Every hit with its score and tier; `expected` and `window` make no difference here: SQLite serves
        small sites, where ranking every hit costs little."""

        def within(expression):
            return compose(
                "(e.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH {expression}))",
                fts=self.fts,
                expression=param(expression),
            )

        concepts = question.concepts
        score = compose(
            "-bm25({fts}, 0.0, 1.0, {title_weight}) * d.weight "
            "* CASE WHEN {typed} THEN 1.0 ELSE {expansion_weight} END",
            fts=self.fts,
            title_weight=TITLE_WEIGHT,
            typed=within(self.match(question, every=every, pairs=pairs, typed_only=True)),
            expansion_weight=EXPANSION_WEIGHT,
        )
        literal = question.literal
        own = self.own_match(question, every=every, pairs=pairs)
        holds_question = [within(own)] if own else []
        order = tier(
            [*holds_question, *(within(self.concept(concept, literal=literal)) for concept in concepts[:coordinated])],
            [
                (rarity, within(f"title : {self.concept(concept, literal=literal)}"))
                for concept, rarity in zip(concepts[: len(rarities)], rarities, strict=True)
            ],
        )
        # FTS first (CROSS JOIN fixes SQLite's join order): the full-text index narrows the rows,
        # the document and permission checks only run on those.
        return compose(
            "SELECT d.id AS doc_id, d.content_type_id, d.object_id, d.kind, "
            "COALESCE(p.municipality_id, d.municipality_id) AS municipality_id, "
            "COALESCE(d.parent_id, d.id) AS facet_doc_id, {score} AS score, {tier} + {labelled} + {closeness} AS tier, "
            "COALESCE(d.date, {no_date}) AS date_order, NULL AS matched "
            "FROM {fts} CROSS JOIN {entries} e ON e.id = {fts}.rowid "
            "CROSS JOIN {documents} d ON d.content_type_id = e.content_type_id AND d.object_id = e.object_id "
            "LEFT JOIN {documents} p ON p.id = d.parent_id "
            "WHERE {fts} MATCH {question}",
            score=score,
            tier=order,
            labelled=labelled(concepts, rarities, literal),
            closeness=closeness(question.related_labels, holds_question[0] if own else Fragment("1")),
            fts=self.fts,
            entries=self.quote(self.entries),
            documents=self.quote(self.documents),
            question=param(self.match(question, every=every, pairs=pairs)),
            no_date=NO_DATE,
        )

    def prefixes(self, words):
        """Index entries `e` with autocomplete words starting like each of `words`: the rows, and the condition."""
        source = compose(
            "{fts} CROSS JOIN {entries} e ON e.id = {fts}.rowid", fts=self.fts, entries=self.quote(self.entries)
        )
        starting = "{autocomplete} : " + " ".join(f'"{word}"*' for word in words)
        return source, compose("{fts} MATCH {starting}", fts=self.fts, starting=param(starting))


class PostgresDialect(Dialect):
    BOTH, EITHER = "&", "|"

    def word(self, text, *, typed_only=False):
        """A to_tsquery('swedish', …) text: PostgreSQL stems each quoted word itself."""
        typed = f"'{text}':*" if len(analysis.stem(text)) >= PREFIX_FROM else f"'{text}'"
        parts = [] if typed_only else self.compound_parts(text)
        if parts:
            return f"({typed} | (" + " & ".join(f"'{part}'" + (":*" if prefix else "") for part, prefix in parts) + "))"
        return typed

    def exact(self, text):
        return f"'{text}'"

    def document_frequencies(self, expressions):
        """How many index entries there are, and how many hold each expression.

        Counted on a sample of about SAMPLE_ROWS entries (all of a smaller table), in one pass:
        exact counts of eight common words took 1.5 s at 200 000 posts, the sample takes a few
        dozen milliseconds, and rarity needs no more precision than that.
        """
        counts = [
            compose(
                "COUNT(*) FILTER (WHERE (e.title || e.body) @@ to_tsquery('swedish', {expression}))",
                expression=param(e),
            )
            for e in expressions
        ]
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [self.entries])
            estimate = cursor.fetchone()[0]  # -1 until the table is first analysed
            share = 100.0 if estimate <= SAMPLE_ROWS else 100.0 * SAMPLE_ROWS / estimate
            cursor.execute(
                *compose(
                    "SELECT COUNT(*), {counts} FROM {entries} e TABLESAMPLE SYSTEM ({share}) REPEATABLE (0)",
                    counts=join(", ", counts),
                    entries=self.quote(self.entries),
                    share=param(share),
                )
            )
            sampled, *frequencies = cursor.fetchone()
        if share == 100.0:
            return [sampled, *frequencies]
        scale = estimate / max(sampled, 1)
        return [round(estimate), *(round(found * scale) for found in frequencies)]

    def hits(self, question, *, every, pairs, coordinated, rarities, expected, window=None):
        """Every hit with its score and tier; how the documents are joined depends on `expected`.

        With a `window`, only that many index entries go on to the documents, the best by what the entry
        itself says (its tier and score, before the labels and weight of its document): each hit then
        tells how many entries matched, counted up to one past the window (`matched`; NULL without one).
        """

        def holds(column, expression):
            return compose(
                "({column} @@ to_tsquery('swedish', {expression}))::int", column=column, expression=param(expression)
            )

        concepts = question.concepts
        literal = question.literal
        own = self.own_match(question, every=every, pairs=pairs)
        holds_question = [holds("(e.title || e.body)", own)] if own else []
        order = tier(
            [
                *holds_question,
                *(
                    holds("(e.title || e.body)", self.concept(concept, literal=literal))
                    for concept in concepts[:coordinated]
                ),
            ],
            [
                (rarity, holds("e.title", self.concept(concept, literal=literal)))
                for concept, rarity in zip(concepts[: len(rarities)], rarities, strict=True)
            ],
        )
        searched = self.match(question, every=every, pairs=pairs)
        typed = self.match(question, every=every, pairs=pairs, typed_only=True)
        # Without synonyms or compound parts every hit holds what was typed: no second test of each entry.
        expanded = (
            Fragment("1.0")
            if typed == searched
            else compose(
                "CASE WHEN (e.title || e.body) @@ q.typed THEN 1.0 ELSE {expansion_weight} END",
                expansion_weight=EXPANSION_WEIGHT,
            )
        )
        score = compose(
            "(ts_rank({weights}, e.title, q.query) * {title_weight} + ts_rank({weights}, e.body, q.query)) "
            "* {expanded}",
            weights=RANK_WEIGHTS,
            title_weight=TITLE_WEIGHT,
            expanded=expanded,
        )
        matching = compose(
            "SELECT e.content_type_id, e.object_id, {score} AS score, {tier} AS tier, {own} AS own "
            "FROM {entries} e, q WHERE (e.title || e.body) @@ q.query",
            score=score,
            tier=order,
            own=holds_question[0] if own else Fragment("1"),
            entries=self.quote(self.entries),
        )
        if window:
            # One entry past the window tells whether more matched: a top-N sort in memory, where counting every
            # match beside it (COUNT(*) OVER ()) sorted all 92 000 entries on disk.
            matching = compose(
                "{matching} ORDER BY tier DESC, score DESC LIMIT {beyond}", matching=matching, beyond=param(window + 1)
            )
            ranked = compose(
                "(SELECT *, (SELECT COUNT(*) FROM found) AS matched FROM found ORDER BY tier DESC, score DESC "
                "LIMIT {window}) found",
                window=param(window),
            )
        else:
            ranked = Fragment("(SELECT *, CAST(NULL AS BIGINT) AS matched FROM found) found")
        # The full-text match runs first, on its own (MATERIALIZED): `title || body` is what the GIN
        # index of migration 0004 covers. Left to itself the planner walked all documents and probed
        # the index for each (0.65 s at 200 000 posts instead of 0.03 s).
        return compose(
            "WITH q AS (SELECT to_tsquery('swedish', {question}) AS query, to_tsquery('swedish', {typed}) AS typed), "
            "found AS MATERIALIZED ({matching}) "
            "SELECT d.id AS doc_id, d.content_type_id, d.object_id, d.kind, "
            "COALESCE(p.municipality_id, d.municipality_id) AS municipality_id, "
            "COALESCE(d.parent_id, d.id) AS facet_doc_id, found.score * d.weight AS score, "
            "found.tier + {labelled} + {closeness} AS tier, "
            "COALESCE(d.date, {no_date}) AS date_order, found.matched "
            "FROM {ranked} {documents} WHERE TRUE",
            no_date=NO_DATE,
            question=param(searched),
            typed=param(typed),
            matching=matching,
            ranked=ranked,
            labelled=labelled(concepts, rarities, literal),
            closeness=closeness(question.related_labels, Fragment("found.own")),
            documents=self.documents_join(min(expected, window) if window else expected),
        )

    def documents_join(self, expected):
        """Each hit's document and its parent's: looked up one by one for up to LOOKUP_UP_TO hits,
        hashed whole beyond (the planner, misjudging the permission filter, hashed all 200 000
        documents even for 2 000 hits: 0.2 s instead of 0.06 s)."""
        documents = self.quote(self.documents)
        if expected <= LOOKUP_UP_TO:
            # LIMIT 1 keeps the subqueries apart, so PostgreSQL probes the unique index per hit.
            return compose(
                "CROSS JOIN LATERAL (SELECT * FROM {documents} one WHERE one.content_type_id = found.content_type_id "
                "AND one.object_id = found.object_id LIMIT 1) d "
                "LEFT JOIN LATERAL (SELECT * FROM {documents} one WHERE one.id = d.parent_id LIMIT 1) p ON TRUE",
                documents=documents,
            )
        return compose(
            "JOIN {documents} d ON d.content_type_id = found.content_type_id AND d.object_id = found.object_id "
            "LEFT JOIN {documents} p ON p.id = d.parent_id",
            documents=documents,
        )

    def prefixes(self, words):
        """Index entries `e` with autocomplete words starting like each of `words`: the rows, and the condition."""
        starting = " & ".join(f"'{word}':*" for word in words)
        return (
            compose("{entries} e", entries=self.quote(self.entries)),
            compose("e.autocomplete @@ to_tsquery('simple', {starting})", starting=param(starting)),
        )


def dialect():
    return PostgresDialect() if connection.vendor == "postgresql" else SQLiteDialect()


def visibility(category_ids):
    """Only listed documents (and listed parents) in the categories the person may see (None: every one)."""
    listed = Fragment(" AND d.listed AND (p.id IS NULL OR p.listed)")
    if category_ids is None:
        return listed
    category = "COALESCE(p.category_id, d.category_id)"
    if not category_ids:
        return compose("{listed} AND {category} IS NULL", listed=listed, category=category)
    return compose(
        "{listed} AND ({category} IS NULL OR {category} IN ({ids}))",
        listed=listed,
        category=category,
        ids=join(", ", map(param, category_ids)),
    )


def narrowing(filters):
    """The conditions of the chosen facets, all of which must hold."""
    conditions = []
    if filters.kinds:
        conditions.append(compose(" AND d.kind IN ({kinds})", kinds=join(", ", map(param, filters.kinds))))
    if filters.municipality_id:
        conditions.append(
            compose(
                " AND COALESCE(p.municipality_id, d.municipality_id) = {municipality}",
                municipality=param(filters.municipality_id),
            )
        )
    for facet, value_id in filters.facets:
        conditions.append(
            compose(
                " AND EXISTS (SELECT 1 FROM {facets} f WHERE f.document_id = COALESCE(d.parent_id, d.id) "
                "AND f.facet = {facet} AND f.value_id = {value})",
                facets=connection.ops.quote_name(SearchFacet._meta.db_table),
                facet=param(facet),
                value=param(value_id),
            )
        )
    return join("", conditions)


def page_and_facets(hits, *, page, per_page, order=RELEVANCE):
    """One page of `hits` in order, and the counts by kind, municipality and facet of all of them.

    A page past the end gives the last page, in the same statement: (COUNT - 1) / n * n is where it
    starts. Every row has the same columns: its type (HIT_ROW, TYPE_FACET, MUNICIPALITY_FACET, a facet, or
    MATCHED_ROW, whose count is the index entries matched before the hits' window, NULL without one), kind,
    object id, content type or value id, facet document or count, score, place on the page (`order`: one of
    ORDERS) and document id.
    """
    integer, number = "CAST(NULL AS INTEGER)", "CAST(NULL AS DOUBLE PRECISION)"
    last = compose("(COUNT(*) - 1) / {per_page} * {per_page}", per_page=param(per_page))
    start = param((page - 1) * per_page)
    return compose(
        "WITH hits AS MATERIALIZED ({hits}), "
        "page AS (SELECT * FROM hits ORDER BY {order} LIMIT {per_page} "
        "OFFSET (SELECT CASE WHEN {start} <= {last} THEN {start} ELSE {last} END FROM hits)) "
        "SELECT CAST({hit_row} AS TEXT), kind, object_id, content_type_id, facet_doc_id, score, "
        "ROW_NUMBER() OVER (ORDER BY {order}), doc_id "
        "FROM page "
        "UNION ALL SELECT {type_row}, kind, NULL, {integer}, COUNT(*), {number}, {integer}, {integer} "
        "FROM hits GROUP BY kind "
        "UNION ALL SELECT {municipality_row}, NULL, NULL, municipality_id, COUNT(*), {number}, {integer}, {integer} "
        "FROM hits WHERE municipality_id IS NOT NULL GROUP BY municipality_id "
        "UNION ALL SELECT f.facet, NULL, NULL, f.value_id, COUNT(*), {number}, {integer}, {integer} "
        "FROM hits JOIN {facets} f ON f.document_id = hits.facet_doc_id GROUP BY f.facet, f.value_id "
        "UNION ALL SELECT {matched_row}, NULL, NULL, {integer}, MAX(matched), {number}, {integer}, {integer} FROM hits",
        hit_row=param(HIT_ROW),
        matched_row=param(MATCHED_ROW),
        type_row=param(TYPE_FACET),
        municipality_row=param(MUNICIPALITY_FACET),
        hits=hits,
        per_page=param(per_page),
        start=start,
        last=last,
        integer=integer,
        number=number,
        order=ORDERS[order],
        facets=connection.ops.quote_name(SearchFacet._meta.db_table),
    )
