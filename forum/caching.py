"""What the forum's pages keep in the cache, under which version tokens, and the writes that renew them.

A cached part is keyed on the tokens of everything it shows (common/versions.py) and on whatever decides, for a
reader, which of it they may see; a write gives the tokens of what it changed a new value, so that every process's
next read misses and renders anew. The tokens:

- `thread_token(pk)`: what a thread's page shows of the thread and its posts. Renewed by every write to them
  (`thread_changed`, `posts_changed`): services.py, moderation.py, knowledge_link.py; many of them use
  `QuerySet.update()`, which sends no signal, so each renews by name.
- THREADS: what lists show of threads (the thread list, the categories' counts, the notification centre's titles,
  the discussions on knowledge pages and the start page)
  and which notifications may still be seen (a hidden post or thread, a move). Renewed by `thread_changed`.
- NAMES: what forum pages show that is written elsewhere: people's names, municipalities and whether their account
  is still open ("Tidigare medarbetare"), tags, categories' names. Renewed by the signals in forum/signals.py.
- ACCESS: who may see which category (its limits to roles and municipalities, and the roles' names). Renewed by
  forum/signals.py.
- `notifications_token(person_id)`: the person's notifications. Renewed whenever one is made, read or removed.

A part's key (`common.parts.part_key`) names these tokens, the language and the code that draws it; a part shown to
every reader who sees the same categories names their kind too (`readers_kind`).

What every request of a page reads and is the same for everyone, as a thread's row (views/threads.py `kept_thread`,
under its token and NAMES) and the categories' limits (models/categories.py, under ACCESS), is kept in each process's
memory (`common.kept.KeptInProcess`) under the same tokens; who may see it is asked of it in Python on every request.

What is a reader's own (unread marks, helpful-by-me, their edit links, CSRF tokens, follow buttons) never goes into
a part kept for many readers: the part holds a mark (`Holes`) where it goes, and each request fills the marks in.
"""

import re
import secrets

from django.utils.safestring import mark_safe

from common import versions
from knowledge.visibility import sight_of

# Both are asked on every signed-in page, by the header's count of notifications (context_processors.py).
THREADS = versions.read_on_every_page("forum:threads")
NAMES = versions.read_on_every_page("forum:names")  # the forum's pages, the discussions on knowledge pages
ACCESS = versions.read_on_every_page("forum:access")


def thread_token(pk):
    return f"forum:thread:{pk}"


def notifications_token(person_id):
    return f"forum:notifications:{person_id}"


def readers_kind(user):
    """What decides which threads a person may see (`Thread.objects.visible_to`): their roles and superuser flag,
    which `sight_of` digests (moderators, who see hidden threads, have a role of their own), and their municipality.
    Readers of a kind see the same threads, so a part of the forum's may be kept for all of them."""
    return sight_of(user), user.municipality_id


def tokens_with_the_header(user, *names):
    """The tokens of `names`, read in one round trip with the token of the person's notifications, which the header
    asks for next (context_processors.py)."""
    return versions.tokens(*names, notifications_token(user.pk))[: len(names)]


def thread_changed(*thread_ids):
    """A write changed threads as their pages and lists show them (a reply, a hide, a move, a new title …)."""
    versions.renew(THREADS, *(thread_token(pk) for pk in thread_ids))


def posts_changed(thread_id):
    """A write changed what only the thread's own page shows (a post's text, a helpful count)."""
    versions.renew(thread_token(thread_id))


def notifications_changed(*person_ids):
    """Notifications of these people were made, read or removed."""
    if person_ids:
        versions.renew(*(notifications_token(pk) for pk in person_ids))


class Holes:
    """Marks where a reader's own bits go in a part of a page kept for many readers, and their filling in; and
    sections of it that some readers see and others do not (`when`, `end`).

    Each rendering of a part makes its marks with a new random nonce, kept with the part: text written in the forum
    (in the same HTML) was written before the nonce existed, so it can never pass for a mark.
    """

    def __init__(self, nonce=None):
        self.nonce = nonce or secrets.token_hex(8)

    def mark(self, name, key=0):
        return mark_safe(f"\x00{self.nonce}:{name}:{key}\x00")  # noqa: S308  # nosec B308 B703 — no outside text

    def when(self, name):
        """Where the section `name` begins; it ends at `end(name)`. Sections are not nested."""
        return mark_safe(f"\x00{self.nonce}:when-{name}\x00")  # noqa: S308  # nosec B308 B703 — no outside text

    def end(self, name):
        return mark_safe(f"\x00{self.nonce}:end-{name}\x00")  # noqa: S308  # nosec B308 B703 — no outside text

    def sections(self):
        """What a template writes as `{{ when.name }}`…`{{ end.name }}` around a section."""
        return {"when": _MarksByName(self.when), "end": _MarksByName(self.end)}

    def fill(self, html, fillers, shown=None):
        """The HTML with each section kept when `shown(name)` says so and dropped otherwise, then each mark replaced
        by `fillers[name](key)`, which gives safe HTML."""
        if shown is not None:
            sections = re.compile(f"\x00{self.nonce}:when-(\\w+)\x00(.*?)\x00{self.nonce}:end-\\1\x00", re.DOTALL)
            html = sections.sub(lambda found: found[2] if shown(found[1]) else "", html)
        pattern = re.compile(f"\x00{self.nonce}:(\\w+):(\\d+)\x00")
        filled = pattern.sub(lambda found: str(fillers[found[1]](int(found[2]))), html)
        return mark_safe(filled)  # noqa: S308  # nosec B308 B703 — a part rendered by a template, and safe fillers


class _MarksByName:
    def __init__(self, make):
        self.make = make

    def __getitem__(self, name):
        return self.make(name)
