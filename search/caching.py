"""What the search page keeps drawn in the cache: the facets and the hits of one page of results, as HTML, for every
reader who may see the same rooms.

The engine keeps what a statement found under the index's token (`engine._run`). For a question many ask, drawing
that — the objects on the page read and checked again, their snippets, the names and addresses of a hundred facet
choices, the template — cost twice the statement itself. So the drawing is kept too, under a key made of:

- what was asked, as the page read it: the words, the filters as chosen and as found, the order and the page;
- the rooms the reader may see, as the search found the hits in them (`Results.category_ids`): the only part of who
  the reader is that the hits depend on. Pages behind a view restriction, hidden posts and hidden threads are listed
  for nobody;
- the tokens of what it shows: the index's (every write of what the search finds: a new post once indexed, an edit,
  a hide, a move, a publication; `documents.INDEX_VERSION`), the page tree's (a page's address), the vocabulary's
  and the forum's names (tags, terms, municipalities, the rooms' names), the thesaurus's (what a word finds);
- the host (the addresses may name it), and, as every kept part, the language and the code that draws it;
- and it is good only until the first event it shows as coming has ended ("Already held").

Nothing in it is the reader's own: following the search, the editors' picks and the notices are drawn per request.
"""

import hashlib
from dataclasses import dataclass

from django.utils import timezone

from common import versions
from common.parts import kept, part_key
from forum.caching import NAMES
from knowledge.parts import TERMS_VERSION
from knowledge.visibility import PAGES_VERSION

from .documents import INDEX_VERSION
from .thesaurus import SYNONYMS_VERSION


@dataclass(frozen=True)
class Drawn:
    facets: str  # the facets' navigation, or "" when the result has none
    hits: str  # the hits and the pages, or what to do when nothing matched
    until: object = None  # when the first event shown as coming ends, or None


def drawn_results(request, asked, category_ids, draw):
    """The results `draw()` gives as Drawn, kept for everyone asking `asked` (what the address asked, as read)
    who may see the rooms `category_ids` (None: every one), until a token changes or the first event ends."""
    tokens = versions.tokens(INDEX_VERSION, PAGES_VERSION, TERMS_VERSION, NAMES, SYNONYMS_VERSION)
    vary = repr((asked, category_ids, tokens, request.get_host()))
    key = part_key("search-results", hashlib.sha256(vary.encode()).hexdigest())
    return kept(key, draw, good=lambda drawn: drawn.until is None or drawn.until > timezone.now())


def first_end(hits):
    """When the first event among `hits` that has not yet been held ends, or None."""
    return min((hit.event.ends_at for hit in hits if hit.event is not None and not hit.event.is_past), default=None)
