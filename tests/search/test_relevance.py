"""The relevance set (tests/search/relevance/) is sound, and the one search answers it well enough (issue 5)."""

from pathlib import Path

from devtools import search_evaluation as evaluation

RELEVANCE_DIR = Path(__file__).with_name("relevance")


def relevance_set():
    return evaluation.load_queries(evaluation.queries_file([RELEVANCE_DIR]))


def test_the_relevance_set_has_forty_distinct_queries_judged_against_items_everyone_may_see():
    queries = relevance_set()
    corpus = evaluation.corpus_items(evaluation.corpus_files([RELEVANCE_DIR]))

    assert len(queries) >= 40
    assert len(corpus) >= 100
    assert evaluation.check(queries, corpus) == []


def test_the_corpus_files_are_imported_in_the_order_their_references_need():
    names = [path.name for path in evaluation.corpus_files([RELEVANCE_DIR])]

    assert names == ["knowledge.json", "forum.json", "extra.json"]


def test_the_search_finds_what_the_judged_queries_mean(db):
    evaluation.import_corpus(evaluation.corpus_files([RELEVANCE_DIR]))

    with_thesaurus, without_thesaurus = evaluation.run(relevance_set())

    weakest = sorted(with_thesaurus.results, key=lambda result: (result.recall, result.reciprocal_rank))[:5]
    figures = (
        f"with thesaurus: recall@5 {with_thesaurus.recall:.2f}, MRR {with_thesaurus.mrr:.2f}; "
        f"without: recall@5 {without_thesaurus.recall:.2f}, MRR {without_thesaurus.mrr:.2f}; weakest: "
        + ", ".join(f"{result.query.text!r} {result.recall:.2f}" for result in weakest)
    )
    print(figures)
    recall = with_thesaurus.recall
    assert recall >= evaluation.RECALL_FLOOR, figures
