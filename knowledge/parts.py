"""Cached parts of the knowledge bank's pages: what everyone with the same sight sees, rendered once per version.

A method page took some forty queries and most of a hundred milliseconds of template work (the body's blocks,
taxonomies, ratings, materials, related methods, experiences) to draw what is the same for every reader who may
see the same pages. Those parts are kept in the cache as HTML (`{% cached_part %}`, knowledge/templatetags/
knowledge_parts.py), under a key made of:

- the page tree's version (`PAGES_VERSION`): renewed by every save, publication, unpublication, move and deletion
  of any page and every change of a view restriction or site (knowledge/signals.py), and by a municipality's
  confirmation of its use of a method (knowledge/services.py), which writes no page;
- the vocabulary's version (`TERMS_VERSION`): renewed by every change of what pages name by reference and show by
  its own text: tags, taxonomies, municipalities, sectors, documents and images (knowledge/signals.py);
- the reader's language, and their sight (`sight_of`), which decides which linked pages (related methods,
  experiences, methods used) they may see;
- whatever else a part names (the page, the day for "review overdue", the page's owner as shown);
- and, as every kept part's key (common/parts.py), the code, templates and translations that draw it: a deploy draws
  anew.

What is the reader's own (the bookmark button and its CSRF token, the forum's discussions with what the reader may
read, "who else knows" without the reader, the events they may see, the editor's user bar) is never inside a
cached part. A preview is never cached: it shows a draft.
"""

import hashlib

from common import versions
from common.parts import part_key

from .visibility import PAGES_VERSION, sight_of

# Asked by every knowledge page and the routing of pages: read with the first token of each request.
TERMS_VERSION = versions.read_on_every_page("knowledge-terms")


class PageParts:
    """The keys of one request's cached parts: one cache round trip for the versions, then one per part."""

    def __init__(self, request, *vary):
        pages_version, terms_version = versions.tokens(PAGES_VERSION, TERMS_VERSION)
        names = [pages_version, terms_version, sight_of(request.user), *vary]
        self.prefix = hashlib.sha256(":".join(str(name) for name in names).encode()).hexdigest()

    def key(self, name):
        return part_key(name, self.prefix)


def parts_for(request, *vary):
    """The request's PageParts, or None for a preview (a draft, never to be kept or shown to anyone else)."""
    if getattr(request, "is_preview", False):
        return None
    return PageParts(request, *vary)


def owner_shown(page):
    """What a page shows of its owner ("Shared by"): the name, and whether it links to a profile (active accounts
    only), for the key of the part that shows it; a rename or a closed account gives a new key."""
    owner = page.owner if page.owner_id else None
    return f"{owner.pk}:{owner}:{owner.is_active}" if owner else ""
