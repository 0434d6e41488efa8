"""Spreadsheet exports that cannot run what a person typed: a cell that looks like a formula stays text.

One rule for every export (the moderation log, the search reports): invisible characters become spaces
(a workbook refuses control characters, and OWASP's tab and carriage return are formula starts), and a
cell that then starts, after any spaces, like a formula gets a ' in front.
"""

import unicodedata

# What Excel, LibreOffice and Google Sheets read as the start of a formula (OWASP: CSV injection), and the
# full-width forms some of them read too.
FORMULA_STARTS = ("=", "+", "-", "@", "＝", "＋", "－", "＠")
INVISIBLE = {"Cc", "Cf", "Cs"}


def printable(text):
    """The text with its invisible characters (control, format, lone surrogates) as spaces."""
    return "".join(" " if unicodedata.category(char) in INVISIBLE else char for char in text)


def defuse_formula(value):
    """A text value as a safe cell: printable, with a ' in front when a spreadsheet would read a formula."""
    if not isinstance(value, str):
        return value
    text = printable(value)
    return f"'{text}" if text.lstrip().startswith(FORMULA_STARTS) else text


class FormulaSafeExportMixin:
    """Mix into a Wagtail view with `SpreadsheetExportMixin` (e.g. a `ReportView`), before it."""

    def preprocess_field_value(self, field, value, export_format):
        return defuse_formula(super().preprocess_field_value(field, value, export_format))
