"""Measured relevance: judged Swedish queries run through the one search, scored as recall@5 and MRR.

A relevance set is a corpus in the import format and a list of queries, each naming by
import id the items a social worker typing it would want to see. The project's own is
tests/search/relevance/ (described in its README.md); `make search-eval` and
tests/search/test_relevance.py name that folder, as this code reads only the files it is given.

For one query, recall@5 is the share of its relevant items among the first five results,
out of at most five (any five of eight relevant items answer it fully); the reciprocal
rank is 1/rank of the first relevant result within the first ten, or 0. A forum post
counts as its thread, and an item already ranked is not counted again.
"""

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Page

from accounts import roles
from accounts.models import User
from forum.models import Post, Thread
from importing.models import ImportedPage, ImportedThread
from importing.reading import read_file
from importing.services import import_content

QUERIES_FILE = "queries.json"
# The demo's own order: pages first, then the forum that discusses them, then what refers to both.
CORPUS_ORDER = ("knowledge.json", "forum.json", "extra.json")
CUTOFF = 5
DEPTH = 10
# Several posts of one thread can match; asking for more results leaves DEPTH distinct items.
FETCH = 30
RECALL_FLOOR = 0.8
TARGET_RECALL = 0.9
TARGET_MRR = 0.8
EVALUATION_EMAIL = "sokutvardering@kunskapsforum.invalid"
TYPE_OF_LIST = {
    "methods": "method",
    "experiences": "experience",
    "articles": "article",
    "topics": "topic",
    "threads": "thread",
}


class RelevanceSetError(Exception):
    """The relevance set cannot be run; `problems` says every reason."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Item:
    """An item of the corpus as the relevance set names it: its type and its id in the import file."""

    type: str
    id: str


@dataclass(frozen=True)
class Query:
    text: str
    relevant: tuple[Item, ...]
    about: str = ""
    english: str = ""  # the same question as an English-speaking colleague would type it, judged alike


@dataclass(frozen=True)
class Ranked:
    """One distinct result: what it is, and whether the query's judgments call it relevant."""

    title: str
    kind: str
    item: Item | None
    relevant: bool


@dataclass(frozen=True)
class QueryResult:
    query: Query
    ranked: list[Ranked]
    recall: float
    reciprocal_rank: float

    @property
    def missed(self):
        """The relevant items not among the first five results."""
        found = {ranked.item for ranked in self.ranked[:CUTOFF] if ranked.relevant}
        return [item for item in self.query.relevant if item not in found]


@dataclass(frozen=True)
class Evaluation:
    thesaurus: bool
    results: list[QueryResult]

    @property
    def recall(self):
        return mean(result.recall for result in self.results)

    @property
    def mrr(self):
        return mean(result.reciprocal_rank for result in self.results)


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else 0.0


# The relevance set on disk


def corpus_files(paths):
    """The corpus files to import, in order: files as given; a folder's JSON files in CORPUS_ORDER, then by name."""
    position = {name: index for index, name in enumerate(CORPUS_ORDER)}
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            found = [file for file in path.glob("*.json") if not file.name.startswith("queries")]
            files += sorted(found, key=lambda file: (position.get(file.name, len(position)), file.name))
        else:
            files.append(path)
    return files


def queries_file(paths):
    """The queries beside the corpus: queries.json in its folder, when the corpus is one folder."""
    if len(paths) == 1 and Path(paths[0]).is_dir():
        return Path(paths[0]) / QUERIES_FILE
    raise RelevanceSetError([_("The corpus is not one folder: name the file of judged queries with --queries.")])


def load_queries(path):
    """The judged queries of a file: [{"query", "relevant": [{"type", "id"}], "about"}, …]."""
    try:
        entries = json.loads(Path(path).read_text(encoding="utf-8-sig"))
        return [
            Query(
                text=entry["query"],
                relevant=tuple(Item(judged["type"], judged["id"]) for judged in entry["relevant"]),
                about=entry.get("about", ""),
                english=entry.get("english", ""),
            )
            for entry in entries
        ]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise RelevanceSetError(
            [_("%(file)s is not a list of judged queries: %(reason)s") % {"file": path, "reason": repr(error)}]
        ) from None


