"""Document uploads: only office files, PDF and plain text, each what its name says, at most 20 MB."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents.forms import get_document_form
from wagtail.documents.models import Document
from wagtail.models import Collection

from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("media_root")

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"
ZIP = b"PK\x03\x04" + b"\0" * 40
HTML = b"<!DOCTYPE html><html><body><script>fetch('/profil/')</script></body></html>"


@pytest.fixture
def uploader(db):
    return UserFactory(is_superuser=True)


def upload(uploader, name, content):
    form_class = get_document_form(Document)
    return form_class(
        {"title": "Rutin", "collection": Collection.get_first_root_node().pk},
        {"file": SimpleUploadedFile(name, content)},
        user=uploader,
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("rutin.pdf", PDF),
        ("plan.docx", ZIP),
        ("lista.xlsx", ZIP),
        ("presentation.odp", ZIP),
        ("adresser.csv", b"kommun;telefon\nSigtuna;08-591 260 00\n"),
        ("anteckning.txt", "Att tänka på < 18 år".encode()),
    ],
)
def test_office_files_pdfs_and_plain_text_are_accepted(uploader, name, content):
    form = upload(uploader, name, content)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("sida.html", HTML),
        ("sida.htm", HTML),
        ("sida.xhtml", b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>'),
        ("bild.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("program.exe", b"MZ\x90\x00\x03"),
        ("skript.js", b"alert(1)"),
    ],
)
def test_web_pages_images_with_scripts_and_programs_are_refused_by_their_name(uploader, name, content):
    form = upload(uploader, name, content)
    assert not form.is_valid()
    assert "Filändelsen" in str(form.errors["file"])


NOT_THE_KIND = "Filen är inte den sorts fil som namnet säger"
NOT_TEXT = "Filen är inte ren text. Webbsidor och program kan inte laddas upp."


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rutin.pdf", HTML, NOT_THE_KIND + " (.pdf)"),
        ("plan.docx", HTML, NOT_THE_KIND + " (.docx)"),
        ("lista.txt", b"  \n<html><script>alert(1)</script>", NOT_TEXT),
        ("lista.csv", b"\xef\xbb\xbf<svg onload=alert(1)>", NOT_TEXT),
        ("program.txt", b"MZ\x90\x00\x03\x00\x00\x00", NOT_TEXT),
    ],
)
def test_a_web_page_or_program_under_a_harmless_name_is_refused(uploader, name, content, message):
    form = upload(uploader, name, content)
    assert not form.is_valid()
    assert message in form.errors["file"][0]


def test_a_document_over_20_mb_is_refused(uploader):
    form = upload(uploader, "stor.pdf", PDF + b"0" * (20 * 1024 * 1024))
    assert not form.is_valid()
    assert "för stor" in str(form.errors["file"])


def test_the_multiple_uploader_refuses_a_disguised_page_too(client, uploader):
    client.force_login(uploader)
    response = client.post(
        "/admin/documents/multiple/add/",
        {"collection": Collection.get_first_root_node().pk, "files[]": SimpleUploadedFile("rutin.pdf", HTML)},
    )
    assert response.json()["success"] is False
    assert not Document.objects.exists()
