"""What the people a moderator's action concerns are told: the author of a hidden, restored or redacted post,
and whoever reported it; and how the author of a hidden post asks for it back."""

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import translation

from forum import moderation, permissions, services
from forum.models import ModerationAction, Notification, NotificationKind, Post, Report, ReportReason
from forum.tasks import send_digests, send_notification_emails
from tests.factories import forum_category

pytestmark = pytest.mark.django_db

SECRET = "Familjen på Storgatan 4 vet ni nog vilka det är XYZZY"

Kind = NotificationKind


@pytest.fixture
def reply(talk, writer):
    return services.reply(talk, author=writer, body=SECRET)


def notices(**filters):
    """Who was told what of a moderator's action (not the thread's ordinary reply notifications)."""
    told = Notification.objects.filter(moderation_action__isnull=False, **filters)
    return set(told.values_list("recipient_id", "kind"))


def ask_back(post, message="Jag tog bort adressen."):
    return services.ask_to_show_again(
        post, by=post.author, body="Vi bokar tolk via förvaltningen.", version=post.version, message=message
    )


def test_hiding_a_reply_tells_its_author_why_and_the_reporter_that_it_was_handled(
    talk, reply, writer, colleague, moderator
):
    services.report_post(reply, by=colleague, reason=ReportReason.PERSONAL_DATA)

    moderation.hide_post(reply, by=moderator, reason="Pekar ut en familj.")

    action = ModerationAction.objects.get()
    assert notices(post=reply) == {(writer.pk, Kind.HIDDEN), (colleague.pk, Kind.REPORT_HANDLED)}
    told = Notification.objects.get(recipient=writer, kind=Kind.HIDDEN)
    assert told.moderation_action == action
    assert told.describe() == (
        "En moderator har dolt ditt inlägg i ”Tolk vid samtal med föräldrar”. Skäl: Pekar ut en familj. "
        "Ändra det och be att det visas igen."
    )
    assert told.get_absolute_url() == reverse("forum:edit_post", args=[reply.pk])
    handled = Notification.objects.get(recipient=colleague, kind=Kind.REPORT_HANDLED)
    assert handled.describe().endswith(": inlägget är dolt.")
    assert "Pekar ut" not in handled.describe()  # the reason is the author's to read, not the reporter's


def test_the_moderator_who_acts_is_not_told_of_it(talk, moderator):
    own = services.reply(talk, author=moderator, body="Fel tråd.")
    moderation.hide_post(own, by=moderator, reason="Fel tråd")
    assert not Notification.objects.filter(recipient=moderator).exists()


def test_the_authors_notice_stays_in_the_centre_while_others_about_the_hidden_post_go(
    talk, reply, writer, member, moderator
):
    assert Notification.objects.for_person(member).filter(post=reply).exists()  # member follows the talk
    moderation.hide_post(reply, by=moderator, reason="Pekar ut en familj.")

    assert not Notification.objects.for_person(member).filter(post=reply).exists()
    assert [item.kind for item in Notification.objects.for_person(writer)] == [Kind.HIDDEN]
    assert Notification.objects.unread_count(writer) == 1


def test_hiding_the_opening_post_hides_the_thread_and_tells_its_author_with_the_opening_post(
    talk, reply, member, colleague, moderator
):
    services.report_post(reply, by=colleague, reason=ReportReason.OFFENSIVE)
    opening = talk.posts.get(number=1)

    moderation.hide_post(opening, by=moderator, reason="Hela tråden pekar ut en familj.")

    told = Notification.objects.get(recipient=member, kind=Kind.HIDDEN)
    assert (told.post, told.moderation_action.action) == (opening, "hide_thread")
    # The reporter is not shown the title of a talk that is hidden now.
    assert Notification.objects.get(recipient=colleague, kind=Kind.REPORT_HANDLED).describe() == (
        "Moderatorerna har hanterat din rapport: tråden är dold."
    )


