"""`manage.py backup` and `manage.py restore` (operations/): a restored site serves what the backed-up one served.

Each test runs on the database the suite runs on: SQLite in the normal run, PostgreSQL when DATABASE_URL points at
one (CI runs both), so both kinds' dump and restore are proved.
"""

from datetime import timedelta

import pytest
from axes.models import AccessLog

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import CommandError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from forum.models import Post, Thread
from operations import manifest
from search.models import SearchDocument
from tests.factories import add_replies, start_thread
from tests.operations.helpers import back_up, empty_the_database, restore, rewrite_manifest

pytestmark = pytest.mark.usefixtures("media_root", "tables_kept")

# Serialised like every other transactional test here: their flushes then leave the tables as each expects.
ROUND_TRIP = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PDF = b"%PDF-1.4\n% the routine for safety plans\n"


def counts():
    """How many of each thing the site shows, and of the search's two tables."""
    return {
        model.__name__: model.objects.count() for model in (Page, Thread, Post, Document, SearchDocument, IndexEntry)
    }


def searched(client, words):
    return client.get(reverse("search:search"), {"q": words}).content.decode()


@ROUND_TRIP
def test_a_restore_into_an_empty_database_serves_the_same_pages_threads_posts_files_and_search_hits(
    client, member, make_method, backups
):
    method = make_method("Samtalsstöd för barn i skyddat boende")
    thread = start_thread(member, title="Hur gör ni trygghetsplaner tillsammans med skolan?", body="Vi börjar nu.")
    add_replies(thread, 2)
    document = Document.objects.create(title="Rutin", file=ContentFile(PDF, name="rutin.pdf"))
    before = counts()
    backup = back_up(backups)

    empty_the_database()
    document.file.storage.delete(document.file.name)
    output = restore(backup)

    assert counts() == before
    client.force_login(member)
    assert "Samtalsstöd för barn i skyddat boende" in client.get(method.url).content.decode()
    thread_page = client.get(thread.get_absolute_url()).content.decode()
    assert "Vi börjar nu." in thread_page
    assert "Svar nummer 1." in thread_page and "Svar nummer 2." in thread_page
    assert b"".join(client.get(document.url).streaming_content) == PDF
    # The search's tables came with the dump: no re-index, and the hit is there.
    assert "Hur gör ni trygghetsplaner tillsammans med skolan?" in searched(client, "trygghetsplaner")
    assert "Samtalsstöd för barn i skyddat boende" in searched(client, "samtalsstöd")
    assert "Återställde säkerhetskopian från" in output


@ROUND_TRIP
def test_a_database_with_content_is_replaced_only_when_asked_and_then_wholly(client, member, backups, media_root):
    start_thread(member, title="Tråden som fanns när kopian togs")
    backup = back_up(backups)
    start_thread(member, title="Tråden som kom efter kopian")
    (media_root / "documents").mkdir(exist_ok=True)
    (media_root / "documents" / "senare.pdf").write_bytes(PDF)
    cache.set("cached-before-the-restore", "stale")

    with pytest.raises(CommandError, match="Databasen är inte tom: den har [0-9]+ tabeller") as refusal:
        restore(backup)
    assert "--replace" in str(refusal.value)
    assert Thread.objects.filter(title="Tråden som kom efter kopian").exists()

    restore(backup, "--replace")

    assert list(Thread.objects.values_list("title", flat=True)) == ["Tråden som fanns när kopian togs"]
    assert not (media_root / "documents" / "senare.pdf").exists()
    assert cache.get("cached-before-the-restore") is None
    client.force_login(member)
    assert "Tråden som fanns när kopian togs" in searched(client, "kopian")
    assert "Tråden som kom efter kopian" not in searched(client, "kopian")


@ROUND_TRIP
def test_a_restore_removes_what_outlived_its_retention_while_the_backup_waited(member, backups, media_root):
    old = AccessLog.objects.create(username=member.email, ip_address="10.0.0.1", user_agent="Firefox")
    AccessLog.objects.filter(pk=old.pk).update(attempt_time=timezone.now() - timedelta(days=400))
    young = AccessLog.objects.create(username=member.email, ip_address="10.0.0.1", user_agent="Firefox")
    backup = back_up(backups)
    empty_the_database()
    (media_root / "kvarglomd.pdf").write_bytes(PDF)
    with pytest.raises(CommandError, match="Mediemappen .* är inte tom: den har 1 fil. "):
        restore(backup)
    assert connection.introspection.table_names() == []
    (media_root / "kvarglomd.pdf").unlink()

    output = restore(backup)

    assert list(AccessLog.objects.values_list("pk", flat=True)) == [young.pk]
    assert "sign_in_log 1" in output
    assert "Konton som avslutats och personuppgifter som maskerats efter den tidpunkten" in output


@ROUND_TRIP
def test_a_database_file_broken_before_it_was_summed_is_refused_by_the_database_and_nothing_changes(member, backups):
    start_thread(member, title="Tråden som ska finnas kvar")
    backup = back_up(backups)
    dump = next(path for path in backup.iterdir() if path.name.startswith("database."))
    broken = bytearray(dump.read_bytes())
    # Everything after the first 4 KB (SQLite's first page, the dump's header) zeroed: the tables' pages or the
    # dump's contents, wherever they lie in the file (8 KB in the middle could be free pages, and go unnoticed).
    broken[4096:] = bytes(len(broken) - 4096)
    dump.write_bytes(bytes(broken))
    rewrite_manifest(backup, lambda manifest: manifest["files"][dump.name].update(checksum_of(dump)))
    tables = connection.introspection.table_names()

    with pytest.raises(CommandError, match="ingenting återställdes"):
        restore(backup, "--replace")

    assert connection.introspection.table_names() == tables
    assert Thread.objects.filter(title="Tråden som ska finnas kvar").exists()


def checksum_of(path):
    return {"size": path.stat().st_size, "sha256": manifest.checksum(path)}
