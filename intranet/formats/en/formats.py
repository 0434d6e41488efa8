"""English as the intranet writes it, day before month and a 24-hour clock: "3 December 2026, 14:05", where
Django's English would write "Dec. 3, 2026, 2:05 p.m."; "Thu 3 Dec, 14:05"."""

from django.conf.locale.en.formats import *  # noqa: F403 - Django's English input formats and numbers

from intranet.formats.shared import *  # noqa: F403

FIRST_DAY_OF_WEEK = 1  # Monday, as in Sweden
SHORT_WEEKDAY_DATETIME_FORMAT = "D j M, H:i"
