"""The forum's views under odd input: numbers that are not ASCII, throttles and methods a form never sends."""

import uuid

import pytest

from django.urls import reverse

from forum.models import ModerationAction, Post
from forum.views import notifications, posts, threads
from tests.factories import start_thread

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("number", ["²", "①", "٣", "1" * 30, "-1"])
def test_a_quote_parameter_that_is_no_ascii_number_shows_the_empty_reply_form(member_client, member, number):
    thread = start_thread(member)
    response = member_client.get(reverse("forum:reply", args=[thread.pk]), {"citera": number})
    assert response.status_code == 200
    assert "body" not in response.context["form"].initial


def test_a_reply_whose_quoted_field_holds_superscripts_is_saved_without_quotes(member_client, member):
    thread = start_thread(member)
    response = member_client.post(
        reverse("forum:reply", args=[thread.pk]),
        {"body": "Håller med.", "quoted": "²,①", "submission_key": str(uuid.uuid4())},
    )
    assert response.status_code == 302
    assert not Post.objects.get(number=2).quotes.exists()


@pytest.mark.parametrize("name", ["page", "p"])
@pytest.mark.parametrize("number", ["²", "①", "9" * 40])
def test_page_numbers_that_are_no_ascii_number_show_a_page(member_client, moderator, client, member, name, number):
    thread = start_thread(member)
    if name == "page":
        for url in [reverse("forum:index"), thread.get_absolute_url(), reverse("forum:notifications")]:
            assert member_client.get(url, {name: number}).status_code == 200
    else:
        client.force_login(moderator)
        for url in ["forum_admin:queue", "forum_admin:hidden", "forum_admin:log", "forum_admin:solved"]:
            assert client.get(reverse(url), {name: number}).status_code in (200, 403)
        assert client.get(reverse("forum_admin:thread", args=[thread.pk]), {name: number}).status_code == 200


def test_too_many_edits_give_a_swedish_message_and_keep_the_text(member_client, member, settings):
    settings.FORUM_EDITS_PER_MINUTE = 1
    post = start_thread(member).posts.get()
    url = reverse("forum:edit_post", args=[post.pk])
    title = post.thread.title
    assert member_client.post(url, {"title": title, "body": "Första ändringen", "version": 1}).status_code == 302
    response = member_client.post(url, {"title": title, "body": "Andra ändringen", "version": 2})
    assert response.status_code == 200
    assert "1 ändringar den senaste minuten" in response.content.decode()
    assert "Andra ändringen" in response.content.decode()


def test_too_many_reports_give_a_swedish_message(member_client, colleague, settings):
    settings.FORUM_REPORTS_PER_HOUR = 1
    first, second = (start_thread(colleague, title=f"Tråd nummer {n}").posts.get() for n in (1, 2))
    assert member_client.post(reverse("forum:report_post", args=[first.pk]), {"reason": "other"}).status_code == 302
    response = member_client.post(reverse("forum:report_post", args=[second.pk]), {"reason": "other"})
    assert response.status_code == 200
    assert "1 anmälningar den senaste timmen" in response.content.decode()
    assert not second.reports.exists()


def test_a_report_explanation_with_an_identity_number_is_refused(member_client, colleague):
    post = start_thread(colleague).posts.get()
    response = member_client.post(
        reverse("forum:report_post", args=[post.pk]), {"reason": "personal_data", "explanation": "19850709-9805"}
    )
    assert response.status_code == 200
    assert not post.reports.exists()


@pytest.mark.parametrize(
    ("view", "args"),
    [
        (posts.reply, [1]),
        (posts.edit_post, [1]),
        (posts.report_post, [1]),
        (notifications.centre, []),
        (notifications.open_notification, [1]),
        (threads.index, []),
        (threads.thread, [1]),
        (threads.first_unread, [1]),
        (threads.new_thread, []),
    ],
)
def test_forum_views_answer_405_to_methods_no_form_sends(rf, member, view, args):
    # Called directly, past the site-wide middleware: each view says itself which methods it takes.
    request = rf.generic("PUT", "/")
    request.user = member
    assert view(request, *args).status_code == 405


@pytest.mark.parametrize(
    ("reason", "masked"), [("Gäller 19850709-9805", "19850709-****"), ("Ring 070-123 45 67", "070-*** ** 67")]
)
def test_a_moderation_reason_with_personal_data_hides_nothing_and_logs_nothing(
    client, moderator, member, reason, masked
):
    post = start_thread(member).posts.get()
    client.force_login(moderator)
    url = reverse("forum_admin:post", args=[post.pk])
    response = client.post(url, {"action": "hide", "hide-reason": reason})
    assert response.status_code == 200
    assert masked in response.content.decode()
    post.thread.refresh_from_db()
    assert not post.thread.is_hidden
    assert not ModerationAction.objects.exists()
