"""Notification preferences per kind (accounts.models.NotificationGroup): in the intranet only, e-mail at once,
a daily digest, or off — respected where notifications are made (forum/notifications.py), mailed
(forum/tasks.py) and reminded of (events/tasks.py)."""

from datetime import timedelta

import pytest

from django.core import mail
from django.urls import reverse

from accounts.models import EmailFrequency, NotificationChoice, NotificationGroup, User, notification_choice
from events import services as event_services
from events.tasks import send_reminders
from forum import services
from forum.models import Notification, NotificationKind
from forum.tasks import send_digests
from tests.factories.events import EventPageFactory
from tests.factories.forum import start_thread
from tests.factories.people import UserFactory

pytestmark = pytest.mark.django_db


def choose(person, **choices):
    person.notification_preferences = dict(choices)
    person.save()
    return person


def mention_of(person):
    author = UserFactory(first_name="Alva", last_name="Skrivare")
    thread = start_thread(author)
    return services.reply(thread, author=author, body=f"Vad tror du, @{person.first_name} {person.last_name}?")


def test_a_kind_without_its_own_choice_follows_the_general_one():
    assert notification_choice("mention", EmailFrequency.DAILY, {}) == NotificationChoice.DAILY
    assert notification_choice("mention", EmailFrequency.NEVER, {}) == NotificationChoice.IN_APP
    assert notification_choice("mention", EmailFrequency.NEVER, {"mention": "immediately"}) == "immediately"


def test_moderation_notices_cannot_be_turned_off():
    assert notification_choice("moderation", EmailFrequency.IMMEDIATELY, {"moderation": "off"}) == "immediately"


def test_reviews_and_reminders_keep_coming_at_once_until_chosen_otherwise():
    assert notification_choice("review", EmailFrequency.DAILY, {}) == NotificationChoice.IMMEDIATELY
    assert notification_choice("event", EmailFrequency.NEVER, {}) == NotificationChoice.IMMEDIATELY


def test_off_makes_no_notification_at_all(member):
    choose(member, mention=NotificationChoice.OFF)
    mention_of(member)
    assert not Notification.objects.filter(recipient=member).exists()
    assert mail.outbox == []


def test_in_app_only_makes_a_notification_and_no_mail(member):
    choose(member, mention=NotificationChoice.IN_APP)
    mention_of(member)
    assert Notification.objects.filter(recipient=member, kind=NotificationKind.MENTION).exists()
    assert [message for message in mail.outbox if member.email in message.to] == []


def test_at_once_mails_the_kind_even_when_the_general_choice_is_no_mail(member, django_capture_on_commit_callbacks):
    member.notification_email = EmailFrequency.NEVER
    choose(member, mention=NotificationChoice.IMMEDIATELY)
    with django_capture_on_commit_callbacks(execute=True):
        mention_of(member)
    assert [message for message in mail.outbox if member.email in message.to] != []


def test_a_daily_digest_of_one_kind_while_others_come_at_once(member, django_capture_on_commit_callbacks):
    choose(member, mention=NotificationChoice.DAILY)
    with django_capture_on_commit_callbacks(execute=True):
        mention_of(member)
    assert [message for message in mail.outbox if member.email in message.to] == []

    assert send_digests.call(EmailFrequency.DAILY) == 1
    assert len([message for message in mail.outbox if member.email in message.to]) == 1


def test_followed_tags_and_replies_are_chosen_apart(member):
    choose(member, reply=NotificationChoice.OFF)
    thread = start_thread(member)
    other = UserFactory()
    services.set_following(member, follow=True, thread=thread)
    services.reply(thread, author=other, body="Ett svar.")
    assert not Notification.objects.filter(recipient=member, kind=NotificationKind.REPLY).exists()


def test_a_reminder_goes_only_to_those_who_want_event_mail(member):
    event = EventPageFactory()
    quiet = choose(UserFactory(), event=NotificationChoice.IN_APP)
    event_services.register(event, member)
    event_services.register(event, quiet)
    mail.outbox.clear()

    send_reminders.call(now=event.starts_at - timedelta(hours=12))

    recipients = {address for message in mail.outbox for address in message.to}
    assert member.email in recipients and quiet.email not in recipients


def test_the_profile_saves_a_choice_per_kind_and_offers_no_off_for_moderation(member_client, member):
    page = member_client.get(reverse("accounts:profile")).content.decode()
    assert 'name="notify_moderation"' in page and 'value="off"' in page  # "off" is offered for the other kinds

    response = member_client.post(
        reverse("accounts:profile"),
        {
            "first_name": member.first_name,
            "last_name": member.last_name,
            "notification_email": EmailFrequency.IMMEDIATELY,
            "notify_mention": NotificationChoice.DAILY,
            "notify_followed": NotificationChoice.OFF,
        },
    )

    assert response.status_code == 302
    assert User.objects.get(pk=member.pk).notification_preferences == {"mention": "daily", "followed": "off"}
    refused = member_client.post(
        reverse("accounts:profile"),
        {"first_name": "Kim", "last_name": "T", "notify_moderation": NotificationChoice.OFF},
    )
    assert refused.status_code == 200
    assert "notify_moderation" in refused.context["form"].errors
    assert set(User.objects.get(pk=member.pk).notification_preferences) != {NotificationGroup.MODERATION}


def test_a_daily_digest_of_one_kind_does_not_hide_the_weekly_digests_news(member):
    member.notification_email = EmailFrequency.WEEKLY
    choose(member, mention=NotificationChoice.DAILY)
    thread = start_thread(member)
    services.reply(thread, author=UserFactory(), body="Ett svar i din tråd.")  # a reply: weekly
    mention_of(member)  # a mention: daily

    assert send_digests.call(EmailFrequency.DAILY) == 1
    assert send_digests.call(EmailFrequency.WEEKLY) == 1
    assert Notification.objects.filter(recipient=member, emailed_at__isnull=True).count() == 0
