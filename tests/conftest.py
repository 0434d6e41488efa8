import pytest

from django.core.cache import cache

from accounts import roles
from tests.factories import TEST_PASSWORD, UserFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: what one test's data left there must not steer the next."""
    cache.clear()


@pytest.fixture
def password():
    return TEST_PASSWORD


@pytest.fixture
def member(db):
    """A Medarbetare in Sigtuna."""
    return UserFactory(roles=[roles.EMPLOYEE])


@pytest.fixture
def editor(db):
    return UserFactory(roles=[roles.EDITOR])


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


def queries_for(client, url):
    """How many database queries one GET of the URL runs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files go to a folder of this test's own, and vanish with it."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
