"""Hitta kollegor as a Sollentuna employee uses it: a Sigtuna colleague who knows honour-related violence in school,
found with the filters (no JavaScript needed) and read on their profile; accessible, no sideways scroll at 320 px."""

import re

import pytest
from playwright.sync_api import expect

from taggit.models import Tag

from accounts import roles
from accounts.models import Municipality
from tests.factories import UserFactory, colleague, start_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def sollentuna_employee(db):
    return UserFactory(
        first_name="Selma", municipality=Municipality.objects.get(slug="sollentuna"), roles=[roles.EMPLOYEE]
    )


@pytest.fixture
def colleagues(db):
    for name in ("hedersförtryck", "skola", "riskbedömning"):
        Tag.objects.create(name=name)
    sara = colleague(
        "sigtuna",
        "Sara",
        "Lind",
        job_title="Skolkurator",
        sector="skola",
        expertise=["hedersförtryck", "skola"],
        unit="Elevhälsan, Centralskolan",
        show_email=True,
        can_help_with="Samtal med elever om hedersrelaterade begränsningar.",
    )
    colleague("sigtuna", "Sven", "Berg", sector="socialtjanst", expertise=["riskbedömning"])
    colleague("jarfalla", "Jenny", "Ek", sector="skola", expertise=["hedersförtryck", "skola"])
    start_thread(sara, title="Hur möter skolan elever som lever med hedersförtryck?", tags=["hedersförtryck", "skola"])
    return sara


def test_a_sollentuna_employee_finds_a_sigtuna_colleague_and_reads_their_profile(
    page, log_in, sollentuna_employee, colleagues, assert_accessible
):
    log_in(sollentuna_employee)
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Hitta kollegor").click()
    expect(page.get_by_role("heading", name="Hitta kollegor", level=1)).to_be_visible()
    assert_accessible(page)

    filters = page.locator("form.filters")
    for group, choice in [("Kommun", "Sigtuna"), ("Verksamhet", "Skola"), ("Kunskapsområde", "hedersförtryck")]:
        filters.get_by_role("group", name=group).get_by_role("checkbox", name=re.compile(rf"^{choice} \(")).check()
    with page.expect_navigation():
        filters.get_by_role("button", name="Visa kollegor").click()
    expect(page.get_by_role("heading", name="1 kollega")).to_be_visible()
    results = page.locator(".listing__results")
    expect(results.get_by_text("Jenny")).to_have_count(0)
    assert_accessible(page)

    with page.expect_navigation():
        results.get_by_role("link", name="Sara Lind").click()
    expect(page.get_by_role("heading", name="Sara Lind", level=1)).to_be_visible()
    expect(page.get_by_text("Elevhälsan, Centralskolan")).to_be_visible()
    expect(page.locator("a.tag", has_text="hedersförtryck")).to_be_visible()
    expect(page.get_by_role("link", name=colleagues.email)).to_be_visible()
    expect(page.get_by_role("link", name="Hur möter skolan elever som lever med hedersförtryck?")).to_be_visible()
    assert_accessible(page)


def test_people_pages_hold_at_320_pixels_and_are_accessible(page, log_in, colleagues, assert_accessible):
    log_in(colleagues)
    page.set_viewport_size({"width": 320, "height": 800})
    slug = Tag.objects.get(name="hedersförtryck").slug
    for path in ["/personer/", f"/personer/?kunskap={slug}", f"/personer/{colleagues.pk}/", "/personer/redigera/"]:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        assert_accessible(page)
    page.goto(f"/taggar/{slug}/")
    expect(page.get_by_role("heading", name="Vem kan mer om detta?")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_editing_the_profile_with_an_unknown_tag_says_so_in_swedish(page, log_in, colleagues, assert_accessible):
    log_in(colleagues)
    page.goto("/personer/redigera/")
    page.get_by_label("Kunskapsområden").fill("hedersförtryck, påhittat ord")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara").click()
    expect(page).to_have_title("Fel: Redigera profil – Kunskapsforum")
    expect(page.get_by_text("påhittat ord").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Kunskapsområden").fill("hedersförtryck, skola, riskbedömning")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("heading", name="Sara Lind", level=1)).to_be_visible()
    expect(page.locator("a.tag", has_text="riskbedömning")).to_be_visible()
