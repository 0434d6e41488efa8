"""Hits and tag suggestions are checked against the objects themselves: a side table that lags or lies shows nothing."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import PageViewRestriction

from accounts import roles
from forum import moderation, services
from forum.models import Category
from search.models import SearchDocument
from tests.conftest import queries_for
from tests.factories import UserFactory, start_thread


@pytest.fixture
def moderator(db):
    return UserFactory(roles=[roles.EMPLOYEE, roles.MODERATOR])


@pytest.fixture
def editors_room(db):
    room = Category.objects.create(name="Redaktionens rum", slug="redaktionens-rum")
    room.restricted_to_groups.add(Group.objects.get(name=roles.EDITOR))
    return room


def for_editors(page):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.EDITOR))


def listed(client, text):
    """The titles the search page, the API and the suggestions list for `text` (tags left out)."""
    page = client.get(reverse("search:search"), {"q": text}).context["results"].hits
    api = client.get(reverse("search:api"), {"q": text}).json()["results"]
    suggested = client.get(reverse("search:suggest"), {"q": text}).json()["suggestions"]
    return (
        sorted(hit.title for hit in page),
        sorted(hit["title"] for hit in api),
        sorted(hit["label"] for hit in suggested if hit["type"] != "tagg"),
    )


def suggested_tags(client, text):
    suggested = client.get(reverse("search:suggest"), {"q": text}).json()["suggestions"]
    return [hit["label"] for hit in suggested if hit["type"] == "tagg"]


def test_a_lying_side_table_shows_nobody_what_they_may_not_see(member_client, moderator, editors_room, make_method):
    hidden = start_thread(title="Tystnadsplikt i en dold tråd")
    moderation.hide_thread(hidden, by=moderator, reason="Olämplig")
    open_thread = start_thread(title="Tystnadsplikt i en öppen tråd", body="Vad gäller?")
    reply = services.reply(open_thread, author=UserFactory(), body="Tystnadsplikt gäller även här.")
    moderation.hide_post(reply, by=moderator, reason="Fel")
    start_thread(title="Tystnadsplikt i redaktionen", category=editors_room, author=UserFactory(roles=[roles.EDITOR]))
    make_method("Tystnadsplikt i ett utkast", publish=False, live=False)
    for_editors(make_method("Tystnadsplikt för redaktörer"))
    unpublished = make_method("Tystnadsplikt som avpublicerats")
    unpublished.unpublish()
    everything_open = ["Tystnadsplikt i en öppen tråd"]
    assert listed(member_client, "tystnadsplikt") == (everything_open, everything_open, everything_open)

    # The side table now says everything is listed for everyone, in no restricted room.
    SearchDocument.objects.update(listed=True, category_id=None)
    assert listed(member_client, "tystnadsplikt") == (everything_open, everything_open, everything_open)


def test_a_moderator_finds_every_room_but_hidden_content_not_even_when_the_side_table_lists_it(
    moderator, editors_room, client
):
    hidden = start_thread(title="Tystnadsplikt i en dold tråd")
    moderation.hide_thread(hidden, by=moderator, reason="Olämplig")
    start_thread(title="Tystnadsplikt i redaktionen", category=editors_room, author=UserFactory(roles=[roles.EDITOR]))
    SearchDocument.objects.update(listed=True)
    client.force_login(moderator)
    in_the_room = ["Tystnadsplikt i redaktionen"]
    assert listed(client, "tystnadsplikt") == (in_the_room, in_the_room, in_the_room)


def test_tags_are_suggested_only_when_used_on_something_the_person_may_see(
    member_client, moderator, editors_room, make_method
):
    start_thread(title="Rummet", category=editors_room, author=UserFactory(roles=[roles.EDITOR]), tags=["hemlig-rum"])
    hidden = start_thread(title="Dold", tags=["hemlig-dold"])
    moderation.hide_thread(hidden, by=moderator, reason="Olämplig")
    make_method("Utkast", publish=False, live=False, tags=["hemlig-utkast"])
    for_editors(make_method("Begränsad", tags=["hemlig-begransad"]))
    start_thread(title="Öppen", tags=["hemlig-oppen-trad"])
    make_method("Publicerad", tags=["hemlig-oppen-metod"])
    assert suggested_tags(member_client, "hemlig") == ["hemlig-oppen-metod", "hemlig-oppen-trad"]


def test_tag_suggestions_cost_the_same_queries_for_few_and_many_tagged_things(member_client, make_method):
    url = reverse("search:suggest") + "?q=samv"

    def make(count):
        for number in range(count):
            make_method(f"Metod {count}-{number}", tags=[f"samverkan-{count}-{number}"])
            start_thread(title=f"Tråd {count}-{number}", tags=[f"samverkan-tråd-{count}-{number}"])

    make(1)
    queries_for(member_client, url)  # warms the per-process caches
    few = queries_for(member_client, url)
    make(6)
    assert queries_for(member_client, url) == few
