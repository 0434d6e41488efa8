"""Events of the campaign month in the one search: found by their words, place, tags and host, kept in step with
publishing, never shown to someone who may not see them, with their type and time, and labelled once held."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

from accounts import roles
from accounts.models import Municipality
from events.models import EventType
from search.engine import FEEDBACK_BELOW, search
from search.models import SearchDocument
from search.models.documents import Facet, Kind
from search.question import Filters
from tests.conftest import queries_for
from tests.factories.events import campaign, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def home(sections):
    """The start page and the knowledge bank, under which the campaign month hangs."""
    return sections


def titles(results):
    return [hit.title for hit in results.hits]


def for_editors(page):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.EDITOR))


def test_an_event_is_found_by_its_title_summary_speaker_description_and_place(member):
    make_event(
        "Föreläsning om trygghetsplanering",
        event_type=EventType.LECTURE,
        summary="Hur skyddsbedömningar görs.",
        speaker="Kvinnofridsenheten i Upplands Väsby",
        description=[("paragraph", "<p>Vi går igenom riskbedömningsverktyget FREDA.</p>")],
        place="Kulturhuset Märsta",
    )
    for words in ("trygghetsplanering", "skyddsbedömningar", "kvinnofridsenheten", "FREDA", "Märsta"):
        assert titles(search(member, words)) == ["Föreläsning om trygghetsplanering"], words
    [hit] = search(member, "Märsta").hits
    assert hit.kind == Kind.EVENT
    assert str(hit.kind_label) == "Evenemang"


def test_an_event_is_found_by_its_tags_and_narrowed_by_host_municipality_tag_and_type(member, make_method):
    sigtuna = Municipality.objects.get(slug="sigtuna")
    make_event("Nätverksträff i Sigtuna", tags=["ATV"], municipality=sigtuna)
    make_event("Nätverksträff för hela förbundet", tags=["Samverkan"])
    make_method("Nätverksträffar som metod")
    assert titles(search(member, "atv")) == ["Nätverksträff i Sigtuna"]

    results = search(member, "nätverksträff")
    assert results.facets["typ"] == {Kind.EVENT.value: 2, Kind.METHOD.value: 1}
    assert results.facets["kommun"].get(sigtuna.pk) == 1
    only_events = search(member, "nätverksträff", filters=Filters(kinds=(Kind.EVENT,)))
    assert sorted(titles(only_events)) == ["Nätverksträff för hela förbundet", "Nätverksträff i Sigtuna"]
    hosted = search(member, "nätverksträff", filters=Filters(municipality_id=sigtuna.pk))
    assert titles(hosted) == ["Nätverksträff i Sigtuna"]
    [tag_id] = (
        SearchDocument.objects.get(object_id=str(hosted.hits[0].obj.pk))
        .facets.filter(facet=Facet.TAG)
        .values_list("value_id", flat=True)
    )
    tagged = search(member, "nätverksträff", filters=Filters(facets=((Facet.TAG, tag_id),)))
    assert titles(tagged) == ["Nätverksträff i Sigtuna"]


def test_an_event_leaves_the_search_when_unpublished_or_deleted_and_is_found_where_it_was_moved(member):
    event = make_event("Workshop om eftervård")
    assert titles(search(member, "eftervård")) == ["Workshop om eftervård"]
    event.unpublish()
    assert titles(search(member, "eftervård")) == []
    event.save_revision().publish()
    assert titles(search(member, "eftervård")) == ["Workshop om eftervård"]

    next_year = type(campaign())(
        title="En månad fri från våld 2030",
        year=2030,
        theme="Äldre",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate(),
    )
    campaign().get_parent().add_child(instance=next_year)
    next_year.save_revision().publish()
    for_editors(next_year)
    event.move(next_year, pos="last-child")
    assert titles(search(member, "eftervård")) == []

    event.refresh_from_db()
    event.delete()
    assert not SearchDocument.objects.filter(kind=Kind.EVENT).exists()


def test_a_draft_or_restricted_event_is_found_by_nobody_side_table_or_not(client, member, editor):
    make_event("Utbildning om hedersförtryck, utkast", publish=False)
    for_editors(make_event("Utbildning om hedersförtryck för redaktörer"))
    make_event("Utbildning om hedersförtryck för alla")
    everyone = ["Utbildning om hedersförtryck för alla"]
    for person in (member, editor):
        assert titles(search(person, "hedersförtryck")) == everyone

    SearchDocument.objects.update(listed=True)  # a side table that lies still shows nothing more
    client.force_login(member)
    assert titles(client.get(reverse("search:search"), {"q": "hedersförtryck"}).context["results"]) == everyone
    api = client.get(reverse("search:api"), {"q": "hedersförtryck"}).json()["results"]
    assert [hit["title"] for hit in api] == everyone
    suggested = client.get(reverse("search:suggest"), {"q": "utbildning"}).json()["suggestions"]
    assert [hit["label"] for hit in suggested] == everyone


def test_a_tag_used_only_on_a_draft_or_restricted_event_is_never_suggested(member_client):
    make_event("Utkast", publish=False, tags=["hemligt-utkast"])
    for_editors(make_event("Begränsat", tags=["hemligt-begransat"]))
    make_event("Öppet", tags=["hemligt-oppet"])
    suggested = member_client.get(reverse("search:suggest"), {"q": "hemligt"}).json()["suggestions"]
    assert [hit["label"] for hit in suggested if hit["type"] == "tagg"] == ["hemligt-oppet"]


def test_a_hit_shows_the_type_and_start_and_a_held_event_is_labelled(member_client):
    starts = timezone.now().replace(second=0, microsecond=0) + timedelta(days=3)
    make_event("Webbinarium om ekonomiskt våld", event_type=EventType.WEBINAR, starts_at=starts)
    make_event(
        "Föreläsning om ekonomiskt våld",
        event_type=EventType.LECTURE,
        starts_at=starts - timedelta(days=30),
    )
    response = member_client.get(reverse("search:search"), {"q": "ekonomiskt våld"})
    html = response.content.decode()
    local = timezone.localtime(starts)
    assert "Webbinarium" in html and "Föreläsning" in html
    assert f"{local:%H:%M}" in html
    results = html.split('<li class="search-result">')[1:]
    held = {result.split("</a>")[0].rsplit(">", 1)[1]: "Har redan ägt rum" in result for result in results}
    assert held == {"Webbinarium om ekonomiskt våld": False, "Föreläsning om ekonomiskt våld": True}

    api = member_client.get(reverse("search:api"), {"q": "webbinarium", "type": "evenemang"}).json()["results"]
    assert [(hit["type"], hit["event_type"], hit["past"]) for hit in api] == [("evenemang", "Webbinarium", False)]
    assert api[0]["starts_at"] == local.isoformat()


def test_the_search_page_runs_the_same_queries_for_few_and_many_events(member_client):
    url = reverse("search:search") + "?q=samtal"
    # As many as FEEDBACK_BELOW: fewer hits bring related ones, at a fixed cost of their own (tests/search/test_engine).
    for number in range(1, FEEDBACK_BELOW + 1):
        make_event(f"Samtal {number}", tags=["samtal"])
    queries_for(member_client, url)  # warms the per-process caches
    few = queries_for(member_client, url)
    for number in range(FEEDBACK_BELOW + 1, 13):
        make_event(f"Samtal {number}", tags=["samtal", f"tagg-{number}"])
    queries_for(member_client, url)  # new tags are new labels to read once
    assert queries_for(member_client, url) == few
