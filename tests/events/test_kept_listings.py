"""The lists of events other pages show, kept in the cache (events/caching.py): a publication, a registration, a
view restriction and the end of an event show at once, and readers of different sight never share a list."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import PageViewRestriction

from accounts import roles
from events import services
from tests.factories import UserFactory
from tests.factories.events import make_event

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_start_page_s_events_show_a_publication_a_registration_and_an_unpublication_at_once(
    member_client, sections
):
    event = make_event("Föreläsning om heder", capacity=2)
    assert "2 platser kvar" in html_of(member_client, "/")

    services.register(event, UserFactory())
    assert "1 plats kvar" in html_of(member_client, "/")
    services.register(event, UserFactory())
    assert "Fullt – reservlista" in html_of(member_client, "/")

    make_event("Nätverksträff i Sigtuna")
    assert "Nätverksträff i Sigtuna" in html_of(member_client, "/")

    event.unpublish()
    assert "Föreläsning om heder" not in html_of(member_client, "/")


def test_an_event_leaves_the_kept_lists_when_it_ends(member_client, make_method, monkeypatch):
    method = make_method("Trygga samtal")
    ends = timezone.now() + timedelta(minutes=2)  # soon after: the reader's session is still open then
    make_event("Workshop i kväll", methods=[method], starts_at=ends - timedelta(hours=2), ends_at=ends)
    assert "Workshop i kväll" in html_of(member_client, "/")
    assert "Workshop i kväll" in html_of(member_client, method.url)

    later = ends + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Workshop i kväll" not in html_of(member_client, "/")
    assert "Workshop i kväll" not in html_of(member_client, method.url)


def test_a_restricted_event_is_kept_apart_for_those_who_may_see_it(client, member, editor, make_method):
    method = make_method("Trygga samtal")
    event = make_event("Workshop för redaktörer", methods=[method])
    client.force_login(member)
    assert "Workshop för redaktörer" in html_of(client, "/")
    assert "Workshop för redaktörer" in html_of(client, method.url)

    restriction = PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.EDITOR))
    assert "Workshop för redaktörer" not in html_of(client, "/")
    assert "Workshop för redaktörer" not in html_of(client, method.url)

    client.force_login(editor)
    assert "Workshop för redaktörer" in html_of(client, "/")
    assert "Workshop för redaktörer" in html_of(client, method.url)
    client.force_login(member)  # what the editor saw is never kept for the member
    assert "Workshop för redaktörer" not in html_of(client, "/")
    assert "Workshop för redaktörer" not in html_of(client, method.url)


def test_a_method_page_s_events_show_a_new_one_and_a_rename_at_once(member_client, make_method):
    method = make_method("Trygga samtal")
    assert "Kommande:" not in html_of(member_client, method.url)
    event = make_event("Workshop om trygga samtal", methods=[method])
    assert "Workshop om trygga samtal</a>" in html_of(member_client, method.url)
    event.title = "Workshop om samtal"
    event.save_revision().publish()
    assert "Workshop om samtal</a>" in html_of(member_client, method.url)
