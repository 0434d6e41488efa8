"""Version tokens for cached parts of pages: a cached part is keyed on the tokens of what it shows, and a write that
changes any of that gives the token a new value, so that every process's next read misses and renders anew.

Nothing is ever deleted from the cache: old entries are simply no longer asked for and expire. A token lost from
the cache (evicted, restarted) comes back as a new value, which is safe: it can only cause a miss. The token is
renewed at once and again when the writing transaction commits — at once, so that the writer's own next request
sees the change; at commit, so that a part rendered by another request from the data before the commit is never
kept under the new token. With several app processes the cache must be shared (REDIS_URL) for a change to show
everywhere at once; docs/operations.md.

Within one request each token is read from the cache once, and the tokens every signed-in page asks for (those
named with `read_on_every_page`: the person's access, the page tree, the support lines, and those most pages ask for,
as the names and the vocabulary) come together in that first round trip. A request is one moment: a write made by
another process while it runs shows from the next request on, as it would had the request begun a moment earlier.
Renewing a token inside the request updates what it holds. Outside a request (commands, the task worker) every
call asks the cache.
"""

import threading
import uuid

from django.core.cache import cache
from django.db import transaction

PREFIX = "version:"

# The names read with the first token a request asks for (`read_on_every_page`).
EVERY_PAGE = set()
# The tokens read so far in this thread's request; None outside a request. Set by `begin_request`.
_in_request = threading.local()


def read_on_every_page(name):
    """Mark a name as asked for on (almost) every page: it comes with the first token of each request."""
    EVERY_PAGE.add(name)
    return name


def begin_request(**kwargs):
    """Connected to `request_started` (intranet/apps.py)."""
    _in_request.tokens = {}


def end_request(**kwargs):
    """Connected to `request_finished`."""
    _in_request.tokens = None


def tokens(*names):
    """The current token of each name, in order; one cache round trip (two when a token must be made), and inside
    a request none for a token this request already read."""
    known = getattr(_in_request, "tokens", None)
    if known is None:
        return _read(names)
    missing = [name for name in names if name not in known]
    if missing:
        asked = missing + [name for name in EVERY_PAGE if name not in known and name not in missing]
        known.update(zip(asked, _read(asked), strict=True))
    return [known[name] for name in names]


def _read(names):
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
        new = {name: uuid.uuid4().hex for name in names}
        cache.set_many({PREFIX + name: token for name, token in new.items()}, timeout=None)
        known = getattr(_in_request, "tokens", None)
        if known is not None:
            known.update(new)

    set_new()
    transaction.on_commit(set_new)
