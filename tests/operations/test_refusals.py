"""What `manage.py restore` refuses, with a clear message, a non-zero exit and the database as it was."""

import pytest

from django.core.management import CommandError, call_command
from django.db import connection

from forum.models import Thread
from tests.factories import start_thread
from tests.operations.helpers import back_up, restore, rewrite_manifest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

OTHER_KIND = {"sqlite": "postgresql", "postgresql": "sqlite"}


@pytest.fixture
def backup(backups, member):
    start_thread(member, title="Tråden som ska finnas kvar")
    return back_up(backups)


def refusal(*arguments):
    with pytest.raises(CommandError) as refused:
        call_command("restore", *arguments)
    assert refused.value.returncode != 0
    return str(refused.value)


def database_file(backup):
    return next(path for path in backup.iterdir() if path.name.startswith("database."))


def test_a_damaged_database_file_is_refused_even_with_replace_before_anything_changes(backup):
    dump = database_file(backup)
    damaged = bytearray(dump.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    dump.write_bytes(bytes(damaged))

    message = refusal(str(backup), "--replace")

    assert message == (
        f"Säkerhetskopian i {backup} är skadad: {dump.name} stämmer inte med sin kontrollsumma. Ingenting återställdes."
    )
    assert Thread.objects.filter(title="Tråden som ska finnas kvar").exists()


def test_a_backup_missing_its_media_archive_is_refused(backup):
    (backup / "media.tar").unlink()

    assert refusal(str(backup), "--replace") == (
        f"Säkerhetskopian i {backup} är skadad: media.tar saknas. Ingenting återställdes."
    )


def test_a_manifest_that_cannot_be_read_is_refused(backup):
    (backup / "manifest.json").write_text("{ inte json")

    assert "är skadad: dess manifest.json går inte att läsa" in refusal(str(backup), "--replace")


def test_a_backup_of_the_other_kind_of_database_is_refused(backup):
    other = OTHER_KIND[connection.vendor]
    rewrite_manifest(backup, lambda manifest: manifest["database"].update(kind=other))

    message = refusal(str(backup), "--replace")

    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    assert f"är av en {names[other]}-databas, men webbplatsen använder {names[connection.vendor]}" in message
    assert Thread.objects.filter(title="Tråden som ska finnas kvar").exists()


def test_a_backup_from_a_newer_version_is_refused(backup):
    rewrite_manifest(backup, lambda manifest: manifest["migrations"]["forum"].append("9999_from_the_future"))

    message = refusal(str(backup), "--replace")

    assert "gjordes av en nyare version av Kunskapsforum" in message
    assert "forum.9999_from_the_future" in message


def test_a_database_with_tables_is_not_restored_into_without_replace(backup):
    assert refusal(str(backup)).startswith("Databasen är inte tom: den har ")


def test_restore_needs_a_backup_named_and_there(tmp_path):
    assert refusal() == (
        "Ange vilken säkerhetskopia som ska återställas: manage.py restore BACKUP (make restore BACKUP=…)."
    )
    missing = tmp_path / "finns-inte"
    assert refusal(str(missing)) == (
        f"Det finns ingen säkerhetskopia i {missing}: manifest.json saknas. Ingenting återställdes."
    )


def test_check_says_a_whole_backup_fits_and_refuses_a_damaged_one(backup):
    assert "är hel och passar den här webbplatsen" in restore(backup, "--check")

    (backup / "media.tar").write_bytes(b"not the archive")
    assert "media.tar stämmer inte med sin kontrollsumma" in refusal(str(backup), "--check")
