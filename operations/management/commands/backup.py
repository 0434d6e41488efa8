"""`manage.py backup`: the database and the uploaded files into a new folder (docs/operations.md)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from operations import backups
from operations.manifest import BackupError


class Command(BaseCommand):
    @property
    def help(self):
        # A property, so that argparse gets a plain string in the language of the moment.
        return _(
            "Back up the database and the uploaded files into a new folder, with a manifest of checksums. "
            "Safe while the site runs."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            type=Path,
            default=None,
            help=_("The folder to make the backup in (default: BACKUP_ROOT)."),
        )

    def handle(self, *args, to=None, **options):
        try:
            folder, manifest = backups.back_up(to or Path(settings.BACKUP_ROOT))
        except BackupError as refusal:
            raise CommandError(str(refusal)) from None
        size = sum(file["size"] for file in manifest["files"].values())
        media = manifest["media"]["count"] if manifest["media"] else 0
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "Backup made: %(path)s (%(size)s, %(count)d media file, %(seconds)s s).",
                    "Backup made: %(path)s (%(size)s, %(count)d media files, %(seconds)s s).",
                    media,
                )
                % {
                    "path": folder,
                    "size": filesizeformat(size),
                    "count": media,
                    "seconds": number_format(manifest["seconds"], 2),
                }
            )
        )
