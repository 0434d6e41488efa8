"""Swedish: "3 december 2026", "3 december 2026, 14:05", "tors 3 dec, 14:05"; numbers as in Django's Swedish."""

from django.conf.locale.sv.formats import *  # noqa: F403 - Django's Swedish input formats and numbers

from intranet.formats.shared import *  # noqa: F403

SHORT_WEEKDAY_DATETIME_FORMAT = "D j b, H:i"
