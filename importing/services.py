"""Import methods, experiences, articles, theme pages, forum categories and threads from a JSON file.

The format is described in docs/import.md. The whole file is checked before
anything is written, and every problem is reported with the item's position;
then everything is written in one transaction, so a file is imported
completely or not at all. The `id` of each item is remembered (ImportedPage,
ImportedThread; a category's id is its slug), so importing a file again
updates what it made.
"""

import os

from django.db import transaction

from .checking import check
from .kinds import KINDS
from .outcome import ImportFailed, ImportReport
from .reading import MAX_FILE_BYTES, read_file
from .writing import write

__all__ = ["KINDS", "MAX_FILE_BYTES", "ImportFailed", "ImportReport", "import_content"]


def import_content(data_or_path, *, out=None, strict=False, dry_run=False) -> ImportReport:
    """Check a whole import file, then write all of it in one transaction, or nothing in a dry run.

    `data_or_path` is the path of a JSON file or its already parsed content;
    `out`, if given, is called with one line of progress text at a time.
    `strict` makes the personal-data guard's warnings refuse the file.
    """
    data = read_file(data_or_path) if isinstance(data_or_path, str | os.PathLike) else data_or_path
    plan = check(data, strict=strict)
    if not dry_run:
        with transaction.atomic():
            write(plan, out or (lambda line: None))
    return plan.report(dry_run=dry_run)
