"""Spreadsheet exports that cannot run what a person typed: a cell that looks like a formula stays text."""

# What Excel, LibreOffice and Google Sheets read as the start of a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse_formula(value):
    """The value, with a ' in front when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


class FormulaSafeExportMixin:
    """Mix into a Wagtail view with `SpreadsheetExportMixin` (e.g. a `ReportView`), before it."""

    def preprocess_field_value(self, field, value, export_format):
        return defuse_formula(super().preprocess_field_value(field, value, export_format))
