"""Moving ImportedPage and ImportedThread from intranet to importing keeps what earlier imports recorded."""

import pytest

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Page

from importing.models import ImportedPage, ImportedThread
from tests.factories import start_thread

BEFORE_THE_MOVE = [("importing", None), ("intranet", "0002_imported_thread")]


def migrate(targets):
    """Migrate the test database to `targets`; return the models as they were there."""
    state = MigrationExecutor(connection).migrate(targets)
    ContentType.objects.clear_cache()
    return state.apps


def latest_migrations():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rows_imported_before_the_move_are_read_through_the_importing_app(member):
    thread = start_thread(member)
    home = Page.objects.get(depth=2)
    view_permission = Permission.objects.get(codename="view_importedpage")

    old_apps = migrate(BEFORE_THE_MOVE)
    old_apps.get_model("intranet", "ImportedPage").objects.create(kind="method", source_id="m1", page_id=home.pk)
    old_apps.get_model("intranet", "ImportedThread").objects.create(
        source_id="t1", thread_id=thread.pk, post_numbers=[1, 3]
    )
    assert ContentType.objects.get(pk=view_permission.content_type_id).app_label == "intranet"
    migrate(latest_migrations())

    imported_page = ImportedPage.objects.get()
    imported_thread = ImportedThread.objects.get()
    assert (imported_page.kind, imported_page.source_id, imported_page.page_id) == ("method", "m1", home.pk)
    assert (imported_thread.source_id, imported_thread.thread, imported_thread.post_numbers) == ("t1", thread, [1, 3])
    assert Permission.objects.get(pk=view_permission.pk).content_type == ContentType.objects.get_for_model(ImportedPage)
