"""What a question found is kept under the index's version: asked again it reads no index, and every write that
changes what the index holds (a new post, an edit, a hide, a move, a new or unpublished page) shows at once."""

import pytest

from django.contrib.auth.models import Group

from accounts import roles
from forum import moderation, services
from forum.models import Category
from search import engine
from search.engine import search
from tests.factories import UserFactory, start_thread


def titles(results):
    return [hit.title for hit in results.hits]


@pytest.fixture
def index_reads(monkeypatch):
    """How many times the search read the index (ran its statement) since the fixture was made."""
    reads = []
    real = engine._read

    def counted(statement):
        reads.append(statement)
        return real(statement)

    monkeypatch.setattr(engine, "_read", counted)
    return reads


@pytest.fixture
def moderator(db):
    return UserFactory(roles=[roles.EMPLOYEE, roles.MODERATOR])


def test_a_question_asked_again_reads_no_index_and_finds_the_same(member, make_method, index_reads):
    make_method("Stödsamtal för barn", summary="Samtal med barn som upplevt våld.")
    first = search(member, "samtal barn")
    read = len(index_reads)  # with less than a page, hits holding some of the words are asked for too
    assert titles(first) == ["Stödsamtal för barn"] and read
    again = search(UserFactory(roles=[roles.EMPLOYEE]), "samtal barn")  # another reader who sees the same rooms
    assert len(index_reads) == read
    assert titles(again) == titles(first) and again.count == first.count and again.facets == first.facets
    search(member, "samtal barn", page=2)  # another page is another statement
    assert len(index_reads) > read


def test_a_new_post_an_edit_and_a_hide_show_at_once(member, moderator):
    thread = start_thread(title="Fråga om stödgrupper", body="Vilka stödgrupper finns för tonåringar?")
    assert titles(search(member, "tonåringar")) == ["Fråga om stödgrupper"]
    reply = services.reply(thread, author=UserFactory(), body="Vi har en stödgrupp för tonåringar i Järfälla.")
    assert search(member, "tonåringar").count == 2  # the new reply is found at once
    services.edit_post(reply, by=reply.author, body="Vi har en stödgrupp för unga i Järfälla.", version=reply.version)
    assert search(member, "tonåringar").count == 1  # its old words no longer find it
    moderation.hide_thread(thread, by=moderator, reason="Prov")
    assert search(member, "tonåringar").count == 0


def test_a_move_to_a_closed_room_hides_a_thread_at_once_from_those_outside_it(member, moderator):
    thread = start_thread(title="Planering av kampanjmånaden", body="Förslag på aktiviteter under kampanjmånaden.")
    assert search(member, "kampanjmånaden").count == 1
    room = Category.objects.create(name="Redaktionens rum", slug="redaktionens-rum")
    room.restricted_to_groups.add(Group.objects.get(name=roles.EDITOR))
    moderation.move_thread(thread, by=moderator, category=room, reason="Hör hemma hos redaktionen")
    assert search(member, "kampanjmånaden").count == 0
    assert search(UserFactory(roles=[roles.EDITOR]), "kampanjmånaden").count == 1


def test_readers_who_see_other_rooms_never_share_what_was_kept(member, index_reads):
    room = Category.objects.create(name="Redaktionens rum", slug="redaktionens-rum")
    room.restricted_to_groups.add(Group.objects.get(name=roles.EDITOR))
    editor = UserFactory(roles=[roles.EDITOR])
    start_thread(title="Hemlig planering av temadag", category=room, author=editor)
    start_thread(title="Öppen temadag om hedersförtryck")
    assert search(editor, "temadag").count == 2
    read_by_editor = len(index_reads)
    assert titles(search(member, "temadag")) == ["Öppen temadag om hedersförtryck"]
    assert len(index_reads) > read_by_editor  # the member's rooms make another statement
    read = len(index_reads)
    assert search(editor, "temadag").count == 2 and search(member, "temadag").count == 1
    assert len(index_reads) == read  # each kept apart, and read once


def test_an_unpublished_page_leaves_at_once(member, make_method):
    page = make_method("Kartläggning i förskolan", summary="Hur förskolan kartlägger oro.")
    assert titles(search(member, "förskolan")) == ["Kartläggning i förskolan"]
    page.unpublish()
    assert search(member, "förskolan").count == 0