def test_the_email_to_the_author_gives_the_reason_and_a_link_but_no_text_no_title_no_moderator(
    talk, reply, writer, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide_post(reply, by=moderator, reason="Pekar ut en familj.")

    (message,) = mail.outbox
    notification = Notification.objects.get(recipient=writer, kind=Kind.HIDDEN)
    assert message.to == [writer.email]
    assert message.subject == "Kunskapsforum: Ditt inlägg har dolts"
    assert "Skäl: Pekar ut en familj." in message.body
    assert f"http://testserver/forum/notiser/{notification.pk}/" in message.body
    for never in ("XYZZY", "Storgatan", "Tolk vid samtal", str(moderator)):
        assert never not in message.body and never not in message.subject
    assert "Kategori: " in message.body


def test_people_who_chose_a_digest_hear_of_it_in_the_digest_without_the_title(talk, reply, writer, moderator):
    writer.notification_email = "daily"
    writer.save()
    moderation.hide_post(reply, by=moderator, reason="Pekar ut en familj.")

    assert send_digests.call("daily") == 1
    (message,) = mail.outbox
    assert "En moderator har dolt ett av dina inlägg i forumet. Skäl: Pekar ut en familj." in message.body
    assert "Tolk vid samtal" not in message.body and "XYZZY" not in message.body


def test_a_notice_reads_the_reason_from_the_log_so_a_redaction_reaches_it(talk, writer, moderator):
    naming = services.reply(talk, author=writer, body="Olle Ek går i trean.")
    moderation.hide_post(naming, by=moderator, reason="Nämner Olle Ek vid namn")
    told = Notification.objects.get(recipient=writer, kind=Kind.HIDDEN)
    assert "Olle Ek" in told.describe()

    moderation.redact_post(naming, by=moderator, fragment="Olle Ek", reason="Ett namn")

    told.refresh_from_db()
    assert "Olle Ek" not in told.describe()
    assert "[borttaget av moderator]" in told.describe()


def test_closing_reports_without_acting_tells_the_reporters(talk, reply, colleague, moderator):
    services.report_post(reply, by=colleague, reason=ReportReason.OTHER)
    moderation.dismiss_reports(reply, by=moderator, reason="Inget fel")
    handled = Notification.objects.get(recipient=colleague, kind=Kind.REPORT_HANDLED)
    assert handled.describe() == (
        "Moderatorerna har hanterat din rapport om ett inlägg i ”Tolk vid samtal med föräldrar”: "
        "inlägget får stå kvar som det är."
    )


def test_moving_a_thread_tells_its_author_and_those_who_said_it_was_in_the_wrong_place(
    talk, reply, member, colleague, writer, moderator
):
    services.report_post(reply, by=colleague, reason=ReportReason.WRONG_PLACE)
    services.report_post(reply, by=writer, reason=ReportReason.OFFENSIVE)
    moderation.move_thread(talk, by=moderator, category=forum_category("samverkan"), reason="Passar bättre")
    # Not the author of the offensive report: that one still waits.
    assert notices() == {(colleague.pk, Kind.REPORT_HANDLED), (member.pk, Kind.MOVED)}
    assert Report.objects.open().get().reporter == writer
    moved = Notification.objects.get(recipient=member, kind=Kind.MOVED)
    assert moved.describe() == (
        "En moderator har flyttat din tråd ”Tolk vid samtal med föräldrar” till Samverkan. Skäl: Passar bättre."
    )


def test_a_moderator_who_edits_someones_post_tells_its_author(talk, reply, writer, moderator):
    services.edit_post(reply, by=moderator, body="Familjen [adress borttagen].", version=reply.version)
    edited = Notification.objects.get(recipient=writer)
    assert (edited.kind, edited.post) == (Kind.EDITED, reply)
    assert edited.describe(in_email=True) == "En moderator har redigerat ett av dina inlägg i forumet."
    services.edit_post(reply, by=writer, body="Min egen ändring.", version=reply.version)
    assert Notification.objects.filter(recipient=writer).count() == 1


def test_redaction_tells_the_authors_of_every_changed_post_and_the_reporters(talk, reply, writer, colleague, moderator):
    quoting = services.reply(talk, author=colleague, body="> Storgatan 4\n\nSå kan vi inte skriva.")
    services.report_post(reply, by=talk.author, reason=ReportReason.PERSONAL_DATA)

    moderation.redact_post(reply, by=moderator, fragment="Storgatan 4", reason="En adress")

    assert notices(kind=Kind.REDACTED) == {(writer.pk, Kind.REDACTED), (colleague.pk, Kind.REDACTED)}
    assert Notification.objects.get(recipient=colleague, kind=Kind.REDACTED).post == quoting
    assert notices(recipient=talk.author) == {(talk.author_id, Kind.REPORT_HANDLED)}


def test_the_author_of_a_hidden_reply_changes_it_and_asks_for_it_back(talk, reply, writer, moderator):
    moderation.hide_post(reply, by=moderator, reason="Pekar ut en familj.")
    reply.refresh_from_db()
    assert permissions.may_edit(writer, reply) and permissions.may_ask_to_show_again(writer, reply)

    request = ask_back(reply)

    reply.refresh_from_db()
    assert reply.is_hidden
    assert reply.body == "Vi bokar tolk via förvaltningen."
    assert reply.revisions.count() == 2
    assert (request.reporter, request.reason, request.explanation) == (
        writer,
        ReportReason.RESTORE_REQUEST,
        "Jag tog bort adressen.",
    )
    assert Report.objects.waiting_posts_count() == 1


def test_asking_twice_keeps_one_request_with_the_newer_message(talk, reply, writer, moderator):
    moderation.hide_post(reply, by=moderator, reason="Pekar ut en familj.")
    reply.refresh_from_db()
    first = ask_back(reply)
    reply.refresh_from_db()
    again = ask_back(reply, message="Nu är allt borta.")
    assert again.pk == first.pk
    assert Report.objects.get().explanation == "Nu är allt borta."
    assert reply.revisions.count() == 2  # the same text again is no edit


def test_only_the_author_of_a_hidden_post_may_ask_for_it_back(talk, reply, writer, colleague, moderator):
    with pytest.raises(permissions.NotAllowed):
        ask_back(reply)  # not hidden
    moderation.hide_post(reply, by=moderator, reason="Pekar ut en familj.")
    reply.refresh_from_db()
    with pytest.raises(permissions.NotAllowed):
        services.ask_to_show_again(reply, by=colleague, body="Mitt", version=reply.version)
    assert not Report.objects.exists()


def test_restoring_answers_the_request_and_tells_the_author_but_member_reports_still_wait(
    talk, reply, writer, colleague, moderator
):
    moderation.hide_post(reply, by=moderator, reason="Pekar ut en familj.")
    reply.refresh_from_db()
    request = ask_back(reply)
    member_report = Report.objects.create(post=reply, reporter=colleague, reason=ReportReason.OTHER)

    moderation.restore_post(reply, by=moderator, reason="Adressen är borta")

    request.refresh_from_db()
    member_report.refresh_from_db()
    assert request.handled_by == moderator
    assert member_report.handled_at is None
    told = Notification.objects.get(recipient=writer, kind=Kind.RESTORED)
    assert told.get_absolute_url() == reply.get_absolute_url()
    assert told.describe() == "En moderator visar ditt inlägg i ”Tolk vid samtal med föräldrar” igen."


def test_keeping_it_hidden_answers_the_request_and_tells_the_author_why(talk, reply, writer, moderator):
    moderation.hide_post(reply, by=moderator, reason="Pekar ut en familj.")
    reply.refresh_from_db()
    ask_back(reply)

    assert moderation.dismiss_reports(reply, by=moderator, reason="Det går fortfarande att känna igen familjen.")

    told = Notification.objects.get(recipient=writer, kind=Kind.KEPT_HIDDEN)
    assert told.describe(in_email=True) == (
        "Moderatorerna har tittat på ditt inlägg igen: det förblir dolt. "
        "Skäl: Det går fortfarande att känna igen familjen."
    )
    assert told.get_absolute_url() == reverse("forum:edit_post", args=[reply.pk])
    assert Report.objects.waiting_posts_count() == 0


def test_a_redaction_leaves_the_authors_request_waiting(talk, reply, writer, moderator):
    moderation.hide_post(reply, by=moderator, reason="Pekar ut en familj.")
    reply.refresh_from_db()
    services.ask_to_show_again(reply, by=writer, body=reply.body, version=reply.version)
    moderation.redact_post(reply, by=moderator, fragment="Storgatan 4", reason="En adress")
    assert Report.objects.open().restore_requests().count() == 1


def test_the_author_of_a_hidden_thread_asks_for_it_back_and_restoring_the_thread_answers(talk, member, moderator):
    opening = talk.posts.get(number=1)
    moderation.hide_thread(talk, by=moderator, reason="Fel forum")
    opening = Post.objects.select_related("thread").get(pk=opening.pk)
    assert opening.is_hidden_by_moderator and not opening.is_hidden
    services.ask_to_show_again(opening, by=member, body=opening.body, version=opening.version, title="Ny rubrik")
    talk.refresh_from_db()
    assert talk.title == "Ny rubrik"

    moderation.restore_thread(talk, by=moderator, reason="Nu stämmer det")

    assert not Report.objects.open().exists()
    assert notices(recipient=member) == {(member.pk, Kind.HIDDEN), (member.pk, Kind.RESTORED)}


def test_the_preview_of_a_redaction_lists_every_place_it_will_replace(talk, reply, colleague, moderator):
    quoting = services.reply(talk, author=colleague, body="> Storgatan 4 …\n\nStorgatan 4 igen, STORGATAN 4.")
    services.report_post(reply, by=colleague, reason=ReportReason.PERSONAL_DATA, explanation="Står Storgatan 4")
    talk.title = "Tolk på Storgatan 4"
    talk.save()

    matches = moderation.redaction_preview(reply, "storgatan 4")

    places = [match.where for match in matches]
    assert places[0] == "Trådens rubrik"
    assert places.count(f"Inlägg #{reply.number}") == 1
    assert places.count(f"Inlägg #{quoting.number}") == 3
    assert f"En rapport om Inlägg #{reply.number}" in places
    assert {match.found for match in matches} == {"Storgatan 4", "STORGATAN 4"}
    first_in_reply = next(match for match in matches if match.where == f"Inlägg #{reply.number}")
    assert (first_in_reply.before, first_in_reply.after) == ("Familjen på ", " vet ni nog vilka det är XYZZY")
    assert moderation.redact_post(reply, by=moderator, fragment="storgatan 4", reason="En adress") == len(matches)


def test_the_queue_counts_posts_not_reports(talk, reply, member, colleague, writer):
    services.report_post(reply, by=member, reason=ReportReason.OTHER)
    services.report_post(reply, by=colleague, reason=ReportReason.OTHER)
    assert Report.objects.waiting_posts_count() == 1
    services.report_post(talk.posts.get(number=1), by=writer, reason=ReportReason.OTHER)
    assert Report.objects.waiting_posts_count() == 2


def test_a_member_cannot_report_with_the_authors_reason(member_client, reply):
    url = reverse("forum:report_post", args=[reply.pk])
    response = member_client.post(url, {"reason": ReportReason.RESTORE_REQUEST})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert not Report.objects.exists()


def test_sending_skips_nothing_of_moderation_in_the_immediate_email(talk, reply, writer, colleague, moderator):
    """Both the author's and the reporter's notices are mailed to who wants e-mail at once."""
    services.report_post(reply, by=colleague, reason=ReportReason.PERSONAL_DATA)
    moderation.hide_post(reply, by=moderator, reason="Pekar ut en familj.")
    told = Notification.objects.filter(moderation_action__isnull=False)
    Notification.objects.update(emailed_at=None)
    mail.outbox.clear()
    assert send_notification_emails.call(list(told.values_list("pk", flat=True))) == 2
    assert {message.to[0] for message in mail.outbox} == {writer.email, colleague.email}


def test_in_the_english_interface_a_notice_marks_the_swedish_title_and_reason_and_escapes_them(talk, member, moderator):
    moderation.move_thread(talk, by=moderator, category=forum_category("samverkan"), reason="Hör <b>hit</b>")
    moved = Notification.objects.get(recipient=member, kind=Kind.MOVED)
    with translation.override("en"):
        described = moved.describe(html=True)
    assert described == (
        'A moderator moved your thread “<span lang="sv">Tolk vid samtal med föräldrar</span>” to Collaboration. '
        'Reason: <span lang="sv">Hör &lt;b&gt;hit&lt;/b&gt;</span>.'
    )
    # In Swedish nothing needs marking; the category by the name it has in the language read.
    assert moved.describe(html=True) == (
        "En moderator har flyttat din tråd ”Tolk vid samtal med föräldrar” till Samverkan. "
        "Skäl: Hör &lt;b&gt;hit&lt;/b&gt;."
    )
