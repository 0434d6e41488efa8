"""What the lists of events on other pages keep in the cache (the start page's next events, a method page's line of
upcoming ones), under which version tokens, and the writes that renew them.

An event is a page: its publication, change (a new time, called off), unpublication, move and view restrictions
renew the page tree's token (`PAGES_VERSION`, knowledge/signals.py), its host's name the vocabulary's
(`TERMS_VERSION`). How many places are left is not in the page: REGISTRATIONS is renewed by every save of a
registration (a new one, a cancellation, a place given from the waiting list; signals.py connects it). An event
leaves the lists when it ends, so a kept list is good only until the first of its events ends.

Nothing in these lists is the reader's own but which events they may see (`sight_of`, in the key); their own
registration shows only on the event's page.
"""

import hashlib

from django.utils import timezone

from common import versions
from common.parts import kept, part_key
from knowledge.parts import TERMS_VERSION
from knowledge.visibility import PAGES_VERSION, sight_of

REGISTRATIONS = versions.read_on_every_page("events:registrations")  # the start page's and method pages' events


def registrations_changed(**kwargs):
    """Connected to the saves of registrations: the places left have changed."""
    versions.renew(REGISTRATIONS)


def kept_listing(request, kind, render, *vary):
    """The list `render()` draws, as (HTML, when its first event ends or None), kept for everyone with the reader's
    sight until a token changes or that moment passes. The host is in the key, as the addresses in the list may
    name it."""
    tokens = versions.tokens(PAGES_VERSION, TERMS_VERSION, REGISTRATIONS)
    host = hashlib.sha256(request.get_host().encode()).hexdigest()[:12]
    key = part_key(kind, *vary, *tokens, host, sight_of(request.user))
    html, _first_ends = kept(key, render, good=lambda listing: listing[1] is None or listing[1] > timezone.now())
    return html
