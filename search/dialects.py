"""The SQL of the search: how each database finds and ranks words, and the shared narrowing.

SQLite matches with FTS5 and ranks with bm25; PostgreSQL matches tsvectors and ranks with
ts_rank. Statements are assembled from table names taken from the models and from fixed
fragments; every value, including the full-text expression, travels as a parameter.
"""

# ruff: noqa: S608

import itertools

from django.db import connection

from wagtail.search.models import IndexEntry

from . import analysis
from .models import SearchDocument, SearchFacet

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


class Dialect:
    """How one database finds and ranks words; the rest of the statement is shared."""

    def __init__(self):
        self.entries = IndexEntry._meta.db_table
        self.documents = SearchDocument._meta.db_table

    def quote(self, name):
        return connection.ops.quote_name(name)

    def concept(self, concept, *, typed_only=False):
        """Any of the concept's alternatives, each with all its words (`typed_only`: the first, as typed)."""
        chosen = concept[:1] if typed_only else concept
        alternatives = [
            "(" + f" {self.BOTH} ".join(self.word(text, typed_only=typed_only) for text in alternative) + ")"
            for alternative in chosen
        ]
        return "(" + f" {self.EITHER} ".join(alternatives) + ")"

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


def tier_sql(found, titled, rarities):
    """The order before the score: more concepts found first, then the rarer concepts in the title.

    A title is the author's own summary: "HRV i förskolan" answers "HRV förskola" better than a
    long text that repeats "hedersförtryck" and mentions a preschool once, whatever bm25 says.
    Rare concepts weigh more: for "VINR äldre", "Våld mot äldre" says more in its title than a
    title with "våld i nära relationer", the field's everyday words.
    """
    in_title = " + ".join(f"{rarity:.4f} * {test}" for rarity, test in zip(rarities, titled, strict=True))
    return f"({' + '.join(found) or '0'}) * 1000 + ({in_title or '0'})"


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


def visibility_sql(category_ids):
    sql = " AND d.listed AND (p.id IS NULL OR p.listed)"
    if category_ids is None:  # sees every category
        return sql, []
    category = "COALESCE(p.category_id, d.category_id)"
    if not category_ids:
        return sql + f" AND {category} IS NULL", []
    placeholders = ", ".join(["%s"] * len(category_ids))
    return sql + f" AND ({category} IS NULL OR {category} IN ({placeholders}))", list(category_ids)


def filter_sql(filters):
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
