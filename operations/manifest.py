"""What a backup says about itself, in `manifest.json`: when it was made (UTC), from which kind of database, at
which migrations and versions, and a checksum of each of its files, which a restore checks before anything else.
"""

import hashlib
import json
import platform
from importlib import metadata
from pathlib import Path

from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

FORMAT = 1
FILE_NAME = "manifest.json"
PACKAGES = ["Django", "wagtail", "modelsearch"]


class BackupError(Exception):
    """A backup that could not be made, or must not be restored; the message tells the operator why."""


def checksum(path):
    """The SHA-256 of a file, read a megabyte at a time: a dump may be larger than memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while block := file.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def applied_migrations(connection):
    """Each app's applied migrations, by name: what the database's tables are, in Django's words."""
    applied = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def versions():
    return {"python": platform.python_version(), **{package: metadata.version(package) for package in PACKAGES}}


def write(folder, *, created_at, database, media, migrations, files, seconds):
    """Write the manifest of the backup in `folder`; `files` are the names of its files, checksummed here."""
    manifest = {
        "format": FORMAT,
        "created_at": created_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seconds": seconds,
        "database": database,
        "media": media,
        "migrations": migrations,
        "versions": versions(),
        "files": {name: {"size": (folder / name).stat().st_size, "sha256": checksum(folder / name)} for name in files},
    }
    (folder / FILE_NAME).touch(mode=0o600)
    (folder / FILE_NAME).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def read(folder):
    """The manifest of the backup in `folder`, once every file it lists is there with its checksum."""
    if not (folder / FILE_NAME).is_file():
        raise BackupError(
            _("There is no backup at %(path)s: %(manifest)s is missing. Nothing was restored.")
            % {"path": folder, "manifest": FILE_NAME}
        )
    unreadable = BackupError(
        _("The backup at %(path)s is damaged: its %(manifest)s cannot be read. Nothing was restored.")
        % {"path": folder, "manifest": FILE_NAME}
    )
    try:
        manifest = json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))
        files = {name: (entry["size"], entry["sha256"]) for name, entry in manifest["files"].items()}
        named = [manifest["database"]["file"], *([manifest["media"]["file"]] if manifest["media"] else [])]
        kind = manifest["database"]["kind"]
    except (ValueError, KeyError, TypeError):
        raise unreadable from None
    if manifest.get("format") != FORMAT:
        raise BackupError(
            _(
                "The backup at %(path)s is in a format this version of Kunskapsforum does not know (%(format)s). "
                "Nothing was restored."
            )
            % {"path": folder, "format": manifest.get("format")}
        )
    if not isinstance(kind, str) or not set(named) <= set(files) or any(Path(name).name != name for name in files):
        raise unreadable
    for name, (size, sha256) in files.items():
        if not (folder / name).is_file():
            raise BackupError(
                _("The backup at %(path)s is damaged: %(file)s is missing. Nothing was restored.")
                % {"path": folder, "file": name}
            )
        if (folder / name).stat().st_size != size or checksum(folder / name) != sha256:
            raise BackupError(
                _("The backup at %(path)s is damaged: %(file)s does not match its checksum. Nothing was restored.")
                % {"path": folder, "file": name}
            )
    return manifest


def unknown_migrations(manifest, connection):
    """Migrations the backup's database had that this code does not know: it was made by a newer version."""
    loader = MigrationLoader(connection, ignore_no_migrations=True, load=False)
    loader.load_disk()
    return sorted(
        f"{app}.{name}"
        for app, names in manifest["migrations"].items()
        if app in loader.migrated_apps
        for name in names
        if (app, name) not in loader.disk_migrations
    )
