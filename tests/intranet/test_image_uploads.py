"""Image uploads: no SVG (it can carry scripts), the content must be an image, and the size is bounded."""

import io

import pytest
from PIL import Image as PillowImage

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images.forms import get_image_form
from wagtail.images.models import Image
from wagtail.models import Collection

from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("media_root")

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'


def png(width=10, height=10):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), "white").save(buffer, "PNG")
    return buffer.getvalue()


def upload(name, content):
    form_class = get_image_form(Image)
    return form_class(
        {"title": "Bild", "collection": Collection.get_first_root_node().pk},
        {"file": SimpleUploadedFile(name, content)},
        user=UserFactory(is_superuser=True),
    )


@pytest.mark.django_db
def test_a_png_is_accepted():
    assert upload("bild.png", png()).is_valid()


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content"), [("bild.svg", SVG), ("bild.png", SVG), ("sida.html", b"<html>")])
def test_svg_and_pages_are_refused_whatever_their_name(name, content):
    assert not upload(name, content).is_valid()


@pytest.mark.django_db
def test_an_image_over_10_mb_is_refused():
    form = upload("stor.png", png() + b"\0" * (10 * 1024 * 1024))
    assert not form.is_valid()
    assert "för stor" in str(form.errors["file"])


@pytest.mark.django_db
def test_an_image_of_more_than_50_million_pixels_is_refused():
    buffer = io.BytesIO()
    PillowImage.new("1", (7072, 7072)).save(buffer, "PNG")
    form = upload("stor.png", buffer.getvalue())
    assert not form.is_valid()
    assert "för hög upplösning" in str(form.errors["file"])
