import uuid

import pytest

from django.utils import translation

from wagtail.search.backends import get_search_backend

from forum import permissions, services
from forum.models import Category, ModerationAction, Notification, Post, PostRevision, Subscription, Thread
from tests.factories import UserFactory, add_replies, forum_category, start_thread

pytestmark = pytest.mark.django_db


def test_starting_a_thread_stores_rendered_html_and_follows_it(member):
    thread = start_thread(member, body="**Viktigt**: <script>alert(1)</script>", tags=["Våld", "våld ", "Skola"])

    post = thread.posts.get()
    assert post.body_html.startswith("<p><strong>Viktigt</strong>")
    assert "<script>" not in post.body_html
    assert sorted(thread.tags.names()) == ["Skola", "Våld"]
    assert thread.post_count == 1 and thread.last_post_number == 1
    assert Subscription.objects.filter(user=member, thread=thread, is_active=True).exists()


def test_a_thread_keeps_at_most_five_tags(member):
    thread = start_thread(member, tags=["a", "b", "c", "d", "e", "f"])
    assert len(thread.tags.names()) == 5


def test_the_same_form_sent_twice_makes_one_post(member):
    key = uuid.uuid4()
    first = start_thread(member, submission_key=key)
    second = start_thread(member, submission_key=key)
    assert first == second
    reply_key = uuid.uuid4()
    services.reply(first, author=member, body="Tack!", submission_key=reply_key)
    services.reply(first, author=member, body="Tack!", submission_key=reply_key)
    assert first.posts.count() == 2


def test_too_many_posts_in_a_minute_are_refused(member, settings):
    settings.FORUM_POSTS_PER_MINUTE = 2
    thread = start_thread(member)
    services.reply(thread, author=member, body="Ett till")
    with pytest.raises(permissions.TooManyPosts):
        services.reply(thread, author=member, body="Och ett till")
    assert thread.posts.count() == 2


def test_replies_are_numbered_and_notify_followers(member, colleague):
    thread = start_thread(member)
    (reply,) = add_replies(thread, 1, author=colleague)

    assert reply.number == 2
    thread.refresh_from_db()
    assert thread.post_count == 2 and thread.last_poster == colleague
    assert Notification.objects.get(recipient=member).kind == "reply"
    assert not Notification.objects.filter(recipient=colleague).exists()


def test_a_mention_notifies_the_person_once(member, colleague):
    thread = start_thread(member)
    handle = colleague.email.split("@")[0]
    services.reply(thread, author=UserFactory(), body=f"@{handle} vet du? @{handle}")
    assert Notification.objects.filter(recipient=colleague, kind="mention").count() == 1


def test_restricted_categories_notify_only_those_who_may_see_them(member, colleague):
    secret = Category.objects.create(name="Sigtunas rum", slug="sigtunas-rum")
    secret.restricted_to_municipalities.add(member.municipality)
    thread = start_thread(member, category=secret)
    services.reply(thread, author=member, body=f"@{colleague.email} titta här")

    assert not Notification.objects.filter(recipient=colleague).exists()
    assert not Thread.objects.visible_to(colleague).filter(pk=thread.pk).exists()
    assert Thread.objects.visible_to(member).filter(pk=thread.pk).exists()


def test_editing_keeps_every_version_and_refuses_a_stale_save(member):
    thread = start_thread(member, body="Första versionen")
    post = thread.posts.get()
    services.edit_post(post, by=member, body="Andra versionen", version=1)

    with pytest.raises(permissions.EditConflict):
        services.edit_post(post, by=member, body="Skriver över", version=1)

    post.refresh_from_db()
    assert post.body == "Andra versionen" and post.is_edited
    assert list(PostRevision.objects.filter(post=post).values_list("body", flat=True)) == [
        "Första versionen",
        "Andra versionen",
    ]


def test_only_the_author_or_a_moderator_marks_the_answer(member, colleague, moderator):
    thread = start_thread(member)
    (reply,) = add_replies(thread, 1, author=colleague)
    with pytest.raises(permissions.NotAllowed):
        services.accept_answer(reply, by=colleague)
    services.accept_answer(reply, by=member)
    assert Thread.objects.solved().filter(pk=thread.pk).exists()
    assert Notification.objects.filter(recipient=colleague, kind="answer").exists()


