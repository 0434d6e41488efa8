"""The search page keeps its facets and hits drawn for every reader who may see the same rooms (search/caching.py):
drawn once, never shown to a reader with other rooms, and drawn anew at once by an edit, a hide, a move, a renamed
tag or room, and when an event shown as coming has been held."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.translation import gettext, override

from taggit.models import Tag

from accounts import roles
from forum import moderation
from forum.models import Category
from search import caching, presentation
from tests.factories import UserFactory, start_thread
from tests.factories.events import make_event

SEARCH = "/sok/"


@pytest.fixture
def drawings(monkeypatch):
    """How many times the page read and drew its hits since the fixture was made."""
    drawn = []
    real = presentation.present

    def counted(rows, *args, **kwargs):
        drawn.append(rows)
        return real(rows, *args, **kwargs)

    monkeypatch.setattr(presentation, "present", counted)
    return drawn


def page(client, person, query, **params):
    client.force_login(person)
    response = client.get(SEARCH, {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def results_of(html):
    """The part of the page the search keeps drawn: the facets and the hits."""
    return html[html.index('<div class="listing search-listing">') :]


def test_readers_who_see_the_same_rooms_share_one_drawing(client, member, make_method, drawings):
    make_method("Samtalsstöd för barn", summary="Samtal med barn om våld i familjen.", tags=["samtal"])
    colleague = UserFactory(roles=[roles.EMPLOYEE])
    first = page(client, member, "samtal")
    assert "Samtalsstöd för barn" in first and len(drawings) == 1
    again = page(client, colleague, "samtal")
    assert len(drawings) == 1 and results_of(again) == results_of(first)
    assert "<mark>" in results_of(again)  # the kept HTML is shown as HTML, not escaped
    page(client, member, "samtal", typ="metod")  # a filter is another question
    assert len(drawings) == 2


def test_a_reader_who_sees_other_rooms_never_gets_their_drawing(client, member, editor):
    room = Category.objects.create(name="Redaktionsrummet", slug="redaktionsrummet")
    room.restricted_to_groups.add(Group.objects.get(name=roles.EDITOR))
    start_thread(title="Hemlig planering av temadagen", category=room, author=editor)
    start_thread(title="Öppen fråga om temadagen")
    assert "Hemlig planering" in page(client, editor, "temadagen")
    seen_by_member = page(client, member, "temadagen")
    assert "Hemlig planering" not in seen_by_member and "Redaktionsrummet" not in seen_by_member
    assert "Öppen fråga om temadagen" in seen_by_member


def test_an_edit_a_hide_and_a_move_show_at_once(client, member, make_method):
    moderator = UserFactory(roles=[roles.EMPLOYEE, roles.MODERATOR])
    method = make_method("Kartläggning i skolan", summary="Skolan kartlägger oro för elever.")
    thread = start_thread(title="Kartläggning av oro i skolan", body="Hur kartlägger ni?")
    html = page(client, member, "kartläggning")
    assert "Kartläggning i skolan" in html and "Kartläggning av oro i skolan" in html
    method.title = "Kartläggning i grundskolan"
    method.save_revision().publish()
    assert "Kartläggning i grundskolan" in page(client, member, "kartläggning")
    room = Category.objects.create(name="Redaktionsrummet", slug="redaktionsrummet")
    room.restricted_to_groups.add(Group.objects.get(name=roles.EDITOR))
    moderation.move_thread(thread, by=moderator, category=room, reason="Hör hemma hos redaktionen")
    assert "Kartläggning av oro i skolan" not in page(client, member, "kartläggning")
    moderation.hide_thread(thread, by=moderator, reason="Prov")
    assert "Kartläggning av oro i skolan" not in page(client, UserFactory(roles=[roles.EDITOR]), "kartläggning")


def test_a_renamed_room_and_a_renamed_tag_show_at_once(client, member, make_method):
    make_method("Stödgrupp för unga", summary="En grupp för unga som upplevt våld.", tags=["stödgrupp"])
    thread = start_thread(title="Stödgrupp i höst?", body="Vem startar en stödgrupp?")
    assert thread.category.name in page(client, member, "stödgrupp")
    thread.category.name = "Frågor om grupper"
    thread.category.save()
    assert "Frågor om grupper" in page(client, member, "stödgrupp")
    tag = Tag.objects.get(name="stödgrupp")
    tag.name = "stödgrupper för unga"
    tag.save()
    assert "stödgrupper för unga" in results_of(page(client, member, "stödgrupp"))


def test_an_event_shown_as_coming_is_drawn_anew_once_it_has_been_held(client, member, monkeypatch):
    event = make_event("Workshop om trygga samtal", summary="Vi övar samtal med barn.")
    with override("sv"):
        held = gettext("Already held")
    assert held not in results_of(page(client, member, "workshop"))

    class Later:
        @staticmethod
        def now():
            return event.ends_at + timedelta(minutes=1)

    monkeypatch.setattr(caching, "timezone", Later)
    monkeypatch.setattr(presentation, "timezone", Later)
    assert held in results_of(page(client, member, "workshop"))
    assert timezone.now() < event.ends_at  # only the search was told the time has come
