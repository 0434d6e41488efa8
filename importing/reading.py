"""Reading an import file: its size, encoding and JSON are checked before anything else."""

import json
from pathlib import Path

from django.utils.translation import gettext as _

from .outcome import ImportFailed

MAX_FILE_BYTES = 5 * 1024 * 1024


def read_file(path):
    """Return the parsed JSON of a file, refusing files that are too large, not UTF-8 or not JSON."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFailed(
                [
                    _("The file is larger than %(limit)d MB, the most that can be imported at once. Split it up.")
                    % {"limit": MAX_FILE_BYTES // 1024 // 1024}
                ]
            )
        content = path.read_bytes()
    except OSError as error:
        raise ImportFailed([_("The file cannot be read: %(reason)s") % {"reason": error}]) from None
    try:
        text = content.decode("utf-8-sig")  # tolerate the byte-order mark some Windows programs add
    except UnicodeDecodeError as error:
        raise ImportFailed(
            [
                _("The file is not UTF-8 (unreadable byte at position %(position)d). Save it as UTF-8.")
                % {"position": error.start}
            ]
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFailed(
            [
                _("The file is not valid JSON: line %(line)d, column %(column)d (%(detail)s).")
                % {"line": error.lineno, "column": error.colno, "detail": error.msg}
            ]
        ) from None
    except RecursionError:
        raise ImportFailed([_("The file is not valid JSON: it is nested too deeply.")]) from None
