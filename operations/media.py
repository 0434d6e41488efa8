"""The uploaded files (MEDIA_ROOT) in a backup: one tar archive, unpacked beside them before they are swapped in.

Files kept in object storage (S3 through django-storages) are not in MEDIA_ROOT: the bucket keeps its own
versions, and the backup says that it holds no media.
"""

import shutil
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages

FILE_NAME = "media.tar"
# Where a restore unpacks the files before swapping them in, inside MEDIA_ROOT so that the swap is a rename.
STAGING_PREFIX = ".restoring-"


def root():
    return Path(settings.MEDIA_ROOT)


def kept_in_media_root():
    return isinstance(storages["default"], FileSystemStorage)


def files():
    """Every file under MEDIA_ROOT, by its path inside it; folders with nothing in them do not count."""
    if not root().is_dir():
        return []
    return sorted(
        path.relative_to(root())
        for path in root().rglob("*")
        if not path.is_dir() and not path.relative_to(root()).parts[0].startswith(STAGING_PREFIX)
    )


def pack(target):
    """Write MEDIA_ROOT's files into the archive `target`; returns how many."""
    names = files()
    with tarfile.open(target, "w") as archive:
        for name in names:
            archive.add(root() / name, arcname=str(name), recursive=False)
    return len(names)


def unpack(archive, staging):
    """Unpack the archive into `staging`; the "data" filter refuses paths outside it, links out and devices."""
    staging.mkdir(parents=True)
    with tarfile.open(archive) as files_in_archive:
        files_in_archive.extractall(staging, filter="data")


def swap_in(staging):
    """Put the unpacked files where the site reads them, removing what was there (the caller asked to)."""
    for child in root().iterdir():
        if child == staging:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    for child in staging.iterdir():
        child.rename(root() / child.name)
    staging.rmdir()
