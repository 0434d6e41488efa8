"""Outside the JSON API the site takes what browsers send: page requests and forms, of a sensible size."""

import json
import time

import pytest

from django.urls import reverse

from accounts import roles
from tests.factories import UserFactory
from tests.knowledge.admin_forms import method_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_put_patch_and_delete_on_the_profile_are_405_and_change_nothing(member_client, member, method):
    name = member.first_name
    response = getattr(member_client, method)(
        "/profil/", "first_name=&last_name=", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 405
    assert "GET" in response["Allow"] and "PUT" not in response["Allow"]
    member.refresh_from_db()
    assert member.first_name == name


@pytest.mark.parametrize("path", ["/forum/", "/sok/", "/", "/forum/notiser/"])
def test_other_methods_are_405_on_the_sites_pages(member_client, path):
    assert member_client.generic("PUT", path).status_code == 405
    assert member_client.generic("PROPFIND", path).status_code == 405


def test_a_json_post_to_a_form_is_415_and_changes_nothing(member_client, member):
    name = member.first_name
    response = member_client.post("/profil/", json.dumps({"first_name": ""}), content_type="application/json")
    assert response.status_code == 415
    assert "formulär" in response.content.decode()
    member.refresh_from_db()
    assert member.first_name == name


def test_ordinary_forms_and_page_requests_still_work(member_client, member):
    assert member_client.head("/forum/").status_code == 200
    assert member_client.options("/profil/").status_code == 200
    response = member_client.post(
        "/profil/", {"first_name": "Greta", "last_name": member.last_name, "job_title": member.job_title}
    )
    assert response.status_code in (200, 302)


def test_the_json_api_keeps_its_own_methods(member_client):
    # The API answers for itself: the middleware neither refuses it nor asks it for forms.
    assert member_client.put("/api/search/?q=våld", "{}", content_type="application/json").status_code == 405
    response = member_client.post("/api/search/", "{}", content_type="application/json")
    assert response.status_code != 415


@pytest.fixture
def board_client(client, make_method):
    client.force_login(UserFactory(roles=[roles.BOARD], is_superuser=True))
    return client


def test_the_admin_page_editor_still_saves_previews_and_clears_the_preview(board_client, make_method):
    method = make_method("Trygga samtal", owner="sigtuna")
    data = method_data(method, summary="En ny sammanfattning.")
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[method.pk])
    assert board_client.post(preview, data).json()["is_valid"] is True
    assert board_client.get(preview).status_code == 200
    assert board_client.delete(preview).status_code == 200
    response = board_client.post(reverse("wagtailadmin_pages:edit", args=[method.pk]), data)
    assert response.status_code == 302
    method.refresh_from_db()
    assert method.get_latest_revision_as_object().summary == "En ny sammanfattning."


def test_the_admin_can_still_dismiss_a_hint_with_its_json_patch(board_client):
    response = board_client.patch(
        reverse("wagtailadmin_dismissibles"),
        json.dumps({"whats-new-in-wagtail": True}),
        content_type="application/json",
    )
    assert response.status_code == 200


@pytest.mark.parametrize("count", [str(10**20), "１０００", "101"])
def test_a_formset_claiming_a_huge_number_of_forms_is_refused_at_once(board_client, make_method, count):
    method = make_method("Trygga samtal", owner="sigtuna")
    data = method_data(method)
    data["local_uses-TOTAL_FORMS"] = count
    started = time.monotonic()
    response = board_client.post(reverse("wagtailadmin_pages:edit", args=[method.pk]), data)
    assert time.monotonic() - started < 1
    assert response.status_code == 400
    assert "fler än 100 rader" in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/sok/?q=våld", "/forum/"])
def test_a_thousand_five_hundred_repeated_parameters_get_the_swedish_400_page(member_client, path):
    separator = "&" if "?" in path else "?"
    response = member_client.get(path + separator + "&".join(["tagg=x"] * 1500))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Förfrågan kunde inte läsas" in html
    assert "116 006" in html
