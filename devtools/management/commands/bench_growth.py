"""Measure how forum pages grow with the data: the same page at a small and a large size, as a ratio.

Absolute times depend on the machine; the ratio between sizes, taken in one
run, says whether a page scales. Run it through `make bench-growth`, which uses a
throwaway database.
"""

import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from accounts.models import Municipality, User
from forum.models import Category, Post, PostRevision, Thread
from knowledge.markdown import render_markdown

BODY = "Vi har provat **gruppverksamhet** för barn som upplever våld. Hur gör ni med väntetiden?"


class Command(BaseCommand):
    help = "Time forum pages at a small and a large data size and print the ratios (throwaway database only)."

    def add_arguments(self, parser):
        parser.add_argument("--small", type=int, default=20)
        parser.add_argument("--large", type=int, default=2000)
        parser.add_argument("--runs", type=int, default=15)

    def handle(self, *args, small, large, runs, **options):
        if not getattr(settings, "DEMO_SEED_ALLOWED", False):
            raise CommandError(
                "bench_growth refuses to run with production settings: it fills the database with test data."
            )
        if Thread.objects.exists():
            raise CommandError(
                "bench_growth needs an empty forum: run it through `make bench-growth`, which uses its own database."
            )
        self.runs = runs
        self.author, self.reader = self.people()
        self.category = Category.objects.get(slug="barn-och-unga")
        rows = []
        with override_settings(ALLOWED_HOSTS=["*"]):
            self.client = Client()
            self.client.force_login(self.reader)
            self.add_threads(small)
            small_list = self.measure(reverse("forum:index"))
            self.add_threads(large - small)
            rows.append(("Forum list", small, large, small_list, self.measure(reverse("forum:index"))))
            small_thread, large_thread = self.thread_with(small), self.thread_with(large)
            rows.append(
                (
                    "Thread page",
                    small,
                    large,
                    self.measure(small_thread.get_absolute_url()),
                    self.measure(large_thread.get_absolute_url()),
                )
            )
            rows.append(
                (
                    "Thread, last page",
                    small,
                    large,
                    self.measure(small_thread.url_of_post(small)),
                    self.measure(large_thread.url_of_post(large)),
                )
            )
        self.report(rows)

    def people(self):
        municipality = Municipality.objects.get(slug="sigtuna")
        author = User.objects.create_user("bench.author@bench.example", first_name="Bench", municipality=municipality)
        reader = User.objects.create_user("bench.reader@bench.example", first_name="Läsare", municipality=municipality)
        reader.groups.add(*roles_groups(roles.EMPLOYEE))
        return author, reader

    def add_threads(self, count):
        now = timezone.now()
        threads = Thread.objects.bulk_create(
            Thread(
                title=f"Tråd {number} om stöd till barn",
                category=self.category,
                author=self.author,
                municipality_id=self.author.municipality_id,
                created_at=now,
                last_activity_at=now,
                last_poster=self.author,
                post_count=1,
                last_post_number=1,
            )
            for number in range(count)
        )
        self.add_posts(threads, 1)

    def add_posts(self, threads, per_thread):
        html = render_markdown(BODY)
        posts = Post.objects.bulk_create(
            Post(thread=thread, number=number, author=self.author, body=BODY, body_html=html)
            for thread in threads
            for number in range(1, per_thread + 1)
        )
        PostRevision.objects.bulk_create(PostRevision(post=post, body=BODY, edited_by=self.author) for post in posts)

    def thread_with(self, post_count):
        thread = Thread.objects.create(
            title=f"Lång tråd med {post_count} inlägg",
            category=self.category,
            author=self.author,
            post_count=post_count,
            last_post_number=post_count,
        )
        self.add_posts([thread], post_count)
        return thread

    def measure(self, url):
        for _warm_up in range(3):
            self.client.get(url)
        times = []
        for _run in range(self.runs):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = self.client.get(url)
                times.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}")
        return statistics.median(times), len(queries)

    def report(self, rows):
        self.stdout.write(f"{'page':<20}{'small':>7}{'large':>7}{'queries':>12}{'time ratio large/small':>26}")
        for label, small, large, (small_time, small_queries), (large_time, large_queries) in rows:
            self.stdout.write(
                f"{label:<20}{small:>7}{large:>7}{f'{small_queries}→{large_queries}':>12}"
                f"{large_time / small_time:>26.2f}"
            )
        self.stdout.write(f"({connection.vendor}; median of {self.runs} runs; sizes in threads or posts)")


def roles_groups(*names):
    from django.contrib.auth.models import Group

    return Group.objects.filter(name__in=names)
