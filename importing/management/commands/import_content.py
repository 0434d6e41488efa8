"""`manage.py import_content FILE.json`: prints what the import (importing.services) does, in Swedish."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from importing.services import KINDS, ImportFailed, import_content

COUNTED = {
    "method": lambda count: ngettext("%(count)d method", "%(count)d methods", count),
    "experience": lambda count: ngettext("%(count)d experience", "%(count)d experiences", count),
    "article": lambda count: ngettext("%(count)d article", "%(count)d articles", count),
    "topic": lambda count: ngettext("%(count)d theme page", "%(count)d theme pages", count),
    "category": lambda count: ngettext("%(count)d forum category", "%(count)d forum categories", count),
    "thread": lambda count: ngettext("%(count)d thread", "%(count)d threads", count),
    "campaign": lambda count: ngettext("%(count)d campaign year", "%(count)d campaign years", count),
}


def summary(report):
    """E.g. "12 methods (10 new, 2 updated), 0 experiences (0 new, 0 updated), …"."""
    parts = []
    for kind in KINDS:
        created, updated = report.created[kind.name], report.updated[kind.name]
        things = COUNTED[kind.name](created + updated) % {"count": created + updated}
        new = ngettext("%(count)d new", "%(count)d new", created) % {"count": created}
        changed = ngettext("%(count)d updated", "%(count)d updated", updated) % {"count": updated}
        parts.append(f"{things} ({new}, {changed})")
    return ", ".join(parts)


class Command(BaseCommand):
    @property
    def help(self):
        # A property, so that argparse gets a plain string in the language of the moment.
        return _(
            "Import methods, experiences, articles, theme pages and forum threads from a JSON file, "
            "all or nothing. The format is described in docs/import.md."
        )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("The JSON file to import."))
        parser.add_argument(
            "--strict",
            action="store_true",
            help=_("Refuse the file if the personal-data check warns about any text."),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Check the file and tell what it would import, without saving anything."),
        )

    def handle(self, *args, file, strict=False, dry_run=False, **options):
        try:
            report = import_content(file, out=self.stdout.write, strict=strict, dry_run=dry_run)
        except ImportFailed as failure:
            for error in failure.errors:
                self.stderr.write(error)
            count = len(failure.errors)
            raise CommandError(
                ngettext(
                    "%(count)d problem in the file. Nothing was imported.",
                    "%(count)d problems in the file. Nothing was imported.",
                    count,
                )
                % {"count": count}
            ) from None
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(_("Warning: %(message)s") % {"message": warning}))
        if report.dry_run:
            message = _("Dry run, nothing was saved. The file would import: %(summary)s.")
        else:
            message = _("Done: %(summary)s.")
        self.stdout.write(self.style.SUCCESS(message % {"summary": summary(report)}))
