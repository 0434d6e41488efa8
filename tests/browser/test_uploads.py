"""Uploads through the admin's own forms in the browser: disguised pages, SVG images and oversized files are refused."""

import pytest

from wagtail.documents.models import Document
from wagtail.images.models import Image

from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>'


@pytest.fixture
def admin(page, log_in, media_root):
    log_in(UserFactory(is_superuser=True))
    return page


def upload(page, path, name, content, mime_type):
    page.goto(path)
    page.locator("#id_file").set_input_files({"name": name, "mimeType": mime_type, "buffer": content})
    page.locator("#id_title").fill("Rutin")
    with page.expect_navigation():
        page.locator("form button[type=submit]").last.click()


def test_a_web_page_renamed_pdf_is_refused_by_the_document_form(admin):
    upload(admin, "/admin/documents/add/", "rutin.pdf", PAGE, "application/pdf")
    assert admin.locator(".error-message, .w-field__errors").count() > 0
    assert not Document.objects.exists()


def test_an_svg_image_is_refused_by_the_image_form(admin):
    upload(admin, "/admin/images/add/", "bild.svg", SVG, "image/svg+xml")
    assert admin.locator(".error-message, .w-field__errors").count() > 0
    assert not Image.objects.exists()


def test_a_document_over_the_size_limit_is_refused(admin, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    upload(admin, "/admin/documents/add/", "anteckning.txt", b"korpus\n" * 200, "text/plain")
    assert admin.locator(".error-message, .w-field__errors").count() > 0
    assert not Document.objects.exists()


def test_an_accepted_text_document_is_served_as_an_attachment_that_cannot_run(admin):
    upload(admin, "/admin/documents/add/", "anteckning.txt", b"Att tanka pa vid samtal.\n", "text/plain")
    document = Document.objects.get()
    response = admin.request.get(document.url)
    assert response.ok
    assert response.headers["content-disposition"].startswith("attachment")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "html" not in response.headers["content-type"]
