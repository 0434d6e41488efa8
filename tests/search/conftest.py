from tests.knowledge.conftest import make_experience, make_method, sections  # noqa: F401 - fixtures
