"""What the backup tests do to a database and a backup: empty the one, damage or rewrite the other."""

import json
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.db import connection


def back_up(folder):
    """`manage.py backup --to folder`; the new backup's folder."""
    call_command("backup", to=folder, stdout=StringIO())
    (backup,) = folder.iterdir()
    return backup


def restore(backup, *arguments):
    out = StringIO()
    call_command("restore", str(backup), *arguments, stdout=out)
    return out.getvalue()


def empty_the_database():
    """Make the site's database as a fresh one is: no tables at all (a new file; a new schema)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    else:
        path = connection.settings_dict["NAME"]
        connection.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    assert connection.introspection.table_names() == []


def rewrite_manifest(backup, change):
    path = backup / "manifest.json"
    manifest = json.loads(path.read_text())
    change(manifest)
    path.write_text(json.dumps(manifest))
