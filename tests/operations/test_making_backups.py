"""`manage.py backup`: one private folder with the database, the media files and a manifest that describes them."""

import json
import os
import stat
import subprocess
import tarfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from operations import databases, manifest
from operations.databases import PostgresqlDatabase
from tests.operations.helpers import back_up

pytestmark = [pytest.mark.django_db]


def test_a_backup_is_one_private_folder_whose_manifest_names_its_time_kind_migrations_and_checksums(
    backups, media_root
):
    (media_root / "documents").mkdir()
    (media_root / "documents" / "rutin.pdf").write_bytes(b"%PDF-1.4\n")

    backup = back_up(backups)

    written = json.loads((backup / "manifest.json").read_text())
    created_at = datetime.strptime(written["created_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert abs(datetime.now(UTC) - created_at) < timedelta(minutes=1)
    assert backup.name == f"kunskapsforum-{created_at:%Y%m%dT%H%M%SZ}-{connection.vendor}"
    assert written["database"]["kind"] == connection.vendor
    applied = MigrationRecorder(connection).applied_migrations()
    assert {(app, name) for app, names in written["migrations"].items() for name in names} == set(applied)
    assert set(written["versions"]) == {"python", "Django", "wagtail", "modelsearch"}
    assert set(written["files"]) == {written["database"]["file"], "media.tar"}
    for name, expected in written["files"].items():
        assert manifest.checksum(backup / name) == expected["sha256"]
        assert stat.S_IMODE((backup / name).stat().st_mode) == 0o600
    assert stat.S_IMODE((backup / "manifest.json").stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.stat().st_mode) == 0o700
    with tarfile.open(backup / "media.tar") as archive:
        assert archive.getnames() == ["documents/rutin.pdf"]
    assert written["media"] == {"file": "media.tar", "count": 1}


def test_a_backup_that_fails_leaves_no_folder_behind(backups, media_root, monkeypatch):
    def failing_dump(self, target):
        target.write_bytes(b"half a dump")
        raise manifest.BackupError("Disken är full.")

    monkeypatch.setattr(type(databases.for_connection(connection)), "dump", failing_dump)

    with pytest.raises(CommandError, match="Disken är full."):
        call_command("backup", to=backups)

    assert list(backups.iterdir()) == []


def test_a_backup_is_never_made_inside_the_media_folder(media_root):
    with pytest.raises(CommandError, match="Säkerhetskopior får inte göras i mediemappen"):
        call_command("backup", to=media_root / "backups")

    assert not (media_root / "backups").exists()


def test_the_postgresql_tools_read_the_password_from_a_private_file_never_from_their_command_line_or_environment():
    connection_settings = {
        "HOST": "db.example",
        "PORT": 5432,
        "USER": "kunskaps:forum",
        "PASSWORD": "hemligt:lösen\\ord",
        "NAME": "kunskapsforum",
        "OPTIONS": {"sslmode": "require"},
    }
    database = PostgresqlDatabase(SimpleNamespace(settings_dict=connection_settings))

    with database.environment() as environment:
        password_file = environment["PGPASSFILE"]
        with open(password_file) as file:
            assert file.read() == "*:*:*:kunskaps\\:forum:hemligt\\:lösen\\\\ord\n"
        mode = stat.S_IMODE(os.stat(password_file).st_mode)

    assert mode == 0o600
    assert not Path(password_file).exists()
    assert "PGPASSWORD" not in environment
    assert "hemligt" not in " ".join(environment.values())
    assert (environment["PGHOST"], environment["PGUSER"], environment["PGSSLMODE"]) == (
        "db.example",
        "kunskaps:forum",
        "require",
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs pg_dump against the suite's PostgreSQL")
def test_pg_dump_runs_with_the_password_in_no_argument_and_no_environment_variable(backups, monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "PASSWORD", "hemligt-lösenord")
    calls, run = [], subprocess.run

    def watched_run(arguments, **options):
        environment = options.get("env", os.environ)
        password_file = environment.get("PGPASSFILE")
        calls.append((arguments, environment, password_file and Path(password_file).read_text()))
        return run(arguments, **options)  # noqa: S603 - the tool the code under test chose  # nosec B603

    monkeypatch.setattr(databases.subprocess, "run", watched_run)

    back_up(backups)

    dump_call = next(call for call in calls if "--format=custom" in call[0])
    arguments, environment, password_file = dump_call
    assert not any("hemligt" in argument for argument in arguments)
    assert "PGPASSWORD" not in environment
    assert not any("hemligt" in value for value in environment.values())
    assert password_file.endswith(":hemligt-lösenord\n")
