"""Single sign-on in Chromium: the login page offers the municipality's provider, which signs the person in."""

import re

import pytest
from playwright.sync_api import expect

from accounts import roles
from accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ANNA = {"email": "anna.berg@sollentuna.se", "email_verified": True, "given_name": "Anna", "family_name": "Berg"}


def test_a_person_signs_in_through_their_municipalitys_provider(page, sso_sollentuna, assert_accessible):
    page.goto("/forum/")
    expect(page.get_by_role("heading", level=1, name="Logga in på Kunskapsforum")).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 800})

    sso_sollentuna.answer_next(ANNA | {"groups": ["kf-moderatorer"]})
    page.get_by_role("link", name="Logga in med Sollentuna").click()
    page.wait_for_url("**/forum/")
    person = User.objects.get(email="anna.berg@sollentuna.se")
    assert person.municipality.slug == "sollentuna"
    assert list(person.groups.values_list("name", flat=True)) == [roles.MODERATOR]


def test_a_refusal_is_told_on_the_login_page(page, sso_sollentuna, assert_accessible):
    page.goto("/logga-in/")
    sso_sollentuna.answer_next(ANNA | {"email": "anna@gmail.com"})
    page.get_by_role("link", name="Logga in med Sollentuna").click()
    page.wait_for_url("**/logga-in/sso/sollentuna/svar/**")
    expect(page.get_by_text("Din e-postadress hör inte till den här inloggningstjänstens kommun.")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Fel: "))
    expect(page.get_by_label("Lösenord")).to_be_visible()
    assert_accessible(page)
    assert not User.objects.filter(email="anna@gmail.com").exists()
