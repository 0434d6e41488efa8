"""The site search's own backend may sit beside another default backend (README: OpenSearch for Wagtail's admin)."""

import logging

import pytest

from django.db import DatabaseError
from django.test import override_settings

from accounts import roles
from forum import moderation
from forum.models import Thread
from search.backends import ListingIndexMixin
from search.engine import search
from search.models import SearchDocument
from tests.factories import UserFactory, start_thread


@pytest.fixture
def moderator(db):
    return UserFactory(roles=[roles.EMPLOYEE, roles.MODERATOR])


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


def test_an_indexing_error_reaches_no_log_with_the_text_of_the_thread(member, moderator, caplog, monkeypatch):
    thread = start_thread(title="Orosanmälan för Lindqvists barn")

    def fail(self, model, objs):
        raise DatabaseError("the index is unavailable")

    monkeypatch.setattr(ListingIndexMixin, "add_items", fail)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(DatabaseError):
        moderation.hide_thread(thread, by=moderator, reason="Olämplig")
    assert "lindqvist" not in caplog.text.lower()
    assert not Thread.objects.get(pk=thread.pk).is_hidden  # the moderation waits for an index that can follow it


@pytest.mark.parametrize("typed", ['"abc', 'abc"', 'a"b"c"', "'abc", "\\\\", "abc*"])
def test_the_admins_page_chooser_search_survives_quotes_and_symbols(client, db, typed):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/admin/choose-page/search/", {"q": typed}).status_code == 200
