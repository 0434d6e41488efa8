import pytest

from accounts import roles
from tests.factories import UserFactory


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


# The knowledge bank's page fixtures, for the threads that discuss pages.
from tests.knowledge.conftest import make_method, sections  # noqa: E402, F401
