"""Every route in the URL configuration, walked as an anonymous visitor.

A route added later without thinking about login fails here, because the
only routes that may answer an anonymous visitor are listed below.
"""

import re
import uuid

import pytest

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

ANONYMOUS_ROUTES = {
    "accounts:login",
    # Single sign-on starts before anyone is signed in, and the provider's answer comes back the same way.
    "accounts:sso_start",
    "accounts:sso_callback",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "healthz",
    "set_language",
    # Calendar programs cannot sign in: the feeds answer only a valid secret address (?nyckel=…), else 404.
    "events:programme_feed",
    "events:mine_feed",
}

# Wagtail's admin sends some anonymous requests to its own login path first;
# that path in turn leads to ours (tested below).
LOGIN_PATHS = ("/logga-in/", "/admin/login/")
SAMPLES = ["1", "test", "test/1", "abc-def", str(uuid.uuid4()), "MQ", "1/2", "a.b", "x/"]
GROUP = re.compile(r"\((?:\?P<\w+>|\?:)?(?:[^()]|\([^()]*\))*\)[?*+]?")


def route_patterns(resolver=None, prefix="", namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        regex = pattern.pattern.regex.pattern.lstrip("^").rstrip("$").replace("\\Z", "")
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if pattern.namespace else namespace
            yield from route_patterns(pattern, prefix + regex, inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}".lstrip(":") if pattern.name else None
            yield prefix + regex, pattern, name


def concrete_paths(regex):
    """Turn a route's regular expression into example paths that resolve to it."""
    regex = regex.replace("\\Z", "").replace("^", "").replace("$", "")
    for sample in SAMPLES:
        path = GROUP.sub(sample, regex)
        path = path.replace("\\.", ".").replace("\\-", "-").replace("\\", "").replace("?", "")
        yield "/" + path


def shadowing_views():
    """Views the project puts in front of some of Wagtail's own routes (login, logout, site history, a few
    that fail): those mounted in intranet/urls.py under Wagtail's prefixes, ahead of Wagtail's own URLs."""
    views = set()
    for route in get_resolver().url_patterns:
        prefix = str(route.pattern)
        if not prefix.startswith(("admin/", "_util/")) or prefix == "admin/":
            continue
        if isinstance(route, URLPattern):
            views.add(route.callback)
        else:
            views.update(inner.callback for inner in route.url_patterns if isinstance(inner, URLPattern))
    return views


def resolvable_path(regex, pattern):
    """An example path for the route, or None when no sample reaches it.

    Some of Wagtail's routes are shadowed on purpose by the project's own views (`intranet/urls.py`), and
    a few of its views by subclasses that add the personal-data guard (the editors' picks); a path that
    reaches the shadowing view counts as reaching them.
    """
    for path in concrete_paths(regex):
        try:
            match = resolve(path)
        except Resolver404:
            continue
        if reaches(path, pattern, match):
            return path
    return None


def reaches(path, pattern, match=None):
    """Whether the path leads to the route's view (or to the project's view shadowing it)."""
    match = match or resolve(path)
    return (
        match.func == pattern.callback
        or match.func in shadowing_views()
        or is_subclass_view(match.func, pattern.callback)
    )


def is_subclass_view(view, other):
    view_class, other_class = getattr(view, "view_class", None), getattr(other, "view_class", None)
    return bool(view_class and other_class) and issubclass(view_class, other_class)


def all_routes():
    return list(route_patterns())


def test_the_walk_covers_the_whole_url_configuration():
    routes = all_routes()
    unresolved = [regex for regex, pattern, _name in routes if resolvable_path(regex, pattern) is None]
    assert len(routes) > 150  # Wagtail's admin alone has hundreds
    assert unresolved == [], f"Routes the walk cannot reach; extend SAMPLES: {unresolved}"


@pytest.mark.django_db
def test_no_route_serves_a_page_to_an_anonymous_visitor(client):
    served = {}
    for regex, pattern, name in all_routes():
        path = resolvable_path(regex, pattern)
        for method in ("get", "post"):
            response = getattr(client, method)(path)
            redirected_to_login = response.status_code == 302 and response["Location"].startswith(LOGIN_PATHS)
            if not redirected_to_login and response.status_code not in (404, 405):
                served.setdefault(name or regex, set()).add((method, path, response.status_code))
    unexpected = {name: hits for name, hits in served.items() if name not in ANONYMOUS_ROUTES}
    assert unexpected == {}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/login/?next=/admin/pages/", "/_util/login/?next=/admin/pages/"])
def test_wagtails_login_forms_lead_to_the_sites_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/logga-in/?next=%2Fadmin%2Fpages%2F"


@pytest.mark.django_db
def test_the_login_redirect_keeps_where_the_visitor_was_going(client):
    response = client.get("/forum/")
    assert response.status_code == 302
    assert response["Location"] == "/logga-in/?next=/forum/"


@pytest.mark.django_db
def test_media_paths_cannot_leave_the_media_folder(member_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "secret.txt").write_text("hemligt")
    assert member_client.get("/media/../secret.txt").status_code == 404
    assert member_client.get("/media/%2e%2e/secret.txt").status_code == 404


@pytest.mark.django_db
def test_wagtail_documents_are_not_served_anonymously(client, member):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document

    document = Document.objects.create(title="Handbok", file=ContentFile(b"PDF", name="handbok.pdf"))
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/logga-in/")
    client.force_login(member)
    assert client.get(document.url).status_code == 200
