"""Time the one search against the raw full-text query on the same data: p50, p95 and their ratio.

Meant for the large data set (`seed_scale`) on PostgreSQL, through `make bench-search`. The raw
query is what PostgreSQL alone needs to find and rank the ten best rows of the index for the same
words; the search adds synonyms, Swedish forms, permissions, facet counts and the page shown.
"""

import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from wagtail.search.models import IndexEntry

from accounts import roles
from accounts.models import User
from search import engine

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
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Time 20 typical searches against the raw full-text query (p50, p95, ratio); use on seed_scale data."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5, help="Times each query is run (after one warm-up).")

    def handle(self, *args, runs, **options):
        if connection.vendor != "postgresql":
            raise CommandError("bench_search compares with PostgreSQL's own full-text query: set DATABASE_URL.")
        reader = User.objects.filter(is_active=True, groups__name=roles.EMPLOYEE, is_superuser=False).first()
        if reader is None or not IndexEntry.objects.exists():
            raise CommandError("No indexed data: run `manage.py seed_scale` first (make bench-search does).")
        raw_sql = (
            f"SELECT id FROM {connection.ops.quote_name(IndexEntry._meta.db_table)} "  # noqa: S608 - names come from the models, values are parameters  # nosec B608
            "WHERE (title || body) @@ plainto_tsquery('swedish', %s) "
            "ORDER BY ts_rank(title, plainto_tsquery('swedish', %s)) + ts_rank(body, plainto_tsquery('swedish', %s)) "
            "DESC LIMIT 10"
        )

        def search(query):
            return engine.search(reader, query).count

        def raw(query):
            with connection.cursor() as cursor:
                cursor.execute(raw_sql, [query, query, query])
                return len(cursor.fetchall())

        timings = {"search": [], "raw": []}
        self.stdout.write(f"{'query':36} {'hits':>8} {'search ms':>10} {'raw ms':>8}")
        for query in QUERIES:
            hits = search(query)
            raw(query)
            mine, theirs = [], []
            for _run in range(runs):
                for runner, sink in ((search, mine), (raw, theirs)):
                    started = time.perf_counter()
                    runner(query)
                    sink.append((time.perf_counter() - started) * 1000)
            timings["search"] += mine
            timings["raw"] += theirs
            self.stdout.write(
                f"{query[:36]:36} {hits:>8} {statistics.median(mine):>10.1f} {statistics.median(theirs):>8.1f}"
            )
        rows = {name: (percentile(values, 0.5), percentile(values, 0.95)) for name, values in timings.items()}
        self.stdout.write("")
        for name, label in (("search", "search (page, facets, permissions)"), ("raw", "raw PostgreSQL full text")):
            p50, p95 = rows[name]
            self.stdout.write(f"{label:38} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms")
        self.stdout.write(
            f"ratio search/raw:                      p50 {rows['search'][0] / rows['raw'][0]:8.2f}      "
            f"p95 {rows['search'][1] / rows['raw'][1]:8.2f}"
        )
