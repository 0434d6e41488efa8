import pytest

from django.core.management import call_command
from django.db import connection
from django.utils import translation


@pytest.fixture(autouse=True)
def in_swedish():
    """The commands speak the site's language, Swedish, as they do under manage.py; whatever ran before."""
    with translation.override("sv"):
        yield


@pytest.fixture
def tables_kept():
    """A test that empties the database leaves it migrated again if it fails before its restore put the tables back."""
    yield
    if "django_migrations" not in connection.introspection.table_names():
        call_command("migrate", verbosity=0)


@pytest.fixture
def backups(tmp_path_factory):
    """A folder for backups, beside the test's media folder (`media_root` is its tmp_path), never inside it."""
    return tmp_path_factory.mktemp("backups")
