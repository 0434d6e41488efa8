import pytest

from tests.factories.events import campaign_index


@pytest.fixture
def index(db):
    return campaign_index()
