"""Parts of pages kept rendered in the shared cache, for the apps that keep them (knowledge, forum, events).

What a part shows is in its key through the version tokens of its data (common/versions.py), which each app names;
what every key holds besides is here: the language the part is drawn in and the code that draws it (`drawn_by`), so
that a deploy of new templates, translations or code draws every part anew instead of serving the old HTML until
it expires.
"""

import functools
import hashlib
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

# How long a part is kept at most; a change renews its tokens at once anyway, so this only frees memory.
PART_SECONDS = 60 * 60
DRAWING_FILES = (".html", ".mo", ".py")


@functools.cache
def drawn_by():
    """What the kept parts are drawn with, as a short digest: Django, the site's templates and translations, and the
    code of the project's apps (their migrations left out: they draw nothing). Read once per process (some hundreds
    of small files)."""
    digest = hashlib.sha256(django.get_version().encode())
    own_apps = [Path(app.path) for app in apps.get_app_configs() if Path(app.path).parent == Path(settings.BASE_DIR)]
    for root in [*settings.TEMPLATES[0]["DIRS"], *settings.LOCALE_PATHS, *own_apps]:
        for path in sorted(Path(root).rglob("*")):
            if path.suffix in DRAWING_FILES and "migrations" not in path.parts and path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def part_key(kind, *parts):
    """A cache key for a part of a page, in the language the page is drawn in, by the code that draws it."""
    return ":".join(["part", kind, drawn_by(), get_language() or "", *(str(part) for part in parts)])


def kept(key, render, seconds=PART_SECONDS, *, good=None):
    """The part kept under `key`, rendered and kept first when it is not there, or when `good(part)` says that what
    it shows has gone out of date by itself (as a list of events when the first of them ends)."""
    part = cache.get(key)
    if part is None or (good is not None and not good(part)):
        part = render()
        cache.set(key, part, seconds)
    return part
