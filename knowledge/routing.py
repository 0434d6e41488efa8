"""Which page an address names, found without walking the page tree on every request.

Wagtail's routing reads the site's root page and its specific page, then each page on the way down (and the
specific page of each): four queries to reach a method. Where every page on the way finds its children by their
slugs, as Wagtail's `Page.route` does, and the page at the end answers for itself, which page an address names
depends on the page tree alone. So the first request for an address is routed by Wagtail, and what it found (the
page's id, type and address) is kept per process, per site and version of the page tree (`PAGES_VERSION`, renewed
by every save, publication, unpublication, move and deletion of a page). Later requests read only that page, with
what its template shows of it (`routed_with`), in one query. A page with routes of its own below it, or under one,
is routed by Wagtail every time.
"""

import threading

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page
from wagtail.url_routing import RouteResult

from common import versions

from .models import HomePage
from .models.listing import ListingIndexPage
from .visibility import PAGES_VERSION

# The route methods that find a child by its slug and answer the page itself at the end of the address, as
# Wagtail's own does: the start page's and the listings' only read fewer fields of the pages on the way.
ROUTES_BY_SLUG = {Page.route, HomePage.route, ListingIndexPage.route}

# Addresses come from requests, but only those of live pages are kept: at most one per page and site.
MOST_KEPT = 20_000

_kept = {"version": None, "pages": {}}
_kept_lock = threading.Lock()


def route(request, site, path):
    """What `Page.route_for_request` answers for `path` on `site` (a RouteResult, or None for no page)."""
    (version,) = versions.tokens(PAGES_VERSION)
    key = (site.root_page_id, tuple(component for component in path.split("/") if component))
    with _kept_lock:
        if _kept["version"] != version:
            _kept.update(version=version, pages={})
        found = _kept["pages"].get(key)
    page = _load(*found) if found else None
    if page is not None:
        return RouteResult(page)
    result = Page.route_for_request(request, path)
    if result is not None and _found_by_slugs(result, site):
        with _kept_lock:
            if _kept["version"] == version and len(_kept["pages"]) < MOST_KEPT:
                _kept["pages"][key] = (result.page.pk, result.page.content_type_id, result.page.url_path)
    return result


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


def _load(page_id, content_type_id, url_path):
    """The kept page, read anew; None when it is no longer live at that address (Wagtail then routes the request)."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    page = model.objects.select_related(*getattr(model, "routed_with", ())).filter(pk=page_id).first()
    if page is None or not page.live or page.url_path != url_path:
        return None
    return page
