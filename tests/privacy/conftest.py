import pytest

from knowledge.services import ensure_sections


@pytest.fixture
def sections(db):
    return ensure_sections()
