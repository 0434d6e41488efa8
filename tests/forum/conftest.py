import pytest

from accounts import roles
from tests.factories import UserFactory, start_thread


@pytest.fixture
def moderator(db):
    return UserFactory(first_name="Mo", roles=[roles.EMPLOYEE, roles.MODERATOR])


@pytest.fixture
def colleague(db):
    """A member of another municipality than `member`."""
    from accounts.models import Municipality

    return UserFactory(
        first_name="Alva", municipality=Municipality.objects.get(slug="jarfalla"), roles=[roles.EMPLOYEE]
    )


@pytest.fixture
def people(db):
    """One person for each way a category's limits can apply; "new" is an account with no role or municipality."""
    from accounts.models import Municipality

    sigtuna = Municipality.objects.get(slug="sigtuna")
    jarfalla = Municipality.objects.get(slug="jarfalla")
    return {
        "superuser": UserFactory(is_superuser=True, municipality=jarfalla),
        "moderator": UserFactory(municipality=jarfalla, roles=[roles.MODERATOR]),
        "editor_sigtuna": UserFactory(municipality=sigtuna, roles=[roles.EDITOR]),
        "editor_jarfalla": UserFactory(municipality=jarfalla, roles=[roles.EDITOR]),
        "member_sigtuna": UserFactory(municipality=sigtuna, roles=[roles.EMPLOYEE]),
        "no_municipality": UserFactory(municipality=None, roles=[roles.EDITOR]),
        "new": UserFactory(municipality=None, roles=[]),
    }


@pytest.fixture
def writer(db):
    """A colleague who writes the reply a moderator hides."""
    return UserFactory(first_name="Vera")


@pytest.fixture
def talk(member):
    """A thread that `member` started and follows."""
    return start_thread(member, title="Tolk vid samtal med föräldrar", body="Hur bokar ni tolk?")
