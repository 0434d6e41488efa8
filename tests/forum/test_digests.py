from datetime import timedelta
from io import StringIO

import pytest

from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.models import Municipality
from forum import services
from forum.models import ForumMember, Notification
from tests.factories import UserFactory, forum_category, start_thread

pytestmark = pytest.mark.django_db

SECRET_BODY = "Inläggets text får aldrig stå i ett mejl PLUGH-0815"


@pytest.fixture
def daily(member):
    member.notification_email = "daily"
    member.save()
    return member


def reply_to(thread, author):
    return services.reply(thread, author=author, body=SECRET_BODY, rate_limited=False)


def digest_for(person):
    return [message for message in mail.outbox if message.to == [person.email]]


def test_the_daily_digest_lists_titles_authors_and_links_but_never_the_text(daily, colleague):
    first = start_thread(daily, title="Samtal med barn om våld")
    second = start_thread(daily, title="Orosanmälan och skolan")
    reply_to(first, colleague)
    reply_to(second, colleague)

    call_command("send_digests", "daily", stdout=StringIO())

    (message,) = mail.outbox
    assert message.to == [daily.email]
    assert "2" in message.subject
    for notification in Notification.objects.filter(recipient=daily):
        assert notification.thread.title in message.body
        assert f"http://testserver/forum/notiser/{notification.pk}/" in message.body
        assert notification.emailed_at is not None
    assert str(colleague) in message.body
    assert "PLUGH" not in message.body and "PLUGH" not in message.subject
    assert ForumMember.objects.get(user=daily).last_digest_at is not None


def test_a_second_run_sends_nothing_new(daily, colleague, capsys):
    reply_to(start_thread(daily), colleague)
    call_command("send_digests", "daily")
    call_command("send_digests", "daily")
    assert len(mail.outbox) == 1
    assert "Daily digest e-mails sent: 0." in capsys.readouterr().out


def test_only_people_who_chose_that_digest_get_it(daily, colleague):
    weekly = UserFactory(notification_email="weekly")
    immediately = UserFactory(notification_email="immediately")
    thread = start_thread(daily)
    for person in (weekly, immediately):
        services.set_following(person, follow=True, thread=thread)
    reply_to(thread, colleague)

    call_command("send_digests", "daily")
    assert [message.to for message in mail.outbox] == [[daily.email]]
    call_command("send_digests", "weekly")
    assert digest_for(weekly) and not digest_for(immediately)


def test_read_notifications_and_those_from_before_the_last_digest_are_left_out(daily, colleague):
    thread = start_thread(daily, title="Tråden")
    reply_to(thread, colleague)
    Notification.objects.update(read_at=timezone.now())
    ForumMember.objects.create(user=daily, last_digest_at=timezone.now())
    older = Notification.objects.create(
        recipient=daily,
        kind="reply",
        thread=thread,
        actor=colleague,
        created_at=timezone.now() - timedelta(hours=2),
    )
    call_command("send_digests", "daily")
    assert mail.outbox == []

    unread = reply_to(thread, colleague)
    call_command("send_digests", "daily")
    assert len(mail.outbox) == 1
    assert Notification.objects.get(post=unread).emailed_at is not None
    older.refresh_from_db()
    assert older.emailed_at is None


def test_a_first_digest_looks_back_one_period_only(daily, colleague):
    thread = start_thread(daily)
    reply_to(thread, colleague)
    Notification.objects.update(created_at=timezone.now() - timedelta(days=3))

    call_command("send_digests", "daily")
    assert mail.outbox == []
    call_command("send_digests", "weekly")
    assert mail.outbox == []
    daily.notification_email = "weekly"
    daily.save()
    call_command("send_digests", "weekly")
    assert len(mail.outbox) == 1


def test_threads_restricted_or_hidden_since_are_left_out_of_the_digest(daily, colleague):
    hidden = start_thread(daily, title="Dold sedan dess")
    restricted = start_thread(daily, title="Begränsad sedan dess", category=forum_category("samverkan"))
    kept = start_thread(daily, title="Fortfarande synlig")
    for thread in (hidden, restricted, kept):
        reply_to(thread, colleague)
    hidden.is_hidden = True
    hidden.save()
    restricted.category.restricted_to_municipalities.add(Municipality.objects.get(slug="jarfalla"))

    call_command("send_digests", "daily")
    (message,) = mail.outbox
    assert "Fortfarande synlig" in message.body
    assert "Dold" not in message.body and "Begränsad" not in message.body


def test_a_long_digest_names_fifty_and_counts_the_rest(daily, colleague):
    thread = start_thread(daily, title="Mycket aktiv tråd")
    Notification.objects.bulk_create(
        Notification(recipient=daily, kind="reply", thread=thread, actor=colleague) for _ in range(53)
    )
    call_command("send_digests", "daily")
    (message,) = mail.outbox
    listed = Notification.objects.order_by("created_at", "pk")[:50]
    assert message.body.count("/forum/notiser/") == 51  # fifty items and the link to the centre
    after_the_list = message.body.split(f"/forum/notiser/{listed[49].pk}/")[1].split("/forum/notiser/\n")[0]
    assert "3" in after_the_list
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0


def test_one_failing_address_does_not_stop_the_others(daily, colleague, monkeypatch):
    other = UserFactory(notification_email="daily")
    reply_to(start_thread(daily), colleague)
    reply_to(start_thread(other), colleague)
    from forum import mail as forum_mail

    real = forum_mail.send_mail

    def fails_for_daily(subject, body, sender, recipients):
        if recipients == [daily.email]:
            raise OSError("mailbox unavailable")
        return real(subject, body, sender, recipients)

    monkeypatch.setattr(forum_mail, "send_mail", fails_for_daily)
    call_command("send_digests", "daily")

    assert [message.to for message in mail.outbox] == [[other.email]]
    assert Notification.objects.filter(recipient=daily, emailed_at__isnull=True).exists()
    assert not ForumMember.objects.filter(user=daily, last_digest_at__isnull=False).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_digest_is_marked_before_it_goes_and_unmarked_with_its_old_time_when_it_cannot(daily, colleague, monkeypatch):
    from django.db import connection

    earlier = timezone.now() - timedelta(days=3)
    ForumMember.objects.update_or_create(user=daily, defaults={"last_digest_at": earlier})
    reply_to(start_thread(daily), colleague)
    from forum import mail as forum_mail

    seen_when_sending = []

    def fails(subject, body, sender, recipients):
        seen_when_sending.append(
            (
                connection.in_atomic_block,
                Notification.objects.filter(recipient=daily, emailed_at__isnull=True).count(),
                ForumMember.objects.get(user=daily).last_digest_at,
            )
        )
        raise OSError("mailbox unavailable")

    monkeypatch.setattr(forum_mail, "send_mail", fails)
    call_command("send_digests", "daily")

    ((in_transaction, unmarked_then, digest_time_then),) = seen_when_sending
    assert not in_transaction and unmarked_then == 0 and digest_time_then > earlier  # marked and committed before
    assert Notification.objects.filter(recipient=daily, emailed_at__isnull=True).exists()
    assert ForumMember.objects.get(user=daily).last_digest_at == earlier
    monkeypatch.undo()
    call_command("send_digests", "daily")  # the next run sends it, once
    assert [message.to for message in mail.outbox] == [[daily.email]]


def test_the_command_accepts_only_daily_or_weekly(db):
    with pytest.raises(CommandError):
        call_command("send_digests", "hourly")