def test_helpful_counts_once_per_person_and_not_for_oneself(member, colleague):
    thread = start_thread(member)
    post = thread.posts.get()
    assert not services.mark_helpful(post, by=member)
    assert services.mark_helpful(post, by=colleague)
    assert not services.mark_helpful(post, by=colleague)
    assert Post.objects.get(pk=post.pk).helpful_count == 1
    services.unmark_helpful(post, by=colleague)
    assert Post.objects.get(pk=post.pk).helpful_count == 0


def test_a_locked_thread_takes_no_replies_except_from_moderators(member, moderator):
    thread = start_thread(member)
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)
    thread.refresh_from_db()
    with pytest.raises(permissions.NotAllowed):
        services.reply(thread, author=member, body="Hej")
    services.reply(thread, author=moderator, body="Tråden är låst.")


def test_reading_state_marks_threads_with_news(member, colleague):
    thread = start_thread(member)
    add_replies(thread, 2, author=colleague)
    state = Thread.objects.with_reading_state(member).get(pk=thread.pk)
    assert state.is_unread and state.last_read_number == 1
    services.mark_read(thread, member, 3)
    assert not Thread.objects.with_reading_state(member).get(pk=thread.pk).is_unread
    add_replies(thread, 1, author=colleague)
    assert Thread.objects.with_reading_state(member).get(pk=thread.pk).is_unread
    services.mark_all_read(member)
    assert not Thread.objects.with_reading_state(member).get(pk=thread.pk).is_unread


def test_following_a_tag_notifies_of_new_threads_with_it(member, colleague):
    thread = start_thread(member, tags=["Hedersförtryck"])
    services.set_following(colleague, follow=True, tag=thread.tags.get())
    start_thread(member, title="Ny tråd", tags=["hedersförtryck"], category=forum_category("hedersrelaterat-vald"))
    assert Notification.objects.filter(recipient=colleague, kind="tag").count() == 1


def test_a_new_title_reaches_the_search_index(member):
    thread = start_thread(member, title="Samtalsgrupper för tonåringar")
    services.edit_post(thread.posts.get(), by=member, body="Samma text", version=1, title="Stödgrupper för tonåringar")
    found = get_search_backend().search("Stödgrupper", Thread)
    assert [result.pk for result in found] == [thread.pk]


def test_edited_posts_and_new_tags_reach_the_search_index(member):
    backend = get_search_backend()
    thread = start_thread(member, body="Första texten", tags=["Fritidsgårdar"])
    post = thread.posts.get()
    services.edit_post(post, by=member, body="Vi provade stödsamtal i grupp", version=1)
    assert [found.pk for found in backend.search("stödsamtal", Post)] == [post.pk]
    assert [found.pk for found in backend.search("Fritidsgårdar", Thread)] == [thread.pk]


def test_too_many_edits_in_a_minute_are_refused(member, settings):
    settings.FORUM_EDITS_PER_MINUTE = 2
    post = start_thread(member).posts.get()
    for number in range(2):
        post = services.edit_post(post, by=member, body=f"Version {number}", version=post.version)
    with pytest.raises(permissions.TooManyEdits):
        services.edit_post(post, by=member, body="Version 3", version=post.version)
    post.refresh_from_db()
    assert post.body == "Version 1"


def test_writing_posts_does_not_count_as_editing(member, settings):
    settings.FORUM_EDITS_PER_MINUTE = 1
    thread = start_thread(member)
    services.reply(thread, author=member, body="Ett svar")
    post = thread.posts.get(number=1)
    assert services.edit_post(post, by=member, body="Ändrad", version=post.version).body == "Ändrad"


def test_too_many_reports_in_an_hour_are_refused_but_a_repeated_report_is_not_counted(member, colleague, settings):
    settings.FORUM_REPORTS_PER_HOUR = 2
    posts = [start_thread(colleague, title=f"Tråd nummer {number}").posts.get() for number in range(3)]
    first = services.report_post(posts[0], by=member, reason="other")
    services.report_post(posts[1], by=member, reason="other")
    assert services.report_post(posts[0], by=member, reason="other") == first
    with pytest.raises(permissions.TooManyReports):
        services.report_post(posts[2], by=member, reason="other")
    assert not posts[2].reports.exists()


def test_a_moderators_edit_is_logged_in_the_threads_language_whatever_the_moderator_reads(member, moderator):
    post = start_thread(member).posts.get()
    with translation.override("en"):
        services.edit_post(post, by=moderator, body="Rättat av moderator", version=post.version)
    assert ModerationAction.objects.get(action=ModerationAction.Action.EDIT).reason == "Redigerat i tråden"
