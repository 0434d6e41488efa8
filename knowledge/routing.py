"""Which page an address names, found without walking the page tree on every request.

Wagtail's routing reads the site's root page and its specific page, then each page on the way down (and the
specific page of each): four queries to reach a method. Where every page on the way finds its children by their
slugs, as Wagtail's `Page.route` does, and the page at the end answers for itself, which page an address names
depends on the page tree alone. So the first request for an address is routed by Wagtail, and what it found (the
page, read once with what its template shows of it, `routed_with`) is kept per process, per site and version of the
page tree (`PAGES_VERSION`, renewed by every save, publication, unpublication, move and deletion of a page, and by a
change of what pages show of a person, the owner) and of the vocabulary (`TERMS_VERSION`: a municipality's name).
Later requests are given a copy of the kept page, made from its pickled bytes (a twentieth of a millisecond, where
reading a method page again cost four and a half: most of it Django compiling the query and building the object),
and read nothing (`common.kept.KeptInProcess`). A page with routes of its own below it, or under one, is routed by
Wagtail every time.
"""

from wagtail.models import Page
from wagtail.url_routing import RouteResult

from common import versions
from common.kept import KeptInProcess

from .models import HomePage
from .models.listing import ListingIndexPage
from .parts import TERMS_VERSION
from .visibility import PAGES_VERSION

# The route methods that find a child by its slug and answer the page itself at the end of the address, as
# Wagtail's own does: the start page's and the listings' only read fewer fields of the pages on the way.
ROUTES_BY_SLUG = {Page.route, HomePage.route, ListingIndexPage.route}

# Addresses come from requests, but only those of live pages are kept: at most one per page and site, a few kB each.
KEPT_PAGES = KeptInProcess(size=5_000, copies=True)


def route(request, site, path):
    """What `Page.route_for_request` answers for `path` on `site` (a RouteResult, or None for no page)."""
    pages_version, terms_version = versions.tokens(PAGES_VERSION, TERMS_VERSION)
    components = tuple(component for component in path.split("/") if component)
    routed = []

    def read():
        """The page Wagtail routes to, read alone with what its template shows, when it may be kept; else None."""
        result = Page.route_for_request(request, path)
        routed.append(result)
        if result is not None and _found_by_slugs(result, site):
            return _load(result.page)
        return None

    page = KEPT_PAGES.get((pages_version, terms_version, site.root_page_id, components), read)
    if page is not None:
        return RouteResult(page)  # with what its template shows of it, which Wagtail's page would read one by one
    return routed[0]


def _found_by_slugs(result, site):
    """True when the page and every page routing passed through from the site's root route by slugs alone: those
    are known without a query by the parent each step of routing gives its child (`_cached_parent_obj`, as Wagtail's
    own routing does); a step that gives none keeps nothing."""
    if result.args or result.kwargs:
        return False
    page = result.page
    while page is not None and type(page).route in ROUTES_BY_SLUG:
        if page.pk == site.root_page_id:
            return True
        page = getattr(page, "_cached_parent_obj", None)
    return False


def _load(routed):
    """The routed page read alone, with what its template shows of it: what is kept (None when it went in between)."""
    model = type(routed)
    return model.objects.select_related(*getattr(model, "routed_with", ())).filter(pk=routed.pk, live=True).first()
