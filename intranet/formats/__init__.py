"""How dates and times read, one way per language (FORMAT_MODULE_PATH).

Templates name a format, never spell one out: `{{ value|date:"DATE_FORMAT" }}` reads "3 december 2026" in
Swedish and "3 December 2026" in English. Beside Django's own names, the modules add names of their own for
the campaign programme's weekday forms (the `date` filter looks any name up in these modules first).
tests/intranet/test_formats.py holds both languages to the same set of names.
"""
