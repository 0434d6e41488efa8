# The knowledge bank's page fixtures, for the admin page editor.
from tests.knowledge.conftest import make_method, sections  # noqa: F401
