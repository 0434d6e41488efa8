import argparse
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from devtools.scale import MAX_POSTS_PER_THREAD, build_search_index, is_seeded, seed_scale


def at_least(minimum):
    def number(text):
        value = int(text)
        if value < minimum:
            raise argparse.ArgumentTypeError(_("must be %(minimum)d or more") % {"minimum": minimum})
        return value

    return number


class Command(BaseCommand):
    help = (
        "Fill a throwaway database with the large data set for benchmarks: generated people, methods, experiences, "
        "articles, forum threads and posts, then build the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=at_least(0), default=2000, help="Knowledge pages (default 2000).")
        parser.add_argument("--threads", type=at_least(0), default=20000, help="Forum threads (default 20000).")
        parser.add_argument(
            "--posts",
            type=at_least(0),
            default=200000,
            help="Forum posts in all, each thread's first post included (default 200000).",
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed: the same seed gives the same data.")
        parser.add_argument(
            "--long-thread",
            type=at_least(0),
            default=0,
            help="Make the last thread this long (within --posts), in a category open to everyone (default: none).",
        )
        parser.add_argument("--no-index", action="store_true", help="Leave out building the search index.")
        parser.add_argument("--batch", type=at_least(1), default=1000, help="Rows per bulk insert (default 1000).")

    def handle(self, *args, pages, threads, posts, long_thread, seed, no_index, batch, **options):
        if not getattr(settings, "DEMO_SEED_ALLOWED", False):
            raise CommandError(
                _("seed_scale refuses to run with production settings: it fills the database with made-up content.")
            )
        if not threads <= posts <= threads * MAX_POSTS_PER_THREAD:
            raise CommandError(
                _("--posts must be from --threads to %(most)d times --threads: every thread has 1 to %(most)d posts.")
                % {"most": MAX_POSTS_PER_THREAD}
            )
        others = threads - 1
        if long_thread and not (threads and others <= posts - long_thread <= others * MAX_POSTS_PER_THREAD):
            raise CommandError(
                _(
                    "--long-thread must leave the other threads 1 to %(most)d posts each: at least one thread, "
                    "and --posts less --long-thread from --threads less one to %(most)d times that."
                )
                % {"most": MAX_POSTS_PER_THREAD}
            )
        if is_seeded():
            raise CommandError(
                _("The scale data set is already in this database. Run seed_scale on a new, empty or demo database.")
            )
        started = time.monotonic()
        sizes = {"pages": pages, "threads": threads, "posts": posts, "long_thread": long_thread}
        made = seed_scale(**sizes, seed=seed, batch=batch, stdout=self.stdout)
        if not no_index:
            build_search_index(self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Made {made['people']} people, {made['methods']} methods, {made['experiences']} experiences, "
                f"{made['articles']} articles, {threads} threads and {posts} posts "
                f"in {time.monotonic() - started:.1f} s."
            )
        )
