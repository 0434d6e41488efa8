"""Which pages a person may see: the one rule behind every list, count, feed and link to a page.

Wagtail checks a page's view restrictions only when the page itself is
opened. A list that used `.live()` or `.public()` alone would show the title
of a page that then answers "no", or hide one the person may open. Here a
page is visible when it is live and the person passes every view
restriction on it or above it (a restriction covers its whole subtree):

- "login": everyone signed in passes;
- "groups": members of one of its groups pass, and superusers, as Wagtail lets them in;
- "password": nobody passes in a list. The password is asked for on the page,
  and a list cannot know who holds it, so such pages are reached by their link only.

Drafts and unpublished pages are never visible here; editors see them in the admin.

The restrictions a person does not pass are few and change seldom, so their tree paths are read once and kept in
the cache per kind of sight (`sight_of`) and version of the page tree (`PAGES_VERSION`, renewed by every change of
a page or a restriction): a page list then asks "live, and under none of these paths" — an indexed prefix test, or
nothing at all for the many who pass every restriction — instead of a subquery per page. `may_see_page` asks the
same rule in SQL of many people at once.
"""

import hashlib

from django.contrib.auth import get_user_model
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith

from wagtail.models import CollectionViewRestriction, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from accounts import roles
from common import parts, versions
from common.kept import KeptInProcess

# How long the restricted paths of one kind of sight are kept at most; a change renews them at once anyway.
BLOCKED_PATHS_SECONDS = 60 * 60


def restrictions_passed_by(user, restriction_model=PageViewRestriction):
    """The view restrictions the person passes: of pages, or of collections given CollectionViewRestriction."""
    if not user.is_authenticated:
        return restriction_model.objects.none()
    passed = Q(restriction_type=restriction_model.LOGIN)
    if user.is_superuser:
        passed |= Q(restriction_type=restriction_model.GROUPS)
    else:
        passed |= Q(restriction_type=restriction_model.GROUPS, groups__in=user.groups.all())
    return restriction_model.objects.filter(passed)


# The paths each kind of sight may not see, as read for the last tokens of the page tree: kinds are few (the
# combinations of roles), and each is asked on most pages (a linked page, a list of pages).
_BLOCKED_KEPT = KeptInProcess(size=256)


def blocked_paths(user):
    """The tree paths of the view restrictions the person does not pass: each hides its page and all below it.

    Read once per sight and version of the page tree, then from the cache, and kept in each process too (and on the
    person's object while the version holds); a sorted tuple, usually empty."""
    (version,) = versions.tokens(PAGES_VERSION)
    key = f"blocked-paths:{version}:{sight_of(user)}"
    kept = getattr(user, "_blocked_paths", None)
    if kept and kept[0] == key:
        return kept[1]

    def read():
        not_passed = PageViewRestriction.objects.exclude(pk__in=restrictions_passed_by(user).values("pk"))
        return tuple(sorted(set(not_passed.values_list("page__path", flat=True))))

    paths = _BLOCKED_KEPT.get(key, lambda: parts.kept(key, read, BLOCKED_PATHS_SECONDS))
    user._blocked_paths = (key, paths)
    return paths


def stopped_by_a_restriction(user):
    """True for a page under (or at) a view restriction the person does not pass; use inside a page query."""
    # Tree paths: a restriction's page path is a prefix of the path of every page it covers.
    stopped = Q(pk__in=[])
    for path in blocked_paths(user):
        stopped |= Q(path__startswith=path)
    return stopped


def stopped_by_a_collection_restriction(user):
    """True for a document under (or in) a collection restriction the person does not pass; use inside a
    document query. Collections nest by tree path as pages do, and the same restriction types apply."""
    covering = CollectionViewRestriction.objects.filter(StartsWith(OuterRef("collection__path"), F("collection__path")))
    return Exists(covering.exclude(pk__in=restrictions_passed_by(user, CollectionViewRestriction).values("pk")))


