"""Backing up the site and restoring it: the database, the uploaded files and a manifest (docs/operations.md).

A backup is one folder, written under a hidden name and renamed when it is whole, so that a folder with a
visible name is always a finished backup. A restore checks everything it can before it changes anything:
the checksums, the kind of database, the migrations, and that the database and the media folder are empty
(unless told to replace them); then it restores the database in one transaction and swaps the files in.
"""

import shutil
import time

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import rights

from . import databases, manifest, media

# Files and folders only their owner may read: a backup holds every account and every post.
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def back_up(destination):
    """Make a backup in a new folder under `destination`; returns its path and manifest."""
    database = databases.for_connection(connection)
    started, created_at = time.monotonic(), timezone.now()
    name = f"kunskapsforum-{created_at:%Y%m%dT%H%M%SZ}-{database.vendor}"
    folder, partial = destination / name, destination / f".{name}.partial"
    if destination.resolve().is_relative_to(media.root().resolve()):
        raise manifest.BackupError(
            _("Backups may not be made inside the media folder %(path)s: they would back up themselves.")
            % {"path": media.root()}
        )
    destination.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if folder.exists():
        raise manifest.BackupError(_("A backup named %(path)s already exists.") % {"path": folder})
    partial.mkdir(mode=PRIVATE_FOLDER)
    try:
        migrations = manifest.applied_migrations(connection)
        # The database first, then the files: a file uploaded in between is only one too many.
        database.dump(partial / database.file_name)
        files = [database.file_name]
        media_entry = None
        if media.kept_in_media_root():
            media_entry = {"file": media.FILE_NAME, "count": media.pack(partial / media.FILE_NAME)}
            files.append(media.FILE_NAME)
        for file_name in files:
            (partial / file_name).chmod(PRIVATE_FILE)
        written = manifest.write(
            partial,
            created_at=created_at,
            database=database.describe(),
            media=media_entry,
            migrations=migrations,
            files=files,
            seconds=round(time.monotonic() - started, 2),
        )
        partial.rename(folder)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return folder, written


def check(folder):
    """The backup's manifest and the site's database, once the backup is whole and fits that database."""
    backup = manifest.read(folder)
    database = databases.for_connection(connection)
    if backup["database"]["kind"] != database.vendor:
        raise manifest.BackupError(
            _("The backup at %(path)s is of a %(backup)s database; this site runs on %(site)s. Nothing was restored.")
            % {
                "path": folder,
                "backup": databases.kind_name(backup["database"]["kind"]),
                "site": databases.kind_name(database.vendor),
            }
        )
    if unknown := manifest.unknown_migrations(backup, connection):
        raise manifest.BackupError(
            _(
                "The backup at %(path)s was made by a newer version of Kunskapsforum: this version does not know "
                "the migrations %(migrations)s. Restore it with the version that made it. Nothing was restored."
            )
            % {"path": folder, "migrations": ", ".join(unknown)}
        )
    return backup, database


def restore(folder, *, replace=False, say=print):
    """Restore the backup in `folder` into the site's database and MEDIA_ROOT; returns its manifest."""
    backup, database = check(folder)
    if (tables := len(connection.introspection.table_names())) and not replace:
        raise manifest.BackupError(
            ngettext(
                "The database is not empty: it has %(count)d table. Restore into an empty database, or give "
                "--replace to replace everything in it with the backup. Nothing was restored.",
                "The database is not empty: it has %(count)d tables. Restore into an empty database, or give "
                "--replace to replace everything in it with the backup. Nothing was restored.",
                tables,
            )
            % {"count": tables}
        )
    if backup["media"] and (present := len(media.files())) and not replace:
        raise manifest.BackupError(
            ngettext(
                "The media folder %(path)s is not empty: it has %(count)d file. Restore into an empty folder, or "
                "give --replace to replace its files with the backup's. Nothing was restored.",
                "The media folder %(path)s is not empty: it has %(count)d files. Restore into an empty folder, or "
                "give --replace to replace its files with the backup's. Nothing was restored.",
                present,
            )
            % {"path": media.root(), "count": present}
        )
    staging = None
    if backup["media"]:
        count = backup["media"]["count"]
        say(ngettext("Unpacking %(count)d media file …", "Unpacking %(count)d media files …", count) % {"count": count})
        staging = media.root() / f"{media.STAGING_PREFIX}{time.time_ns()}"
        try:
            media.unpack(folder / backup["media"]["file"], staging)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    say(_("Restoring the database …"))
    try:
        database.restore(folder / backup["database"]["file"], replace=replace)
    except BaseException:
        if staging:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    if staging:
        media.swap_in(staging)
    elif media.kept_in_media_root():
        say(_("The backup holds no media files: they were kept in object storage, which keeps its own copies."))
    settle(say)
    return backup


def settle(say):
    """What the restored database needs before the site serves it again."""
    connection.close()
    ContentType.objects.clear_cache()
    for cache in caches.all(initialized_only=False):
        # Pages, counts and permissions cached from the database as it was before.
        cache.clear()
    executor = MigrationExecutor(connection)
    if pending := executor.migration_plan(executor.loader.graph.leaf_nodes()):
        say(
            ngettext(
                "The backup is older than this version: applying %(count)d migration …",
                "The backup is older than this version: applying %(count)d migrations …",
                len(pending),
            )
            % {"count": len(pending)}
        )
        call_command("migrate", interactive=False, verbosity=0)
    # What was removed for its retention after the backup was made must not come back with it (docs/privacy.md).
    removed = rights.prune()
    say(_("Removed what has outlived its retention since the backup: %(counts)s.") % {"counts": describe(removed)})


def describe(counts):
    return ", ".join(f"{kind} {count}" for kind, count in counts.items())
