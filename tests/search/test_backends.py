"""The site search's own backend may sit beside another default backend (README: OpenSearch for Wagtail's admin)."""

import inspect
import logging

import pytest

from django.db import DatabaseError
from django.test import override_settings

from wagtail.search.backends import get_search_backend

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


def test_modelsearch_still_refreshes_title_norms_as_the_override_of_its_private_method_expects(db, monkeypatch):
    """`ListingIndexMixin._refresh_title_norms` overrides a private modelsearch method (1.3.2): it skips the
    partial refresh each save asks for and keeps the full one a rebuild asks for. A modelsearch that renames
    the method, drops `full`, or calls it otherwise would leave the override dead or the admin ranking stale."""
    backend = get_search_backend()
    index = backend.get_index_for_model(Thread)
    modelsearch_index = type(index).__mro__[type(index).__mro__.index(ListingIndexMixin) + 1]
    assert modelsearch_index.__module__.startswith("modelsearch.")
    overridden = inspect.signature(modelsearch_index._refresh_title_norms)
    assert list(overridden.parameters) == ["self", "full"]
    assert overridden.parameters["full"].default is False

    asked = []
    refresh = ListingIndexMixin._refresh_title_norms

    def recording(self, full=False):
        asked.append(full)
        refresh(self, full=full)

    monkeypatch.setattr(ListingIndexMixin, "_refresh_title_norms", recording)
    thread = start_thread(title="Stödsamtal efter våld")
    backend.add(thread)
    assert asked and not any(asked)  # each save asks for the partial refresh only
    rebuilder = backend.rebuilder_class(index)
    rebuilder.start()
    rebuilder.finish()
    assert asked[-1] is True  # the end of a rebuild asks for the full one
