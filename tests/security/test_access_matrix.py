"""Every route × every role, with the world's secrets in the paths (tests/security/world.py).

The expected outcome of each route for each role is in `access_matrix.py`, one line per route,
one letter per role. A route added to the URL configuration without a line there fails here,
so nobody adds a page without deciding who may open it.
"""

import pytest

from tests.security.access_matrix import EXPECTED
from tests.security.routes import every_route
from tests.security.world import ROLES, build_world

# O: 200; L: sent to the login page; D: refused (403, or Wagtail's redirect to the admin's start page
# with a message); N: 404; M: 405 (the route takes only POST, or another method); R: another redirect;
# B: 400. Anything else (a 500 above all) is shown as its number and never expected.
LOGIN_PREFIX = "/logga-in/"
ADMIN_HOME = "/admin/"


def outcome(response):
    code = response.status_code
    if code in (301, 302):
        location = response["Location"]
        if location.startswith(LOGIN_PREFIX):
            return "L"
        return "D" if location == ADMIN_HOME else "R"
    return {200: "O", 400: "B", 403: "D", 404: "N", 405: "M"}.get(code, str(code))


@pytest.fixture
def world(db):
    return build_world()


def test_every_route_has_an_expected_outcome_for_every_role(world):
    keys = {key for key, _path in every_route(world.ids)}
    assert sorted(keys - set(EXPECTED)) == [], "Add these routes to tests/security/access_matrix.py"
    assert sorted(set(EXPECTED) - keys) == [], "These routes are gone: remove them from access_matrix.py"
    assert all(len(codes.split()) == len(ROLES) for codes in EXPECTED.values())


@pytest.mark.parametrize("role", list(ROLES))
def test_each_role_gets_what_the_matrix_expects_on_every_route(client, world, role):
    client.raise_request_exception = False
    if role != "anonymous":
        client.force_login(world.people[role])
    column = list(ROLES).index(role)
    differences = {}
    for key, path in every_route(world.ids):
        expected = EXPECTED[key].split()[column]
        actual = outcome(client.get(path))
        if actual != expected:
            differences[key] = f"{path}: expected {expected}, got {actual}"
    assert differences == {}
