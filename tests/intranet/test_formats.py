"""Dates read one way per language: "3 december 2026" in Swedish, "3 December 2026" in English (intranet/formats)."""

import re
from datetime import datetime
from pathlib import Path

import pytest

from django.template import Context, Template
from django.utils import timezone, translation

from intranet.formats import shared
from intranet.formats.en import formats as english
from intranet.formats.sv import formats as swedish

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
DATE_FILTER = re.compile(r"""\|date:(["'])(.*?)\1""")
# Formats for machines, not readers: datetime attributes, ids and comparisons.
MACHINE_FORMATS = {"c", "Y-m-d", "Ymd"}
MOMENT = timezone.make_aware(datetime(2026, 12, 3, 14, 5))


def format_names(module):
    return {name for name in dir(module) if name.endswith("_FORMAT")}


def test_both_languages_know_every_format_name():
    assert format_names(swedish) == format_names(english)
    assert format_names(shared) <= format_names(swedish)


def render(format_name, language):
    with translation.override(language):
        return Template("{{ moment|date:format_name }}").render(Context({"moment": MOMENT, "format_name": format_name}))


@pytest.mark.parametrize(
    ("format_name", "in_swedish", "in_english"),
    [
        ("DATE_FORMAT", "3 december 2026", "3 December 2026"),
        ("DATETIME_FORMAT", "3 december 2026, 14:05", "3 December 2026, 14:05"),
        ("SHORT_DATETIME_FORMAT", "2026-12-03 14:05", "2026-12-03 14:05"),
        ("YEAR_MONTH_FORMAT", "december 2026", "December 2026"),
        ("SHORT_WEEKDAY_DATETIME_FORMAT", "tors 3 dec, 14:05", "Thu 3 Dec, 14:05"),
        ("WEEKDAY_DATETIME_FORMAT", "torsdag 3 december 2026, 14:05", "Thursday 3 December 2026, 14:05"),
    ],
)
def test_a_date_reads_the_same_way_everywhere_in_each_language(format_name, in_swedish, in_english):
    assert render(format_name, "sv") == in_swedish
    assert render(format_name, "en") == in_english


def test_templates_name_their_date_formats_instead_of_spelling_them_out():
    known = format_names(swedish)
    spelled_out = [
        f"{path.relative_to(TEMPLATES)}: {fmt}"
        for path in sorted(TEMPLATES.rglob("*.*"))
        if path.suffix in {".html", ".txt"}
        for _quote, fmt in DATE_FILTER.findall(path.read_text())
        if fmt not in known and fmt not in MACHINE_FORMATS
    ]
    assert spelled_out == []
