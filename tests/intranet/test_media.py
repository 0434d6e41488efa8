"""Uploaded files: documents only through Wagtail's checked view, images to signed-in people."""

import pytest

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("media_root")

PDF = b"%PDF-1.4\n% a small test document\n"


@pytest.fixture
def private_document(db):
    """A document in a collection that only the group "Samordnare" may see."""
    group = Group.objects.create(name="Samordnare")
    collection = Collection.get_first_root_node().add_child(name="Skyddade rutiner")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    document = Document.objects.create(
        title="Skyddsplan", file=ContentFile(PDF, name="skyddsplan.pdf"), collection=collection
    )
    return document, group


def media_url(document):
    return "/media/" + document.file.name


def test_a_private_collections_document_is_served_only_to_its_group_through_wagtails_view(client, private_document):
    document, group = private_document
    outsider = UserFactory()
    client.force_login(outsider)
    assert client.get(document.url).status_code in (403, 404)

    member = UserFactory()
    member.groups.add(group)
    client.force_login(member)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_no_one_gets_a_document_from_the_media_folder(client, private_document):
    document, group = private_document
    insider = UserFactory(is_superuser=True)
    insider.groups.add(group)
    for person in (UserFactory(), insider):
        client.force_login(person)
        assert client.get(media_url(document)).status_code == 404


def test_a_document_in_an_open_collection_is_not_served_from_the_media_folder_either(member_client):
    document = Document.objects.create(title="Handbok", file=ContentFile(PDF, name="handbok.pdf"))
    assert member_client.get(document.url).status_code == 200
    assert member_client.get(media_url(document)).status_code == 404


@pytest.mark.parametrize(
    "path", ["images/../documents/handbok.pdf", "images/%2e%2e/documents/handbok.pdf", "uploaded_files/fil.pdf"]
)
def test_only_the_image_folders_are_served_from_the_media_folder(member_client, media_root, path):
    for folder in ("documents", "uploaded_files"):
        (media_root / folder).mkdir()
    (media_root / "documents" / "handbok.pdf").write_bytes(PDF)
    (media_root / "uploaded_files" / "fil.pdf").write_bytes(PDF)
    assert member_client.get("/media/" + path).status_code == 404


@pytest.mark.parametrize("folder", ["images", "original_images"])
def test_images_are_served_to_signed_in_people_only(client, member, media_root, folder):
    (media_root / folder).mkdir()
    (media_root / folder / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    anonymous = client.get(f"/media/{folder}/bild.png")
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/logga-in/")
    client.force_login(member)
    response = client.get(f"/media/{folder}/bild.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "content_type", "disposition"),
    [
        ("rutin.pdf", "application/pdf", "inline"),
        ("lista.txt", "text/plain", "attachment"),
        ("adresser.csv", "text/csv", "attachment"),
        ("plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment"),
    ],
)
def test_only_pdfs_open_in_the_browser_and_nothing_served_may_run_scripts(
    member_client, name, content_type, disposition
):
    document = Document.objects.create(title="Rutin", file=ContentFile(PDF, name=name))
    response = member_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response.get("Content-Disposition", "inline").startswith(disposition)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
