"""The few Wagtail routes the project answers itself (intranet/urls.py)."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, Site

from tests.factories import UserFactory


@pytest.fixture
def superuser_client(client, db):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_a_get_of_the_admin_logout_neither_signs_out_nor_drops_the_session_cookie(superuser_client):
    response = superuser_client.get("/admin/logout/")
    assert response.status_code == 405
    assert "sessionid" not in response.cookies
    assert superuser_client.get("/admin/").status_code == 200


def test_the_admin_logout_signs_out_on_post(superuser_client):
    response = superuser_client.post("/admin/logout/")
    assert response.status_code == 302
    assert superuser_client.get("/admin/").status_code == 302


def test_wagtails_deliberate_error_page_is_not_found(superuser_client):
    assert superuser_client.get("/admin/failwhale/").status_code == 404


def test_placing_the_root_page_among_its_siblings_is_not_found_rather_than_an_error(superuser_client):
    root = Page.objects.get(depth=1)
    assert superuser_client.post(f"/admin/pages/{root.pk}/set_position/?position=0").status_code == 404


def test_placing_a_page_among_its_siblings_still_works(superuser_client):
    home = Page.objects.get(depth=2)
    assert superuser_client.post(f"/admin/pages/{home.pk}/set_position/?position=0").status_code == 200


def test_pages_are_served_without_asking_for_the_site_and_from_a_new_root_at_once(member_client, make_method):
    member_client.get("/")
    with CaptureQueriesContext(connection) as captured:
        assert member_client.get("/").status_code == 200
    assert [query["sql"] for query in captured if 'FROM "wagtailcore_site"' in query["sql"]] == []
    method = make_method("Stödgrupp för barn")
    site = Site.objects.get(is_default_site=True)
    site.root_page = method
    site.save()
    assert "Stödgrupp för barn" in member_client.get("/").content.decode()
