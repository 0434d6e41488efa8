"""Security headers on every route of the URL configuration, the Wagtail admin's included."""

import pytest

from tests.factories import UserFactory
from tests.intranet.test_login_wall import all_routes, resolvable_path

ADMIN_PREFIX = "/admin/"


def directives(response):
    policy = response.get("Content-Security-Policy", "")
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def walk(client):
    """One GET of every route, with the path it was reached by."""
    client.raise_request_exception = False
    for regex, pattern, _name in all_routes():
        path = resolvable_path(regex, pattern)
        yield path, client.get(path)


def header_problems(path, response, *, signed_in):
    problems = []
    policy = directives(response)
    if "script-src" not in policy:
        problems.append("no Content-Security-Policy script-src")
    elif any(value in ("'unsafe-eval'",) for value in policy["script-src"]):
        problems.append("script-src allows eval")
    if not path.startswith(ADMIN_PREFIX):
        if {"'unsafe-inline'", "'unsafe-eval'"} & set(policy.get("script-src", [])):
            problems.append("script-src allows inline script or eval")
        if {"'unsafe-inline'"} & set(policy.get("style-src", [])):
            problems.append("style-src allows inline style")
        if policy.get("frame-ancestors") != ["'none'"]:
            problems.append("frame-ancestors is not 'none'")
        if policy.get("object-src") != ["'none'"]:
            problems.append("object-src is not 'none'")
    if "camera=()" not in response.get("Permissions-Policy", ""):
        problems.append("no Permissions-Policy")
    if signed_in and response.get("Cache-Control") != "private, no-store":
        problems.append(f"Cache-Control is {response.get('Cache-Control')!r}")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append("no nosniff")
    return problems


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [True, False], ids=["superuser", "anonymous"])
def test_every_route_sends_the_security_headers(client, signed_in):
    if signed_in:
        client.force_login(UserFactory(is_superuser=True, is_staff=True))
    problems = {}
    for path, response in walk(client):
        if found := header_problems(path, response, signed_in=signed_in):
            problems[f"{path} ({response.status_code})"] = found
    assert problems == {}


@pytest.mark.django_db
def test_no_route_fails_with_a_server_error_for_a_superuser_walking_it(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    failed = [path for path, response in walk(client) if response.status_code >= 500]
    assert failed == []


@pytest.mark.django_db
def test_the_site_policy_forbids_inline_script_and_framing_and_the_admin_keeps_its_own(member_client):
    site = directives(member_client.get("/"))
    assert site["script-src"] == ["'self'"]
    assert site["frame-ancestors"] == ["'none'"]
    assert "X-Frame-Options" in member_client.get("/")
