"""What "Vem kan mer om detta?" keeps in the cache, under which version tokens, and the writes that renew them.

The box takes three queries and the tags of its page on every method, thread and tag page. What it shows is the
same for every reader of a kind (`forum.caching.readers_kind`, which decides whose accepted answers count), so it is
kept for them (common/parts.py), keyed on the tokens of everything it shows:

- COLLEAGUES (here): who is listed and as what (a person's name, open account, municipality and job title, renewed
  by a save of the account that changes one of them, `person_saved`) and who names which expertise (every save and
  deletion of a profile or an expertise, `colleagues_changed`, and `services.save_profile`, whose bulk_create sends no
  signal);
- the forum's THREADS (accepted answers; threads hidden, moved or tagged anew) and ACCESS (who reads which
  category), which people, above the forum, may read;
- the vocabulary's TERMS_VERSION (a tag's or a municipality's name) and the page tree's PAGES_VERSION (a page's tags).

The box never shows the reader themself, yet is kept for many readers: it keeps one colleague more than it shows,
and each request leaves its reader out.
"""

import hashlib

from accounts.profiles import changes_what_is_shown
from common import versions
from common.parts import kept, part_key
from forum.caching import ACCESS, THREADS, readers_kind
from knowledge.parts import TERMS_VERSION
from knowledge.visibility import PAGES_VERSION

from .directory import WHO_KNOWS_LIMIT, ranked_colleagues

COLLEAGUES = versions.read_on_every_page("people:colleagues")  # "Vem kan mer om detta?" on method and thread pages


def who_knows(viewer, about, read_tags, *, keep=True):
    """The slugs of the tags and the colleagues who know about them, never the viewer. `about` names what the tags
    are of, for the key (a page, or the tag ids themselves); `read_tags` reads them, only when nothing is kept.
    Nothing is kept with `keep=False` (a preview, which may show a draft's tags)."""
    if not keep:
        tag_slugs, colleagues = box_of(read_tags(), viewer)
    else:
        tokens = versions.tokens(COLLEAGUES, THREADS, ACCESS, TERMS_VERSION, PAGES_VERSION)
        names = ":".join(str(name) for name in [*tokens, *readers_kind(viewer), *about])
        key = part_key("who-knows", hashlib.sha256(names.encode()).hexdigest())
        tag_slugs, colleagues = kept(key, lambda: box_of(read_tags(), viewer))
    return tag_slugs, leave_out(viewer, colleagues)


def box_of(tags, viewer):
    """What is kept: the tags' slugs, and the colleagues who know about them with one to spare for the reader."""
    return [tag.slug for tag in tags], ranked_colleagues([tag.pk for tag in tags], viewer, limit=WHO_KNOWS_LIMIT + 1)


def leave_out(viewer, colleagues):
    return [colleague for colleague in colleagues if colleague.pk != viewer.pk][:WHO_KNOWS_LIMIT]


def colleagues_changed(sender=None, **kwargs):
    """Someone's expertise, or an account, was saved or deleted (and a receiver of post_save and post_delete)."""
    versions.renew(COLLEAGUES)


def person_saved(sender, instance, created, update_fields=None, **kwargs):
    """A new account knows nothing yet; a save of its sign-in time alone changes nothing shown."""
    if changes_what_is_shown(created, update_fields):
        colleagues_changed()
