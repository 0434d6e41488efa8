"""Version tokens for cached parts of pages: a cached part is keyed on the tokens of what it shows, and a write that
changes any of that gives the token a new value, so that every process's next read misses and renders anew.

Nothing is ever deleted from the cache: old entries are simply no longer asked for and expire. A token lost from
the cache (evicted, restarted) comes back as a new value, which is safe: it can only cause a miss. The token is
renewed at once and again when the writing transaction commits — at once, so that the writer's own next request
sees the change; at commit, so that a part rendered by another request from the data before the commit is never
kept under the new token. With several app processes the cache must be shared (REDIS_URL) for a change to show
everywhere at once; docs/operations.md.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

PREFIX = "version:"


def tokens(*names):
    """The current token of each name, in order; one cache round trip (two when a token must be made)."""
    keys = [PREFIX + name for name in names]
    found = cache.get_many(keys)
    missing = {key: uuid.uuid4().hex for key in keys if key not in found}
    if missing:
        for key, value in missing.items():
            cache.add(key, value, timeout=None)
        found |= cache.get_many(list(missing))  # whichever process added first wins
    return [found[key] for key in keys]


def renew(*names):
    """Give each name a new token: now, and once more when the current transaction commits."""

    def set_new():
        cache.set_many({PREFIX + name: uuid.uuid4().hex for name in names}, timeout=None)

    set_new()
    transaction.on_commit(set_new)
