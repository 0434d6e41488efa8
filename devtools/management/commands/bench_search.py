"""Time the one search against PostgreSQL's own full-text query on the same data, in this process: p50 and p95.

Meant for the large data set (`seed_scale`) on PostgreSQL. `make bench-search` runs it beside the
search page served by gunicorn (devtools/bench/run.py), whose p95 is held to SEARCH_TARGET_RATIO times
the raw query's. The raw query is what PostgreSQL alone needs to find and rank the ten best index
entries for the same tsquery the search builds (its synonyms and Swedish forms included); the search
adds permissions, facet counts, the objects shown and, on the page, the template. The plain query
(plainto_tsquery of the words as typed) is printed beside it: it is what the figures before issue 16
were measured against.

The search keeps what a question found until the index changes (`search.engine._run`). Both ways are timed
here: asked first (the index's version renewed before each run, as after any write of the index) and asked
again; and the whole page, in this process, asked first. gunicorn's figures (devtools/bench/run.py) load the
same address over and over: they are the page asked again.
"""

import json
import statistics
import time
from pathlib import Path
from urllib.parse import urlencode

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.urls import reverse

from wagtail.search.models import IndexEntry

from accounts import roles
from accounts.models import User
from common import versions
from search import engine
from search.dialects import RANK_WEIGHTS, TITLE_WEIGHT, dialect
from search.documents import INDEX_VERSION
from search.question import SWEDISH, read_question

QUERIES = [
    "våld",
    "oro för barn hedersförtryck",
    "VINR äldre",
    "våldsutövare",
    "orosanmälan förskola",
    "hedersrelaterat våld och förtryck",
    "barn som upplever våld",
    "fritidsgård",
    "riskbedömning",
    "stödgrupp barn",
    "könsstympning",
    "skyddat boende",
    "samverkan socialtjänst polis",
    "relationsvåld",
    "digitalt våld unga",
    "ekonomiskt våld äldre",
    "kartläggning skola",
    "partnervåld",
    "våldsmottagning",
    "föräldrar samtal",
]


def percentile(values, share):
    """The value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(milliseconds):
    return {"p50_ms": round(percentile(milliseconds, 0.5), 2), "p95_ms": round(percentile(milliseconds, 0.95), 2)}


def ranked_sql(tsquery_function):
    """The ten best index entries for one tsquery, ranked as the search ranks title against text."""
    entries = connection.ops.quote_name(IndexEntry._meta.db_table)
    rank = f"ts_rank({RANK_WEIGHTS}, e.title, q.query) * {TITLE_WEIGHT} + ts_rank({RANK_WEIGHTS}, e.body, q.query)"
    return (
        f"WITH q AS (SELECT {tsquery_function}('swedish', %s) AS query) "  # noqa: S608 - names come from the models and constants, the words are a parameter  # nosec B608
        f"SELECT e.content_type_id, e.object_id FROM {entries} e, q WHERE (e.title || e.body) @@ q.query "
        f"ORDER BY {rank} DESC LIMIT 10"
    )


def search_tsquery(text):
    """The to_tsquery text the search builds for hits holding every word of `text`."""
    return dialect().match(read_question(text, language_hint=SWEDISH), every=True)


class Command(BaseCommand):
    help = "Time searches against the raw full-text query (p50, p95, ratio); use on seed_scale data on PostgreSQL."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5, help="Times each query is run (after one warm-up).")
        parser.add_argument(
            "--query", action="append", dest="queries", help="A search to time (repeat for more; default: 20 typical)."
        )
        parser.add_argument("--json", dest="json_path", help="Also write the timings here, as JSON.")

    def handle(self, *args, runs, queries, json_path, **options):
        if connection.vendor != "postgresql":
            raise CommandError("bench_search compares with PostgreSQL's own full-text query: set DATABASE_URL.")
        reader = User.objects.filter(is_active=True, groups__name=roles.EMPLOYEE, is_superuser=False).first()
        if reader is None or not IndexEntry.objects.exists():
            raise CommandError("No indexed data: run `manage.py seed_scale` first (make bench-search does).")
        raw_sql, plain_sql = ranked_sql("to_tsquery"), ranked_sql("plainto_tsquery")

        page = Client(HTTP_HOST="localhost")
        page.force_login(reader)

        def first_ask():
            versions.renew(INDEX_VERSION)  # as after any write of the index: nothing kept is asked for

        def timed(run, prepare):
            prepare()
            started = time.perf_counter()
            run()
            return (time.perf_counter() - started) * 1000

        def fetch(sql, words):
            with connection.cursor() as cursor:
                cursor.execute(sql, [words])
                return cursor.fetchall()

        def load(query):
            response = page.get(reverse("search:search") + "?" + urlencode({"q": query}))
            if response.status_code != 200:
                raise CommandError(f"The search page answered {response.status_code} for “{query}”.")

        names = ["engine", "kept", "page", "raw", "plain"]
        rows, overall = [], {name: [] for name in names}
        self.stdout.write(
            f"{'query':36} {'hits':>8} {'first ms':>9} {'again ms':>9} {'page ms':>8} {'raw ms':>8} {'plain ms':>9}"
        )
        for query in queries or QUERIES:
            tsquery = search_tsquery(query)
            runners = {  # name → (what is timed, what is done before it, untimed)
                "engine": (lambda query=query: engine.search(reader, query).hits, first_ask),
                "kept": (lambda query=query: engine.search(reader, query).hits, lambda: None),
                "page": (lambda query=query: load(query), first_ask),
                "raw": (lambda tsquery=tsquery: fetch(raw_sql, tsquery), lambda: None),
                "plain": (lambda query=query: fetch(plain_sql, query), lambda: None),
            }
            hits = engine.search(reader, query).count
            for run, prepare in runners.values():
                prepare()
                run()  # warm-up: caches, the planner, the pages of the index
            timings = {name: [] for name in runners}
            for _run in range(runs):
                for name, (run, prepare) in runners.items():
                    timings[name].append(timed(run, prepare))
            for name, values in timings.items():
                overall[name] += values
            rows.append(
                {"query": query, "tsquery": tsquery, "hits": hits, **{name: summary(v) for name, v in timings.items()}}
            )
            medians = {name: statistics.median(values) for name, values in timings.items()}
            self.stdout.write(
                f"{query[:36]:36} {hits:>8} {medians['engine']:>9.1f} {medians['kept']:>9.1f} {medians['page']:>8.1f} "
                f"{medians['raw']:>8.1f} {medians['plain']:>9.1f}"
            )
        totals = {name: summary(values) for name, values in overall.items()}
        self.stdout.write("")
        labels = {
            "engine": "search (engine, in process, asked first)",
            "kept": "search (engine, in process, asked again)",
            "page": "search page (in process, asked first)",
            "raw": "raw full text (the search's tsquery)",
            "plain": "raw full text (plainto_tsquery)",
        }
        for name, label in labels.items():
            self.stdout.write(f"{label:38} p50 {totals[name]['p50_ms']:8.1f} ms   p95 {totals[name]['p95_ms']:8.1f} ms")
        for name in ("engine", "kept", "page"):
            self.stdout.write(
                f"{'ratio ' + name + '/raw:':38} p50 {totals[name]['p50_ms'] / totals['raw']['p50_ms']:8.2f}      "
                f"p95 {totals[name]['p95_ms'] / totals['raw']['p95_ms']:8.2f}"
            )
        if json_path:
            Path(json_path).write_text(
                json.dumps({"runs": runs, "queries": rows, "overall": totals}, ensure_ascii=False, indent=2),
                encoding="utf-8",
            )
