"""What forum pages keep in the cache (forum/caching.py): every write shows at once, and no reader ever sees
another's bits or what only moderators may see."""

import re

import pytest

from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import PageViewRestriction

from accounts import roles
from accounts.models import Municipality
from forum import moderation, notifications, services
from forum.models import Notification
from tests.conftest import queries_for
from tests.factories import add_replies, forum_category, start_thread

pytestmark = pytest.mark.django_db


def english_client(person):
    client = Client()
    client.force_login(person)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def edit_link(post):
    return f'href="/forum/inlagg/{post.pk}/redigera/"'


def test_each_write_shows_at_once_on_the_kept_thread_page_and_list(member, colleague, moderator):
    reader = english_client(member)
    thread = start_thread(colleague, title="Tolk vid samtal", body="Hur bokar ni tolk?")
    answer = services.reply(thread, author=colleague, body="Vi ringer tolkcentralen.")
    room = forum_category()
    page, listing = thread.get_absolute_url(), f"/forum/?kategori={room.slug}"
    assert "Vi ringer tolkcentralen." in html(reader, page)
    assert "Tolk vid samtal" in html(reader, listing)

    services.edit_post(answer, by=colleague, body="Vi bokar i appen.", version=answer.version)
    assert "Vi bokar i appen." in html(reader, page)

    services.mark_helpful(answer, by=moderator)
    assert '<span class="post__count">(1)</span>' in html(reader, page)

    services.reply(thread, author=moderator, body="Appen fungerar bra.")
    assert "Appen fungerar bra." in html(reader, page)
    assert "2 replies" in html(reader, listing)

    services.edit_post(thread.posts.get(number=1), by=colleague, body="Hur bokar ni?", version=1, title="Tolkar")
    assert ">Tolkar</h1>" in html(reader, page)
    assert ">Tolkar</a>" in html(reader, listing)

    moderation.hide_post(answer, by=moderator, reason="Fel tråd")
    shown = html(reader, page)
    assert "Vi bokar i appen." not in shown
    assert "This post has been hidden by a moderator." in shown
    assert "1 reply" in html(reader, listing)

    other_room = forum_category("samverkan")
    moderation.move_thread(thread, by=moderator, category=other_room, reason="Passar bättre här")
    assert f"?kategori={other_room.slug}" in html(reader, page)
    assert ">Tolkar</a>" not in html(reader, listing)
    assert ">Tolkar</a>" in html(reader, f"/forum/?kategori={other_room.slug}")

    # A category closed to the reader's municipality: the list no longer names the thread, the page refuses.
    other_room.restricted_to_municipalities.add(Municipality.objects.get(slug="jarfalla"))
    assert ">Tolkar</a>" not in html(reader, "/forum/")
    assert reader.get(page).status_code == 403


def test_a_kept_page_shows_each_reader_only_their_own_bits(member, colleague, moderator):
    thread = start_thread(member, title="Tolk vid samtal", body="Hur bokar ni tolk?")
    opening = thread.posts.get(number=1)
    reply = services.reply(thread, author=colleague, body="Vi ringer tolkcentralen.")
    hidden = services.reply(thread, author=colleague, body="Klienten heter Sven.")
    moderation.hide_post(hidden, by=moderator, reason="Namn på en klient")
    services.mark_helpful(reply, by=member)
    page = thread.get_absolute_url()

    # Each in turn, all from what the first one left in the cache.
    as_member = html(english_client(member), page)
    assert edit_link(opening) in as_member and edit_link(reply) not in as_member
    assert 'aria-pressed="true"' in as_member  # the member marked the reply helpful
    assert "Mark as the answer" in as_member  # the thread is the member's
    assert "Namn på en klient" not in as_member and "Klienten heter Sven." not in as_member
    assert "History and moderation" not in as_member

    as_colleague = html(english_client(colleague), page)
    assert edit_link(reply) in as_colleague and edit_link(opening) not in as_colleague
    assert 'aria-pressed="true"' not in as_colleague
    assert "Mark as the answer" not in as_colleague
    assert "A moderator has hidden your post. The reason: Namn på en klient" in as_colleague
    assert "Klienten heter Sven." not in as_colleague
    assert as_member.count('class="badge badge--new"') == 2  # the colleague's two replies
    assert as_colleague.count('class="badge badge--new"') == 0  # they wrote both after reading the opening post

    as_moderator = html(english_client(moderator), page)
    assert "Hidden by a moderator: Namn på en klient" in as_moderator
    assert "Klienten heter Sven." in as_moderator
    assert edit_link(opening) in as_moderator and edit_link(reply) in as_moderator

    again = html(english_client(member), page)
    assert "Klienten heter Sven." not in again and "History and moderation" not in again
    assert edit_link(reply) not in again

    # The writing form, kept too: each reader's own draft, and a new submission key for every form shown.
    assert f'data-draft-key="kf-draft:{member.pk}:svar-{thread.pk}"' in again
    assert f'data-draft-key="kf-draft:{colleague.pk}:svar-{thread.pk}"' in as_colleague
    assert submission_key(again) != submission_key(as_member)


