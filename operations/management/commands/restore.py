"""`manage.py restore BACKUP`: a backup into an empty database and media folder (docs/operations.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from operations import backups
from operations.manifest import BackupError


class Command(BaseCommand):
    @property
    def help(self):
        return _(
            "Restore a backup made by `manage.py backup` into an empty database and media folder. The backup's "
            "checksums are checked first; a database with content is replaced only with --replace."
        )

    def add_arguments(self, parser):
        parser.add_argument("backup", nargs="?", default="", help=_("The backup's folder."))
        parser.add_argument(
            "--replace",
            action="store_true",
            help=_("Replace everything the database and the media folder hold with the backup."),
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help=_("Only check that the backup is whole and fits this site; restore nothing."),
        )

    def handle(self, *args, backup="", replace=False, check=False, **options):
        if not backup:
            raise CommandError(_("Name the backup to restore: manage.py restore BACKUP (make restore BACKUP=…)."))
        folder = Path(backup)
        try:
            if check:
                manifest, _database = backups.check(folder)
            else:
                manifest = backups.restore(folder, replace=replace, say=self.stdout.write)
        except BackupError as refusal:
            raise CommandError(str(refusal)) from None
        if check:
            self.stdout.write(
                self.style.SUCCESS(_("The backup at %(path)s is whole and fits this site.") % {"path": folder})
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                _("Restored the backup of %(time)s (UTC) from %(path)s.")
                % {"time": manifest["created_at"], "path": folder}
            )
        )
        self.stdout.write(
            self.style.WARNING(
                _(
                    "The site is now as it was then. Accounts closed and personal data redacted after that time "
                    "are back as they were: close and redact them again (docs/operations.md). Restart "
                    "the site's processes."
                )
            )
        )
