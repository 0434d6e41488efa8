import pytest

from wagtail.search.backends import get_search_backend

from forum import moderation, permissions, services
from forum.models import Category, ModerationAction, Post, PostRevision, Report, ReportReason, Thread
from tests.factories import add_replies, forum_category, start_thread

pytestmark = pytest.mark.django_db

Action = ModerationAction.Action


@pytest.fixture
def thread(member):
    thread = start_thread(member, body="Hur gör ni?")
    add_replies(thread, 2)
    thread.refresh_from_db()
    return thread


def post_number(thread, number):
    return thread.posts.get(number=number)


def test_only_moderators_may_moderate(thread, member):
    with pytest.raises(permissions.NotAllowed):
        moderation.lock_thread(thread, by=member, reason="Bråk")
    with pytest.raises(permissions.NotAllowed):
        moderation.hide_post(post_number(thread, 2), by=member, reason="Bråk")
    assert not ModerationAction.objects.exists()


def test_hiding_a_reply_keeps_it_counts_only_visible_posts_and_closes_its_reports(thread, moderator, member):
    reply = post_number(thread, 2)
    report = services.report_post(reply, by=member, reason=ReportReason.OFFENSIVE)
    other = services.report_post(post_number(thread, 3), by=member, reason=ReportReason.OFFENSIVE)

    assert moderation.hide_post(reply, by=moderator, reason="Kränkande ton")

    reply.refresh_from_db()
    thread.refresh_from_db()
    assert reply.is_hidden and reply.hidden_reason == "Kränkande ton"
    assert reply.body == "Svar nummer 1."
    assert thread.post_count == 2
    report.refresh_from_db()
    assert report.handled_by == moderator and report.handled_at
    assert Report.objects.open().get() == other
    action = ModerationAction.objects.get()
    assert (action.moderator, action.action, action.post, action.reason) == (
        moderator,
        Action.HIDE_POST,
        reply,
        "Kränkande ton",
    )
    assert action.details["reports_closed"] == 1


def test_hiding_twice_changes_and_logs_nothing_the_second_time(thread, moderator):
    reply = post_number(thread, 2)
    moderation.hide_post(reply, by=moderator, reason="Ett")
    assert not moderation.hide_post(reply, by=moderator, reason="Två")
    thread.refresh_from_db()
    assert thread.post_count == 2
    assert ModerationAction.objects.count() == 1


def test_restoring_a_reply_brings_it_back_and_its_answer_mark(thread, moderator, member):
    reply = post_number(thread, 2)
    services.accept_answer(reply, by=member)
    moderation.hide_post(reply, by=moderator, reason="Fel")
    thread.refresh_from_db()
    assert thread.answer is None

    assert moderation.restore_post(reply, by=moderator, reason="Ändrade mig")

    reply.refresh_from_db()
    thread.refresh_from_db()
    assert not reply.is_hidden and reply.hidden_reason == ""
    assert thread.post_count == 3
    assert thread.answer == reply
    assert [action.action for action in ModerationAction.objects.all()] == [Action.RESTORE_POST, Action.HIDE_POST]


def test_hiding_the_first_post_hides_the_thread_and_restoring_it_shows_the_thread(thread, moderator, member):
    services.report_post(post_number(thread, 3), by=member, reason=ReportReason.OTHER)

    moderation.hide_post(post_number(thread, 1), by=moderator, reason="Hela tråden är fel")

    thread.refresh_from_db()
    assert thread.is_hidden
    assert not post_number(thread, 1).is_hidden
    assert not Thread.objects.visible_to(member).filter(pk=thread.pk).exists()
    assert Thread.objects.visible_to(moderator).filter(pk=thread.pk).exists()
    assert not Report.objects.open().exists()
    assert ModerationAction.objects.get().action == Action.HIDE_THREAD

    moderation.restore_post(post_number(thread, 1), by=moderator, reason="Tillbaka")
    thread.refresh_from_db()
    assert not thread.is_hidden
    assert thread.post_count == 3


