"""The site search's own backend may sit beside another default backend (README: OpenSearch for Wagtail's admin)."""

from django.test import override_settings

from search.engine import search
from search.models import SearchDocument

BESIDE_ANOTHER_DEFAULT = {
    # Stands in for OpenSearch: a default backend that keeps no index of its own.
    "default": {"BACKEND": "modelsearch.backends.database.fallback"},
    "site": {"BACKEND": "search.backends", "SEARCH_CONFIG": "swedish"},
}


def test_the_site_search_works_when_its_backend_is_not_the_default(member, make_method):
    with override_settings(WAGTAILSEARCH_BACKENDS=BESIDE_ANOTHER_DEFAULT):
        page = make_method("Våldsombud i hemtjänsten", summary="Ett ombud i varje arbetslag.")
        assert SearchDocument.objects.filter(object_id=str(page.pk), listed=True).exists()
        assert [hit.title for hit in search(member, "våldsombud").hits] == ["Våldsombud i hemtjänsten"]