def visible_pages(pages, user):
    """The pages of a page queryset that the person may see."""
    paths = blocked_paths(user)
    if not paths:
        return pages.live()
    return pages.live().exclude(stopped_by_a_restriction(user))


def is_visible_to(page, user):
    """`visible_pages` asked of one page held in memory (kept with a thread, forum/views/threads.py): live, and
    under no restriction the person does not pass; no query once the blocked paths are kept.
    tests/knowledge/test_visibility.py holds the two to the same answers."""
    return page.live and not any(page.path.startswith(path) for path in blocked_paths(user))


def may_see_page(*, page, person):
    """`visible_pages` turned round: a condition on people (or on rows naming a person and a page) rather than on
    pages, so that one query asks it of many people, as a notification's recipients.

    `page` and `person` are each a value or an OuterRef into the query being filtered. The rule is the one above,
    written a second time in terms of a person's id; tests/knowledge/test_visibility.py holds the two forms to the
    same answers.
    """
    person_below_page = _deeper(person)
    person_below_restriction = _deeper(person_below_page)
    is_superuser = Exists(get_user_model().objects.filter(pk=person_below_restriction, is_superuser=True))
    in_a_group = Exists(
        PageViewRestriction.groups.through.objects.filter(
            pageviewrestriction_id=OuterRef("pk"), group__user=person_below_restriction
        )
    )
    passed = Q(restriction_type=PageViewRestriction.LOGIN) | (
        Q(restriction_type=PageViewRestriction.GROUPS) & (is_superuser | in_a_group)
    )
    covering = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    stopped = Exists(covering.exclude(passed))
    return Exists(Page.objects.filter(pk=page, live=True).exclude(stopped))


def _deeper(value):
    """The same value seen from a subquery one level further in: an OuterRef needs one more OuterRef round it."""
    return OuterRef(value) if isinstance(value, OuterRef) else value


# The version token (common/versions.py) of everything `visible_pages` answers: renewed by any publication,
# unpublication, move or deletion of a page and any change of a view restriction (knowledge/signals.py).
PAGES_VERSION = versions.read_on_every_page("pages")


def sight_of(user):
    """What decides which pages the person may see, as a short digest fit for a cache key: people with the same
    sight see the same pages. Superusers pass every group restriction; others pass those of their groups."""
    if not user.is_authenticated:
        sight = "anonymous"
    elif user.is_superuser:
        sight = "superuser"
    else:
        sight = "groups:" + ",".join(sorted(roles.group_names(user)))
    return hashlib.sha256(sight.encode()).hexdigest()[:24]


# The paths, as read for the last tokens of the page tree: a few, of one or two sorted tuples each.
_PATHS_KEPT = KeptInProcess(size=4)


def paths_with_view_rules():
    """The tree paths of every page with a view restriction, and of every alias (whose source's restrictions are
    its own): two sorted tuples, usually empty. Read once per version of the page tree, then from the cache, and kept
    in each process too (asked several times a page)."""
    (version,) = versions.tokens(PAGES_VERSION)

    def read():
        restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
        aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
        return (tuple(sorted(set(restricted))), tuple(sorted(aliases)))

    return _PATHS_KEPT.get(version, lambda: parts.kept(f"paths-with-view-rules:{version}", read, BLOCKED_PATHS_SECONDS))


class FewViewRestrictionQueriesMixin:
    """Wagtail asks a page for its view restrictions twice as it serves it (our hook that answers outsiders with
    403, intranet/wagtail_hooks.py, and Wagtail's own check), two queries each time. Most pages have none above
    them: for those the answer comes from the paths kept per version of the page tree, with no query at all; a page
    at or under a restriction or an alias gets Wagtail's own answer."""

    def get_view_restrictions(self):
        restricted, aliases = paths_with_view_rules()
        if any(self.path.startswith(path) for path in restricted + aliases):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()


class VisiblePageQuerySet(PageQuerySet):
    def visible_to(self, user):
        return visible_pages(self, user)


VisiblePageManager = PageManager.from_queryset(VisiblePageQuerySet)