@pytest.mark.parametrize(
    ("verb", "field", "value", "action"),
    [
        ("lock_thread", "is_locked", True, Action.LOCK),
        ("pin_thread", "is_pinned", True, Action.PIN),
        ("hide_thread", "is_hidden", True, Action.HIDE_THREAD),
    ],
)
def test_thread_flags_are_set_logged_and_undone(thread, moderator, verb, field, value, action):
    assert getattr(moderation, verb)(thread, by=moderator, reason="Därför")
    thread.refresh_from_db()
    assert getattr(thread, field) is value
    assert ModerationAction.objects.get().action == action

    undo = {"lock_thread": "unlock_thread", "pin_thread": "unpin_thread", "hide_thread": "restore_thread"}[verb]
    assert getattr(moderation, undo)(thread, by=moderator, reason="Klart")
    thread.refresh_from_db()
    assert getattr(thread, field) is not value
    assert ModerationAction.objects.count() == 2


def test_locking_does_not_overwrite_a_reply_written_meanwhile(thread, moderator):
    stale = Thread.objects.get(pk=thread.pk)
    add_replies(thread, 1)
    moderation.lock_thread(stale, by=moderator, reason="Lugna ner")
    thread.refresh_from_db()
    assert thread.is_locked and thread.post_count == 4


def test_moving_a_thread_logs_both_categories_and_closes_wrong_place_reports(thread, moderator, member):
    wrong_place = services.report_post(post_number(thread, 1), by=member, reason=ReportReason.WRONG_PLACE)
    offensive = services.report_post(post_number(thread, 2), by=member, reason=ReportReason.OFFENSIVE)
    target = forum_category("samverkan")
    source = thread.category

    assert moderation.move_thread(thread, by=moderator, category=target, reason="Handlar om samverkan")

    thread.refresh_from_db()
    assert thread.category == target
    details = ModerationAction.objects.get().details
    assert details["from"] == {"id": source.pk, "name": source.name}
    assert details["to"] == {"id": target.pk, "name": target.name}
    assert list(Report.objects.open()) == [offensive]
    assert wrong_place not in Report.objects.open()
    assert not moderation.move_thread(thread, by=moderator, category=target, reason="Igen")


def test_retagging_tidies_the_tags_and_logs_before_and_after(moderator, member):
    thread = start_thread(member, tags=["Skola"])

    tags = ["heder ", "Skola", "skola", "Förskola"]

    assert moderation.retag_thread(thread, by=moderator, tags=tags, reason="Tydligare")

    assert sorted(thread.tags.names()) == ["Förskola", "Skola", "heder"]
    details = ModerationAction.objects.get().details
    assert details == {"before": ["Skola"], "after": ["Förskola", "heder", "Skola"]}
    assert list(get_search_backend().search("heder", Thread)) == [thread]


def test_retagging_refuses_more_than_five_tags(thread, moderator):
    with pytest.raises(permissions.ForumError):
        moderation.retag_thread(thread, by=moderator, tags=["a", "b", "c", "d", "e", "f"], reason="Många")
    assert not ModerationAction.objects.exists()


def test_dismissing_a_report_closes_it_and_logs_it(thread, moderator, member, colleague):
    post = post_number(thread, 2)
    report = services.report_post(post, by=member, reason=ReportReason.OFFENSIVE)
    services.report_post(post, by=colleague, reason=ReportReason.OTHER)

    assert moderation.dismiss_report(report, by=moderator, reason="Inget fel")
    assert Report.objects.open().count() == 1
    assert moderation.dismiss_reports(post, by=moderator, reason="Inget fel")
    assert not Report.objects.open().exists()
    assert not moderation.dismiss_reports(post, by=moderator, reason="Igen")
    assert [action.action for action in ModerationAction.objects.all()] == [Action.DISMISS_REPORT] * 2


FRAGMENT = "Anna Svensson på Storgatan 5"


@pytest.fixture
def leaked(member, colleague, moderator):
    """A reply naming a person, edited once, quoted by another reply and reported with the name."""
    thread = start_thread(member, title="Orolig för ett barn", body="Vad gör vi?")
    post = services.reply(thread, author=colleague, body=f"Det gäller {FRAGMENT}, hon är orolig.")
    services.edit_post(post, by=colleague, body=f"Det gäller {FRAGMENT}, hon är mycket orolig.", version=1)
    quote = services.reply(thread, author=member, body=f"> Det gäller {FRAGMENT.lower()}\n\nTack.", quoted_posts=[post])
    services.report_post(post, by=member, reason=ReportReason.PERSONAL_DATA, explanation=f"Nämner {FRAGMENT}")
    post.refresh_from_db()
    return post, quote