def corpus_items(files):
    """Every item of the corpus files → its title.

    Threads in a restricted category are left out: the evaluation's user may not see them.
    """
    items, restricted = {}, set()
    for path in files:
        data = read_file(path)
        if not isinstance(data, dict):
            raise RelevanceSetError([_("%(file)s is not an import file: it holds no object.") % {"file": path}])
        for category in entries_of(data, "categories"):
            if category.get("restricted_to_roles") or category.get("restricted_to_municipalities"):
                restricted |= {str(category.get(key) or "").casefold() for key in ("id", "name", "name_en")} - {""}
        for key, item_type in TYPE_OF_LIST.items():
            for entry in entries_of(data, key):
                if item_type == "thread" and str(entry.get("category", "")).casefold() in restricted:
                    continue
                items[Item(item_type, str(entry.get("id")))] = entry.get("title", "")
    return items


def entries_of(data, key):
    """The objects of one list of an import file; the import itself reports anything malformed."""
    entries = data.get(key)
    return [entry for entry in entries if isinstance(entry, dict)] if isinstance(entries, list) else []


def check(queries, items):
    """Everything wrong with the judged queries against the corpus items; an empty list when nothing is."""
    problems, seen = [], {}
    for position, query in enumerate(queries):
        where = f'queries[{position}] "{query.text}"'
        text = " ".join(query.text.casefold().split())
        if not text:
            problems.append(_("%(where)s: the query is empty") % {"where": where})
        elif text in seen:
            problems.append(
                _("%(where)s: the same query as queries[%(other)d]") % {"where": where, "other": seen[text]}
            )
        seen.setdefault(text, position)
        if not query.relevant:
            problems.append(_("%(where)s: no relevant items") % {"where": where})
        if len(set(query.relevant)) < len(query.relevant):
            problems.append(_("%(where)s: an item is judged twice") % {"where": where})
        for item in query.relevant:
            if item.type not in TYPE_OF_LIST.values():
                problems.append(
                    _("%(where)s: unknown type %(type)s; valid types: %(valid)s")
                    % {"where": where, "type": item.type, "valid": ", ".join(TYPE_OF_LIST.values())}
                )
            elif item not in items:
                problems.append(
                    _("%(where)s: no %(type)s with id %(id)s that everyone may see in the corpus")
                    % {"where": where, "type": item.type, "id": item.id}
                )
    return problems


def import_corpus(files, *, out=None):
    """Import the corpus files one by one, in order, through the import; returns their reports."""
    return [import_content(path, out=out) for path in files]


# Running the queries


def imported_items():
    """Where each imported item lives in this database: Item → ("page", pk) or ("thread", pk)."""
    places = {
        Item(kind, source_id): ("page", page_id)
        for kind, source_id, page_id in ImportedPage.objects.values_list("kind", "source_id", "page_id")
    }
    places.update(
        (Item("thread", source_id), ("thread", thread_id))
        for source_id, thread_id in ImportedThread.objects.values_list("source_id", "thread_id")
    )
    return places


def place_of(result):
    """The item a search result stands for: a post stands for its thread."""
    if isinstance(result, Post):
        return ("thread", result.thread_id)
    if isinstance(result, Thread):
        return ("thread", result.pk)
    if isinstance(result, Page):
        return ("page", result.pk)
    return (type(result).__name__, result.pk)


def describe(result):
    """Title and kind of a result, for people reading the report."""
    shown = result.thread if isinstance(result, Post) else result
    return shown.title, str(shown._meta.verbose_name)


def evaluation_user():
    """A colleague with no special role: an active employee of no particular municipality."""
    user = User.objects.create_user(email=EVALUATION_EMAIL, first_name="Sök", last_name="Utvärdering")
    user.groups.add(*Group.objects.filter(name=roles.EMPLOYEE))
    return user