def submission_key(page):
    return re.search(r'name="submission_key" value="([0-9a-f-]{36})"', page)[1]


def test_a_kept_thread_page_and_list_run_few_queries(member_client, member, colleague, settings):
    settings.FORUM_POSTS_PER_MINUTE = 10_000
    thread = start_thread(colleague)
    add_replies(thread, 25)
    # Each: the session and the person (their roles, the page frame, the thread and who may see its category are
    # kept), and the reader's marks in one query: on the thread page how far they read, whether they follow and saved
    # it, and their helpful marks; on the list how far they read each thread and whether they follow the category.
    assert queries_for(member_client, thread.get_absolute_url() + "?page=2") <= 3
    assert queries_for(member_client, "/forum/?kategori=barn-och-unga") <= 3


def test_the_headers_count_is_right_at_once(member, colleague, moderator):
    reader = english_client(member)
    thread = start_thread(member)  # the member follows their thread

    def count():
        page = html(reader, "/forum/")
        if "notifications-link__count" not in page:
            return 0
        return int(page.split('notifications-link__count" aria-hidden="true">')[1].split("<")[0])

    assert count() == 0
    reply = services.reply(thread, author=colleague, body="Ett svar.")
    assert count() == 1
    moderation.hide_post(reply, by=moderator, reason="Fel tråd")
    assert count() == 0
    moderation.restore_post(reply, by=moderator, reason="Rätt tråd ändå")
    assert count() == 1
    reader.get(f"/forum/notiser/{Notification.objects.get(recipient=member, kind='reply').pk}/")
    assert count() == 0
    services.reply(thread, author=colleague, body="Ett svar till.")
    assert count() == 1
    notifications.mark_all_read(member)
    assert count() == 0


def test_the_kept_thread_and_the_categories_kept_per_process_show_each_write_at_once(member, colleague, moderator):
    """The thread's row (title, category, answer, hidden, locked) and who may see its category are kept per process
    (forum/views/threads.py `kept_thread`, forum/models/categories.py `category_limits`)."""
    reader = english_client(member)
    thread = start_thread(colleague, title="Tolk vid samtal", body="Hur bokar ni tolk?")
    answer = services.reply(thread, author=moderator, body="Vi ringer tolkcentralen.")
    page = thread.get_absolute_url()
    assert "<title>Tolk vid samtal" in html(reader, page)

    services.edit_post(thread.posts.get(number=1), by=colleague, body="Hur bokar ni?", version=1, title="Tolkar")
    assert "<title>Tolkar" in html(reader, page)

    services.accept_answer(answer, by=colleague)
    assert "Solved: the answer is post 2" in html(reader, page)

    room = forum_category()
    room.name_en = "Children and young people, renamed"
    room.save()
    assert "Children and young people, renamed" in html(reader, page)

    moderation.lock_thread(thread, by=moderator, reason="Klart")
    assert "The thread is locked by a moderator" in html(reader, page)

    other_room = forum_category("samverkan")
    moderation.move_thread(thread, by=moderator, category=other_room, reason="Passar bättre här")
    assert f"?kategori={other_room.slug}" in html(reader, page)

    other_room.restricted_to_groups.add(Group.objects.get(name=roles.EDITOR))
    assert reader.get(page).status_code == 403
    assert html(english_client(moderator), page)
    other_room.restricted_to_groups.clear()
    assert reader.get(page).status_code == 200

    moderation.hide_thread(thread, by=moderator, reason="Fel forum")
    assert reader.get(page).status_code == 404
    assert "Hidden" in html(english_client(moderator), page)
    assert reader.get(f"/forum/trad/{thread.pk}/olast/").status_code == 404


