"""Is an uploaded file what its name says? So that no web page slips in under a harmless name.

The extension lists (WAGTAILDOCS_EXTENSIONS, WAGTAILIMAGES_EXTENSIONS) refuse .html, .svg, .js and
.exe by name; these checks read the first bytes, so that an HTML page or a program named
"rutin.pdf" or "lista.txt" is refused too. Imports no app.
"""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEAD_LENGTH = 1024
ZIP = b"PK\x03\x04"  # Office Open XML and OpenDocument files are zip archives
SIGNATURES = {
    "pdf": b"%PDF-",
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "odp": ZIP,
}
TEXT_EXTENSIONS = {"txt", "csv"}
# What makes a browser take a text for a web page (the WHATWG's MIME sniffing rules), lower-cased.
MARKUP_STARTS = (
    b"<!doctype html", b"<html", b"<head", b"<script", b"<iframe", b"<h1", b"<div", b"<font", b"<table",
    b"<a", b"<style", b"<title", b"<b", b"<body", b"<br", b"<p", b"<!--", b"<?xml", b"<svg",
)  # fmt: skip
TAG_ENDS = b" >/\t\n\r\x0c"


def file_head(file):
    position = file.tell()
    file.seek(0)
    head = file.read(HEAD_LENGTH)
    file.seek(position)
    return head


def looks_like_markup(head):
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return any(
        text.startswith(start) and (start in (b"<!--", b"<?xml") or text[len(start) : len(start) + 1] in TAG_ENDS)
        for start in MARKUP_STARTS
    )


def validate_content_matches_name(file):
    """Refuse a file whose first bytes are not those of the kind its extension names."""
    extension = PurePath(file.name).suffix.lower().lstrip(".")
    head = file_head(file)
    signature = SIGNATURES.get(extension)
    if signature is not None and not head.startswith(signature):
        raise ValidationError(
            _("The file is not the kind of file its name says (.%(extension)s). Save it again as that kind."),
            code="content_mismatch",
            params={"extension": extension},
        )
    if extension in TEXT_EXTENSIONS and (b"\0" in head or looks_like_markup(head)):
        raise ValidationError(
            _("The file is not plain text. Web pages and programs cannot be uploaded."),
            code="not_plain_text",
        )
