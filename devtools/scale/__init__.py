"""The large data set for benchmarks (`manage.py seed_scale`): people, pages and forum made up from the field's words.

The texts come from a vocabulary of the field (words.txt) put together by a
seeded random generator (writer.py), so the same seed gives the same data.
They hold no personal data: no names of real people in the texts, no
numbers but years, no e-mail addresses. The people's addresses end in
.example, which mail never reaches.
"""

import random
from contextlib import contextmanager

from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index

from django.conf import settings
from django.db import connection, transaction
from django.test.utils import override_settings

from accounts.models import Municipality, Sector
from devtools.progress import Progress
from knowledge.services import ensure_sections

from .forum import MAX_POSTS_PER_THREAD, ForumMaker
from .pages import PageMaker
from .people import create_people, ensure_tags, scale_people
from .writer import Writer

__all__ = ["MAX_POSTS_PER_THREAD", "build_search_index", "is_seeded", "seed_scale"]

DEFAULT_SEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}


def is_seeded():
    return scale_people().exists()


def seed_scale(*, pages, threads, posts, seed, batch, stdout, long_thread=0):
    """Add the people, pages, threads and posts in one transaction; return what was made, by kind.

    Each stage draws its progress bar on `stdout` (devtools.progress).
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible made-up data, not a secret
    # No query log even under DEBUG: it would keep every bulk insert's SQL in memory.
    with override_settings(DEBUG=False), transaction.atomic():
        sections = ensure_sections()
        municipalities = list(Municipality.objects.order_by("pk"))
        writer = Writer(rng, [municipality.name for municipality in municipalities])
        people_progress = Progress(stdout, "People ", 1)
        people = create_people(rng, municipalities, list(Sector.objects.order_by("pk")))
        tags = ensure_tags()
        people_progress.finish(note=f"{len(people)} people, {len(tags)} tags")
        with search_index_paused():
            made = PageMaker(
                rng, writer, sections, municipalities, people, tags, Progress(stdout, "Pages  ", pages)
            ).create(pages)
            forum = ForumMaker(rng, writer, people, tags, made, Progress(stdout, "Forum  ", posts), batch)
            forum.create(threads, posts, long_thread=long_thread)
    return {"people": len(people), **{kind: len(made_pages) for kind, made_pages in made.items()}}


@contextmanager
def search_index_paused():
    """Saves leave the search index alone (AUTO_UPDATE off); it is built once for everything afterwards."""
    backends = getattr(settings, "WAGTAILSEARCH_BACKENDS", None) or DEFAULT_SEARCH_BACKENDS
    paused = {name: {**config, "AUTO_UPDATE": False} for name, config in backends.items()}
    with override_settings(WAGTAILSEARCH_BACKENDS=paused):
        yield


def build_search_index(stdout, chunk_size=1000):
    """Index everything, with one progress bar over all objects, then refresh the planner's statistics.

    What `update_index` does (modelsearch's rebuilder, a chunk of objects at a time), without its rows
    of dots. After a bulk load PostgreSQL's estimates are those of an empty table until autovacuum
    comes by; with them the search's joins were planned the slow way round.
    """
    for name in get_app_config().get_search_backend_config():
        backend = get_search_backend(name)
        if not backend.rebuilder_class:
            continue
        models = get_indexed_models()
        grouped = group_models_by_index(backend, models)
        progress = Progress(stdout, "Index  ", sum(model.get_indexed_objects().count() for model in models))
        for index, models in grouped.items():
            rebuilder = backend.rebuilder_class(index)
            started = rebuilder.start()
            for model in models:
                started.add_model(model)
            for model in models:
                label = f"{model._meta.app_label}.{model.__name__}"
                with transaction.atomic():  # as update_index: the objects cannot change while they are read
                    objects = model.get_indexed_objects().order_by("pk")
                    offset = 0
                    while chunk := list(objects[offset : offset + chunk_size]):
                        started.add_items(model, chunk)
                        offset += len(chunk)
                        progress.advance(len(chunk), note=label)
            rebuilder.finish()
        progress.finish(note=f"search backend {name!r}")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