def test_the_kept_pages_a_thread_links_to_show_each_change_at_once_and_only_to_whom_may_see_them(
    member, editor, make_method
):
    method = make_method("Trappan")
    thread = start_thread(member, title="Hur många samtal?", knowledge_page=method)
    as_member, as_editor = english_client(member), english_client(editor)
    page = thread.get_absolute_url()
    assert "Discusses:" in html(as_member, page) and ">Trappan</a>" in html(as_member, page)

    method.title = "Trappan, ny upplaga"
    method.save_revision().publish()
    assert ">Trappan, ny upplaga</a>" in html(as_member, page)

    restriction = PageViewRestriction.objects.create(page=method, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.EDITOR))
    assert "Discusses:" not in html(as_member, page)
    assert ">Trappan, ny upplaga</a>" in html(as_editor, page)
    assert "Discusses:" not in html(as_member, page)  # each reader asked anew of what was kept

    restriction.delete()
    method.unpublish()
    assert "Discusses:" not in html(as_editor, page)


def test_a_kept_thread_page_shows_each_reader_their_own_marks(member, colleague):
    thread = start_thread(colleague, title="Tolk vid samtal", body="Hur bokar ni tolk?")
    add_replies(thread, 2, author=colleague)
    services.set_bookmarked(member, saved=True, thread=thread)
    page = thread.get_absolute_url()

    as_colleague = html(english_client(colleague), page)  # they follow their own thread and have read it all
    as_member = html(english_client(member), page)
    assert as_member.count('class="badge badge--new"') == 3 and as_colleague.count('class="badge badge--new"') == 0
    assert "Jump to the first unread post" not in as_colleague and "Jump to the first unread post" in as_member
    assert html(english_client(member), page).count('class="badge badge--new"') == 0  # read now
    assert 'name="save" value="0"' in as_member and 'name="save" value="0"' not in as_colleague
    assert 'name="follow" value="0"' in as_colleague and 'name="follow" value="0"' not in as_member


@pytest.mark.parametrize("narrowed", ["kategori=samverkan", "tagg=tolk"])
def test_the_kept_list_shows_each_reader_whether_they_follow_what_it_is_narrowed_to(member, colleague, narrowed):
    thread = start_thread(member, title="Tolk vid samtal", category=forum_category("samverkan"), tags=["Tolk"])
    services.set_following(colleague, follow=True, category=thread.category)
    services.set_following(colleague, follow=True, tag=thread.tags.get())
    page = f"/forum/?{narrowed}"
    as_member = html(english_client(member), page)  # drawn now, kept for the colleague
    as_colleague = html(english_client(colleague), page)
    assert 'name="follow" value="1"' in as_member and 'name="follow" value="0"' not in as_member
    assert 'name="follow" value="0"' in as_colleague and 'name="follow" value="1"' not in as_colleague
    token = re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', as_colleague.split('class="forum-scope"')[1])
    assert token is not None
    # Every form's token filled in, "Mark all as read" too: a real token, never a mark.
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]*)"', as_colleague.split("<main")[1])
    assert len(tokens) == 2 and all(re.fullmatch(r"[A-Za-z0-9]{64}", value) for value in tokens)
