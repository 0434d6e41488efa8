"""The stylesheets name colours only through the tokens in :root: the palette and its contrast live in one place."""

import re
from pathlib import Path

import pytest

STYLESHEETS = sorted((Path(__file__).resolve().parents[2] / "static/css").glob("*.css"))
ROOT_BLOCK = re.compile(r":root\s*\{[^}]*\}")
COLOUR_LITERAL = re.compile(r"#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(|:\s*(?:white|black)\b", re.IGNORECASE)


@pytest.mark.parametrize("stylesheet", STYLESHEETS, ids=lambda path: path.name)
def test_colours_outside_the_tokens_are_custom_properties(stylesheet):
    rules = ROOT_BLOCK.sub("", stylesheet.read_text())
    assert [line.strip() for line in rules.splitlines() if COLOUR_LITERAL.search(line)] == []
