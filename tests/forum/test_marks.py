"""A reader's marks read in one query (forum/models/marks.py), and the rules the forum's kept pages ask in Python:
each holds to the queryset rule it stands for, case by case."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.utils import timezone

from accounts import roles
from accounts.models import Municipality
from forum import moderation, services
from forum.models import Category, ForumMember, Thread
from forum.models.marks import list_marks_of, marks_of
from tests.factories import add_replies, forum_category, start_thread

pytestmark = pytest.mark.django_db


def unread_in_python(thread, person):
    marks = list_marks_of(person, [thread.pk])
    fresh = Thread.objects.get(pk=thread.pk)
    unread = marks.is_unread(
        thread.pk, last_post_number=fresh.last_post_number, last_activity_at=fresh.last_activity_at
    )
    return unread, marks.last_read_number(thread.pk)


def unread_in_the_database(thread, person):
    return Thread.objects.with_reading_state(person).values_list("is_unread", "last_read_number").get(pk=thread.pk)


def test_whether_a_thread_is_unread_is_the_same_in_python_as_in_the_queryset(member, colleague, moderator, settings):
    settings.FORUM_POSTS_PER_MINUTE = 10_000
    thread = start_thread(colleague)
    add_replies(thread, 3, author=colleague)
    cases = []

    def check(case, expected):
        for person in (member, moderator):
            assert unread_in_python(thread, person) == unread_in_the_database(thread, person), (case, person)
        assert unread_in_the_database(thread, member)[0] is expected, case
        cases.append(case)

    check("never read", True)
    services.mark_read(thread, member, 2)
    check("read some", True)
    services.mark_read(thread, member, 4)
    check("read all", False)
    hidden = services.reply(thread, author=colleague, body="Klienten heter Sven.")
    moderation.hide_post(hidden, by=moderator, reason="Namn på en klient")
    check("a hidden post after the last read", True)
    services.mark_read(thread, moderator, 5)
    services.mark_read(thread, member, 5)
    check("read all, the hidden post too", False)

    services.mark_read(thread, member, 2)  # never backwards
    check("an older page read again", False)
    services.reply(thread, author=colleague, body="Ett svar till.")
    ForumMember.objects.update_or_create(user=member, defaults={"all_read_at": timezone.now() + timedelta(minutes=1)})
    check("everything marked read after the last post", False)
    ForumMember.objects.filter(user=member).update(all_read_at=timezone.now() - timedelta(days=1))
    check("everything marked read before the last post", True)
    assert len(cases) == 8


def test_the_marks_of_a_thread_are_the_readers_own(member, colleague, moderator):
    thread = start_thread(member)  # the member follows their thread
    reply = services.reply(thread, author=colleague, body="Ett svar.")
    other = services.reply(thread, author=moderator, body="Ett svar till.")
    services.mark_helpful(reply, by=member)
    services.set_bookmarked(colleague, saved=True, thread=thread)
    services.mark_read(thread, colleague, 2)
    posts = [reply.pk, other.pk]

    of_member = marks_of(member, thread.pk, post_ids=posts)
    assert (of_member.following, of_member.helpful, of_member.last_read_number(thread.pk)) == (True, {reply.pk}, 1)
    of_colleague = marks_of(colleague, thread.pk, post_ids=posts)
    assert of_colleague.following is True  # replying follows the thread
    assert of_colleague.saved is True and of_member.saved is False
    assert of_colleague.helpful == set()
    assert of_colleague.last_read_number(thread.pk) == 2
    of_moderator = marks_of(moderator, thread.pk)
    assert of_moderator.saved is False and of_moderator.helpful == set()


def test_a_list_asks_whether_the_reader_follows_the_category_or_tag_listed(member, colleague):
    room = forum_category()
    services.set_following(member, follow=True, category=room)
    assert list_marks_of(member, [], followed=("category", room.pk)).following is True
    assert list_marks_of(colleague, [], followed=("category", room.pk)).following is False
    services.set_following(member, follow=False, category=room)
    assert list_marks_of(member, [], followed=("category", room.pk)).following is False


def test_whether_a_thread_may_be_seen_is_the_same_in_python_as_in_the_queryset(people, moderator):
    open_room = forum_category()
    closed_room = Category.objects.create(name="Rummet", slug="rummet")
    closed_room.restricted_to_groups.add(Group.objects.get(name=roles.EDITOR))
    closed_room.restricted_to_municipalities.add(Municipality.objects.get(slug="sigtuna"))
    threads = []
    for room in (open_room, closed_room):
        shown = start_thread(moderator, category=room, title=f"Synlig i {room.slug}")
        hidden = start_thread(moderator, category=room, title=f"Dold i {room.slug}")
        moderation.hide_thread(hidden, by=moderator, reason="Fel forum")
        threads += [Thread.objects.get(pk=shown.pk), Thread.objects.get(pk=hidden.pk)]

    for name, person in people.items():
        in_database = set(Thread.objects.visible_to(person).filter(pk__in=[t.pk for t in threads]))
        in_memory = {thread for thread in threads if thread.is_visible_to(person)}
        assert in_database == in_memory, name
    assert len({t for t in threads if t.is_visible_to(people["editor_sigtuna"])}) == 2
    assert len({t for t in threads if t.is_visible_to(people["moderator"])}) == 4
