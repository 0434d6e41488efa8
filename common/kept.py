"""What a process keeps in its own memory between requests: values nearly every request reads, the same for all
who ask with the same key, where even the shared cache's round trip costs more than the rest of the read (a person's
roles, the forum's category limits, a thread's row, a routed page, the frame's parts, the header's campaign link and
unread count, the restricted paths).

Each is kept under a key that holds the version tokens of what it was read from (common/versions.py), so a write
that renews a token is seen by every process at its next request; entries of old tokens are simply no longer asked
for and go when the store is full, the one asked for longest ago first. The caller reads the tokens before the data:
a change committed after them renews them again, so a value is never kept under a token newer than its data.
"""

import pickle  # nosec B403 — only what this process pickled itself, never outside bytes
import threading
from collections import OrderedDict


class KeptInProcess:
    """At most `size` values of `read()`, by key. With `copies`, each value is kept pickled and every caller gets a
    copy of its own to change (model objects, to which views set attributes); without, callers share the value,
    which must then never be changed (frozen dataclasses, tuples, frozensets)."""

    def __init__(self, size, *, copies=False):
        self.size = size
        self.copies = copies
        self._kept = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, read):
        """The value kept under `key`; `read()` and kept first when it is not there, unless it is None (nothing
        is kept of what is not there: asked again, it is read again)."""
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
        if kept is not None:
            return pickle.loads(kept) if self.copies else kept  # noqa: S301  # nosec B301 — pickled just below
        value = read()
        if value is not None:
            kept = pickle.dumps(value, pickle.HIGHEST_PROTOCOL) if self.copies else value
            with self._lock:
                self._kept[key] = kept
                while len(self._kept) > self.size:
                    self._kept.popitem(last=False)
        return value

    def clear(self):
        """Forget everything kept (tests that change what the values are drawn from, as settings or URLs)."""
        with self._lock:
            self._kept.clear()