def score(query, results, item_at):
    """recall@5 and reciprocal rank of one query's results."""
    relevant, seen, ranked = set(query.relevant), set(), []
    for hit in results.hits:
        place = place_of(hit.obj)
        if place in seen:
            continue
        seen.add(place)
        item = item_at.get(place)
        ranked.append(Ranked(*describe(hit.obj), item=item, relevant=item in relevant))
        if len(ranked) == DEPTH:
            break
    found = sum(1 for result in ranked[:CUTOFF] if result.relevant)
    first = next((rank for rank, result in enumerate(ranked, start=1) if result.relevant), None)
    return QueryResult(
        query=query,
        ranked=ranked,
        recall=found / min(len(relevant), CUTOFF),
        reciprocal_rank=1 / first if first else 0.0,
    )


def evaluate(queries, *, user, thesaurus=True, search_function=None):
    """Run every query through the search as `user`; the corpus must have been imported."""
    if search_function is None:
        # Looked up here, so that a stand-in can be passed and the set checked without an engine.
        from search.engine import search as search_function
    places = imported_items()
    missing = sorted({item for query in queries for item in query.relevant} - places.keys(), key=str)
    if missing:
        raise RelevanceSetError(
            [
                ngettext(
                    "%(count)d judged item has not been imported: %(items)s",
                    "%(count)d judged items have not been imported, among them %(items)s",
                    len(missing),
                )
                % {"count": len(missing), "items": ", ".join(f"{item.type} {item.id}" for item in missing[:3])}
            ]
        )
    item_at = {place: item for item, place in places.items()}
    return Evaluation(
        thesaurus=thesaurus,
        results=[
            score(query, search_function(user, query.text, page=1, per_page=FETCH, thesaurus=thesaurus), item_at)
            for query in queries
        ],
    )


def run(queries, *, search_function=None):
    """Evaluate with and without the thesaurus as a colleague with no special role; the database is left as it was."""
    runs = run_all(queries, search_function=search_function)
    return runs.with_thesaurus, runs.without_thesaurus


@dataclass(frozen=True)
class Runs:
    """The clean queries with and without the thesaurus, the same with a typo, and the English queries."""

    with_thesaurus: Evaluation
    without_thesaurus: Evaluation
    typo: Evaluation
    english: Evaluation


def run_all(queries, *, search_function=None):
    """Every run of `Runs`, as a colleague with no special role; the database is left as it was."""
    with transaction.atomic():
        user = evaluation_user()

        def evaluated(query_set, *, thesaurus=True):
            return evaluate(query_set, user=user, thesaurus=thesaurus, search_function=search_function)

        runs = Runs(
            with_thesaurus=evaluated(queries),
            without_thesaurus=evaluated(queries, thesaurus=False),
            typo=evaluated(typo_queries(queries)),
            english=evaluated(english_queries(queries)),
        )
        transaction.set_rollback(True)
    return runs


# The typo and English runs

LETTERS = re.compile(r"[^\W\d_]+")


def with_typo(text, position):
    """`text` with one slip in its longest word: a letter left out (even `position`) or two swapped (odd).

    The slip is in the middle of the word, where people make them and where no prefix search can
    paper over it; a word too short for a slip is left as it is.
    """
    words = list(LETTERS.finditer(text))
    if not words:
        return text
    word = max(words, key=lambda match: len(match.group()))
    letters = word.group()
    middle = len(letters) // 2
    if position % 2 == 0 and len(letters) > 1:
        slipped = letters[:middle] + letters[middle + 1 :]
    else:
        slipped = letters
        # Swapping two equal letters changes nothing: take the next pair that differs.
        for first in [*range(max(middle - 1, 0), len(letters) - 1), *range(max(middle - 1, 0))]:
            if letters[first] != letters[first + 1]:
                slipped = letters[:first] + letters[first + 1] + letters[first] + letters[first + 2 :]
                break
    return text[: word.start()] + slipped + text[word.end() :]


def typo_queries(queries):
    """Each query with one slip in its longest word (`with_typo`), judged as the query it came from."""
    return [replace(query, text=with_typo(query.text, position)) for position, query in enumerate(queries)]


def english_queries(queries):
    """The queries that have an English version, as that version, judged as the Swedish query."""
    return [replace(query, text=query.english) for query in queries if query.english]
