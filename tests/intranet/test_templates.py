"""The site's templates keep to its Content-Security-Policy: scripts and styles come from files only."""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# These render inside the Wagtail admin, whose own policy allows its inline scripts and styles.
ADMIN_FOLDERS = ("forum/admin", "knowledge/admin", "wagtailusers")
SITE_TEMPLATES = sorted(
    path for path in TEMPLATES.rglob("*.html") if not path.relative_to(TEMPLATES).as_posix().startswith(ADMIN_FOLDERS)
)


def name(path):
    return path.relative_to(TEMPLATES).as_posix()


@pytest.mark.parametrize("template", SITE_TEMPLATES, ids=name)
def test_site_templates_hold_no_inline_script_or_style(template):
    text = template.read_text()
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", text) == []
    assert re.findall(r"<style\b|\sstyle=", text) == []


@pytest.mark.parametrize("template", sorted((TEMPLATES / "components").rglob("*.html")), ids=name)
def test_components_leave_their_scripts_to_the_page(template):
    assert "<script" not in template.read_text(), "Add the script in the page's extra_js block"
