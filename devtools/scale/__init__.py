"""The large data set for benchmarks (`manage.py seed_scale`): people, pages and forum made up from the field's words.

The texts come from a vocabulary of the field (words.txt) put together by a
seeded random generator (writer.py), so the same seed gives the same data.
They hold no personal data: no names of real people in the texts, no
numbers but years, no e-mail addresses. The people's addresses end in
.example, which mail never reaches.
"""

import random
from contextlib import contextmanager

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import override_settings

from accounts.models import Municipality, Sector
from knowledge.services import ensure_sections

from .forum import MAX_POSTS_PER_THREAD, ForumMaker
from .pages import PageMaker
from .people import create_people, ensure_tags, scale_people
from .writer import Writer

__all__ = ["MAX_POSTS_PER_THREAD", "build_search_index", "is_seeded", "seed_scale"]

DEFAULT_SEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}


def is_seeded():
    return scale_people().exists()


def seed_scale(*, pages, threads, posts, seed, batch, report):
    """Add the people, pages, threads and posts in one transaction; return what was made, by kind."""
    rng = random.Random(seed)  # noqa: S311 - reproducible made-up data, not a secret
    # No query log even under DEBUG: it would keep every bulk insert's SQL in memory.
    with override_settings(DEBUG=False), transaction.atomic():
        sections = ensure_sections()
        municipalities = list(Municipality.objects.order_by("pk"))
        writer = Writer(rng, [municipality.name for municipality in municipalities])
        people = create_people(rng, municipalities, list(Sector.objects.order_by("pk")))
        tags = ensure_tags()
        report(f"People: {len(people)}, tags: {len(tags)}")
        with search_index_paused():
            made = PageMaker(rng, writer, sections, municipalities, people, tags, report).create(pages)
            ForumMaker(rng, writer, people, tags, made, report, batch).create(threads, posts)
    return {"people": len(people), **{kind: len(made_pages) for kind, made_pages in made.items()}}


@contextmanager
def search_index_paused():
    """Saves leave the search index alone (AUTO_UPDATE off); it is built once for everything afterwards."""
    backends = getattr(settings, "WAGTAILSEARCH_BACKENDS", None) or DEFAULT_SEARCH_BACKENDS
    paused = {name: {**config, "AUTO_UPDATE": False} for name, config in backends.items()}
    with override_settings(WAGTAILSEARCH_BACKENDS=paused):
        yield


def build_search_index(stdout):
    """Index everything, then refresh the planner's statistics.

    After a bulk load PostgreSQL's estimates are those of an empty table until autovacuum comes by;
    with them the search's joins were planned the slow way round.
    """
    call_command("update_index", stdout=stdout)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
