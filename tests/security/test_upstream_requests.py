"""Requests on which Wagtail 7.4's own views answer with a server error; the site answers them first.

Each case is one shape the fuzz run found (see docs/security.md): an id or a parameter Wagtail reads
without checking. The site must answer with a client error (400 or 404), never 500.
"""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Page

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.raise_request_exception = False
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def method(make_method):
    return make_method("Trygga samtal")


def test_a_chooser_answers_a_non_numeric_id_with_not_found(superuser_client):
    for path in [
        "/admin/documents/chooser/chosen/x/",
        "/admin/images/chooser/chosen/²/",
        "/admin/snippets/choose/forum/category/chosen/abc/",
        "/admin/snippets/choose/accounts/municipality/chosen/1.5/",
    ]:
        assert superuser_client.get(path).status_code == 404, path


def test_a_link_chooser_answers_a_non_numeric_parent_page_with_a_client_error(superuser_client):
    for kind in ["external", "email", "phone", "anchor"]:
        path = f"/admin/choose-{kind}-link/?parent_page_id=x"
        assert superuser_client.get(path).status_code == 400, path
        assert superuser_client.post(path, {}).status_code == 400, path
        assert superuser_client.get(f"/admin/choose-{kind}-link/?parent_page_id=2").status_code == 200


def test_an_external_link_form_without_its_address_field_is_a_client_error(superuser_client):
    assert superuser_client.post("/admin/choose-external-link/", {}).status_code == 400
    # The form as the browser sends it, left empty, is shown again with its error.
    response = superuser_client.post("/admin/choose-external-link/", {"external-link-chooser-url": ""})
    assert response.status_code == 200
    assert response.json()["html"].count('aria-invalid="true"') == 1


def test_a_redirect_import_without_its_file_is_a_client_error(superuser_client):
    response = superuser_client.post("/admin/redirects/import/process/", {"from_index": "0", "to_index": "1"})
    assert response.status_code == 400


def test_a_snippet_chooser_without_a_creation_form_has_no_create_address(superuser_client):
    response = superuser_client.post("/admin/snippets/choose/forum/category/create/", {"name": "Ny"})
    assert response.status_code == 404
    # The document chooser has its own upload form, which stays.
    assert superuser_client.get("/admin/documents/chooser/create/").status_code == 200


def test_the_page_chooser_answers_for_chosen_pages_but_never_the_root(superuser_client, method):
    root = Page.get_first_root_node()
    response = superuser_client.get(f"/admin/choose-page/chosen-multiple/?id={root.pk}&id={method.pk}&id=²")
    assert response.status_code == 200
    assert [page["id"] for page in response.json()["result"]] == [method.pk]


def test_an_upload_of_many_files_names_its_file_field(superuser_client, media_root):
    for kind in ["documents", "images"]:
        path = f"/admin/{kind}/multiple/add/"
        sent = superuser_client.post(path, {"other": SimpleUploadedFile("plan.pdf", b"%PDF-1.4")})
        assert sent.status_code == 400


def test_the_root_page_cannot_be_locked(superuser_client):
    root = Page.get_first_root_node()
    for action in ["lock", "unlock"]:
        assert superuser_client.post(f"/admin/pages/{root.pk}/{action}/").status_code == 404


def test_a_page_action_drops_a_next_that_is_not_a_path(superuser_client, method):
    explorer = f"/admin/pages/{method.get_parent().pk}/"
    for sent in [
        {"path": f"/admin/pages/{method.pk}/lock/?next=explorer"},
        {"path": f"/admin/pages/{method.pk}/lock/", "data": {"next": "wagtailadmin_home"}},
    ]:
        response = superuser_client.post(**sent)
        assert (response.status_code, response["Location"]) == (302, explorer)
        method.refresh_from_db()
        assert method.locked
        superuser_client.post(f"/admin/pages/{method.pk}/unlock/")
    response = superuser_client.post(f"/admin/pages/{method.pk}/lock/?next=/admin/")
    assert response["Location"] == "/admin/"


def test_reverting_to_a_revision_that_does_not_exist_is_not_found(superuser_client, method):
    for revision in ["0", "9" * 20]:
        path = f"/admin/pages/{method.pk}/revisions/{revision}/revert/"
        assert superuser_client.get(path).status_code == 404, path
        assert superuser_client.post(path).status_code == 404, path
