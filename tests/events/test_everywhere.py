"""The campaign month everywhere else: upcoming events on tag, method and municipality pages, only for those who
may see them, at a fixed cost; tags used on events; followers of a tag told when an event with it is published."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

from accounts import roles
from accounts.models import Municipality
from events.models import EventPage
from events.signals import event_first_published
from knowledge.models import MunicipalityPage
from knowledge.models.tags import tags_offered_to, tags_visible_to
from tests.conftest import queries_for
from tests.factories.events import make_event

pytestmark = pytest.mark.django_db


def for_editors(page):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.EDITOR))
    return page


def tag_url(slug):
    return reverse("knowledge:tag", args=[slug])


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_the_tag_page_lists_the_upcoming_events_with_the_tag(member_client, make_method):
    make_method("Metod om skolan", tags=["skola"])
    make_event("Workshop om trygga skolor", tags=["Skola"])
    make_event("Föreläsning som redan hållits", tags=["skola"], starts_at=timezone.now() - timedelta(days=3))
    make_event("Inställd workshop", tags=["skola"], is_cancelled=True)
    make_event("Workshop om annat", tags=["annat"])
    html = html_of(member_client, tag_url("skola"))
    assert "Kommande evenemang" in html
    assert "Workshop om trygga skolor" in html
    for title in ("Föreläsning som redan hållits", "Inställd workshop", "Workshop om annat"):
        assert title not in html


def test_the_tag_page_lists_a_restricted_event_only_to_those_who_pass_and_a_draft_to_nobody(
    client, member, editor, make_method
):
    make_method("Metod om skolan", tags=["skola"])
    for_editors(make_event("Workshop för redaktörer", tags=["skola"]))
    make_event("Workshop som utkast", tags=["skola"], publish=False)
    client.force_login(member)
    html = html_of(client, tag_url("skola"))
    assert "Workshop för redaktörer" not in html and "Workshop som utkast" not in html
    assert "Inget kommande evenemang har den här taggen." in html
    client.force_login(editor)
    html = html_of(client, tag_url("skola"))
    assert "Workshop för redaktörer" in html and "Workshop som utkast" not in html


def test_a_tag_used_only_on_a_visible_event_is_visible_and_only_on_a_hidden_one_is_not(client, member, editor):
    make_event("Öppen workshop", tags=["öppen-tagg"])
    for_editors(make_event("Workshop för redaktörer", tags=["redaktörstagg"]))
    make_event("Workshop som utkast", tags=["utkasttagg"], publish=False)

    assert set(tags_visible_to(member).values_list("name", flat=True)) == {"öppen-tagg"}
    assert set(tags_visible_to(editor).values_list("name", flat=True)) == {"öppen-tagg", "redaktörstagg"}
    offered = set(tags_offered_to(member).values_list("name", flat=True))
    assert "öppen-tagg" in offered and not offered & {"redaktörstagg", "utkasttagg"}

    client.force_login(member)
    assert "Öppen workshop" in html_of(client, tag_url("oppen-tagg"))
    assert client.get(tag_url("redaktorstagg")).status_code == 404
    assert client.get(tag_url("utkasttagg")).status_code == 404
    client.force_login(editor)
    assert client.get(tag_url("redaktorstagg")).status_code == 200
    assert client.get(tag_url("utkasttagg")).status_code == 404


def test_a_method_page_names_its_upcoming_events(member_client, make_method):
    method = make_method("Trygga samtal")
    other = make_method("Annan metod")
    make_event("Workshop om trygga samtal", methods=[method])
    make_event("Workshop om trygga samtal förra året", methods=[method], starts_at=timezone.now() - timedelta(days=9))
    for_editors(make_event("Workshop för redaktörer om trygga samtal", methods=[method]))
    html = html_of(member_client, method.url)
    assert "Kommande:" in html and "Workshop om trygga samtal</a>" in html
    assert "förra året" not in html and "för redaktörer" not in html
    assert "Kommande:" not in html_of(member_client, other.url)


def test_a_municipality_page_lists_the_upcoming_events_it_hosts(member_client, sections):
    sigtuna, jarfalla = (Municipality.objects.get(slug=slug) for slug in ("sigtuna", "jarfalla"))
    make_event("Nätverksträff i Sigtuna", municipality=sigtuna)
    make_event("Nätverksträff i Järfälla", municipality=jarfalla)
    make_event("Förbundets föreläsning")
    make_event("Utkast i Sigtuna", municipality=sigtuna, publish=False)
    html = html_of(member_client, MunicipalityPage.objects.get(municipality=sigtuna).url)
    assert "Nätverksträff i Sigtuna" in html
    for title in ("Nätverksträff i Järfälla", "Förbundets föreläsning", "Utkast i Sigtuna"):
        assert title not in html
    empty = html_of(member_client, MunicipalityPage.objects.get(municipality__slug="upplands-vasby").url)
    assert "Kommunen står inte värd för något kommande evenemang." in empty


def test_tag_method_and_municipality_pages_run_the_same_queries_for_2_and_12_events(member_client, make_method):
    sigtuna = Municipality.objects.get(slug="sigtuna")
    method = make_method("Trygga samtal", tags=["skola"])
    urls = [tag_url("skola"), method.url, MunicipalityPage.objects.get(municipality=sigtuna).url]

    def make(numbers):
        for number in numbers:
            make_event(f"Workshop {number}", tags=["skola", f"tagg {number}"], methods=[method], municipality=sigtuna)

    make(range(2))
    for url in urls:
        member_client.get(url)
    few = [queries_for(member_client, url) for url in urls]
    make(range(2, 12))
    for url in urls:
        member_client.get(url)  # as before: what the header keeps in the cache is kept again after the change
    assert [queries_for(member_client, url) for url in urls] == few


@pytest.fixture
def announced():
    """The events `event_first_published` was sent for, in order."""
    sent = []

    def receive(sender, event, **kwargs):
        sent.append(event.title)

    event_first_published.connect(receive, dispatch_uid="test_everywhere_announced")
    yield sent
    event_first_published.disconnect(dispatch_uid="test_everywhere_announced")


def test_an_event_is_announced_once_when_first_published_and_a_draft_not_at_all(sections, announced):
    event = make_event("Workshop om trygga samtal")
    draft = make_event("Workshop som utkast", publish=False)
    assert announced == ["Workshop om trygga samtal"]

    event = EventPage.objects.get(pk=event.pk)  # as the editor opens it
    event.save_revision().publish()  # an edit
    event.unpublish()
    event.save_revision().publish()  # back again
    assert announced == ["Workshop om trygga samtal"]

    EventPage.objects.get(pk=draft.pk).save_revision().publish()
    assert announced == ["Workshop om trygga samtal", "Workshop som utkast"]