def texts_anywhere():
    for post in Post.objects.all():
        yield post.body
        yield post.body_html
        yield post.hidden_reason
    for revision in PostRevision.objects.all():
        yield revision.body
        yield revision.title
    yield from Report.objects.values_list("explanation", flat=True)
    for action in ModerationAction.objects.all():
        yield action.reason
        yield str(action.details)


def test_redaction_removes_the_text_from_posts_history_quotes_reports_and_search(leaked, moderator):
    post, quote = leaked
    backend = get_search_backend()
    assert {found.pk for found in backend.search("Storgatan", Post)} == {post.pk, quote.pk}
    assert PostRevision.objects.filter(post=post).count() == 2

    replaced = moderation.redact_post(post, by=moderator, fragment=FRAGMENT, reason="Personuppgifter")

    assert replaced == 6  # the post, its two versions, the quote, its version, the report
    assert not [text for text in texts_anywhere() if "storgatan" in text.lower()]
    post.refresh_from_db()
    assert post.body == "Det gäller [borttaget av moderator], hon är mycket orolig."
    assert "[borttaget av moderator]" in post.body_html
    assert list(backend.search("Storgatan", Post)) == []
    assert {found.pk for found in backend.search("orolig", Post)} >= {post.pk}
    action = ModerationAction.objects.get(action=Action.REDACT)
    assert action.details["replacements"] == 6
    assert action.details["posts"] == sorted([post.pk, quote.pk])
    assert len(action.details["revisions"]) == 3
    assert not Report.objects.open().exists()


def test_redaction_makes_an_editor_holding_the_old_text_get_a_conflict(leaked, moderator, colleague):
    post, _quote = leaked
    old_version = post.version
    moderation.redact_post(post, by=moderator, fragment=FRAGMENT, reason="Personuppgifter")
    with pytest.raises(permissions.EditConflict):
        services.edit_post(post, by=colleague, body=f"Det gäller {FRAGMENT}.", version=old_version)


def test_redaction_reaches_the_thread_title_from_the_first_post(member, moderator):
    thread = start_thread(member, title="Om Kalle Karlsson", body="Kalle Karlsson behöver hjälp.")
    first = thread.posts.get()

    moderation.redact_post(first, by=moderator, fragment="Kalle Karlsson", reason="Namn")

    thread.refresh_from_db()
    assert thread.title == "Om [borttaget av moderator]"
    assert list(get_search_backend().search("Kalle", Thread)) == []
    assert list(get_search_backend().search("Kalle", Post)) == []


def test_redaction_finds_text_that_only_an_earlier_version_had(member, moderator):
    thread = start_thread(member, body="Hon heter Greta Lund.")
    first = thread.posts.get()
    services.edit_post(first, by=member, body="Hon heter X.", version=1)

    assert moderation.redact_post(first, by=moderator, fragment="Greta Lund", reason="Namn") == 1
    assert not PostRevision.objects.filter(body__contains="Greta").exists()


def test_redaction_refuses_text_that_is_not_there_or_a_reason_repeating_it(leaked, moderator):
    post, _quote = leaked
    with pytest.raises(permissions.ForumError):
        moderation.redact_post(post, by=moderator, fragment="Finns inte", reason="Namn")
    with pytest.raises(permissions.ForumError):
        moderation.redact_post(post, by=moderator, fragment=FRAGMENT, reason=f"Tog bort {FRAGMENT}")
    with pytest.raises(permissions.ForumError):
        moderation.redact_post(post, by=moderator, fragment=" ", reason="Tomt")
    assert not ModerationAction.objects.filter(action=Action.REDACT).exists()
    assert FRAGMENT in Post.objects.get(pk=post.pk).body


def test_members_cannot_redact(leaked, member):
    post, _quote = leaked
    with pytest.raises(permissions.NotAllowed):
        moderation.redact_post(post, by=member, fragment=FRAGMENT, reason="Namn")


def test_categories_restricted_elsewhere_can_still_be_moved_into_by_moderators(thread, moderator):
    hidden_room = Category.objects.create(name="Styrgruppen", slug="styrgruppen")
    hidden_room.restricted_to_municipalities.add(moderator.municipality)
    assert moderation.move_thread(thread, by=moderator, category=hidden_room, reason="Internt")
