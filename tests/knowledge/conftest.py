import pytest


@pytest.fixture
def editor_client(client, editor, sections):
    """An editor in Sigtuna, who may publish Sigtuna's pages."""
    client.force_login(editor)
    return client
