"""Events where people already look — tag, method and municipality pages, and the search — accessible and whole at
320 pixels."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from django.urls import reverse
from django.utils import timezone

from accounts.models import Municipality
from knowledge.models import MunicipalityPage
from tests.factories.events import make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_events_on_tag_method_and_municipality_pages_and_in_the_search(
    page, member, log_in, make_method, assert_accessible
):
    sigtuna = Municipality.objects.get(slug="sigtuna")
    method = make_method("Trygga samtal med barn", tags=["skola"])
    make_event("Workshop om trygga samtal i skolan", tags=["skola"], methods=[method], municipality=sigtuna)
    make_event("Föreläsning om trygga samtal", tags=["skola"], starts_at=timezone.now() - timedelta(days=20))
    log_in(member)
    for path in (
        reverse("knowledge:tag", args=["skola"]),
        method.url,
        MunicipalityPage.objects.get(municipality=sigtuna).url,
        reverse("search:search") + "?q=trygga+samtal",
    ):
        for width in (1280, 320):
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(path)
            assert page.get_by_role("link", name="Workshop om trygga samtal i skolan").first.is_visible(), path
            assert page.evaluate("document.documentElement.scrollWidth") <= width, path
            assert_accessible(page)
    expect(page.get_by_text("Har redan ägt rum")).to_be_visible()
