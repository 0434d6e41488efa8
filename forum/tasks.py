"""Background work of the forum: e-mail about notifications (django-tasks).

Immediate in development and tests; in production a `manage.py db_worker` process runs them.
"""

import logging
from datetime import timedelta
from itertools import groupby

from django_tasks import task

from django.db import transaction
from django.utils import timezone

from accounts.models import EmailFrequency, NotificationChoice
from common.database import DATABASE_GONE

from . import mail
from .models import ForumMember, Notification
from .models.notifications import choice_for

logger = logging.getLogger(__name__)

DIGEST_WINDOWS = {EmailFrequency.DAILY: timedelta(days=1), EmailFrequency.WEEKLY: timedelta(days=7)}


@task()
def send_notification_emails(notification_ids):
    """Mail the people who want an e-mail per event. Titles, authors and links only, never the post text."""
    notifications = (
        Notification.objects.unread()
        .still_visible()
        .filter(
            pk__in=notification_ids,
            emailed_at__isnull=True,
            recipient__is_active=True,
        )
        .select_related("recipient", "thread__category", "post", "actor", "page", "moderation_action")
    )
    sent = 0
    for notification in notifications:
        recipient = notification.recipient
        choice = choice_for(notification.kind, recipient.notification_email, recipient.notification_preferences)
        if choice != NotificationChoice.IMMEDIATELY:
            continue  # the person changed their mind since, or the kind is not theirs to mail at once
        try:
            email = mail.notification_email(notification)
        except Exception:
            logger.exception("Could not write the e-mail about forum notification %s", notification.pk)
            continue
        # Marked (and committed) before it goes, unmarked if it cannot go. A database that goes away raises here,
        # before anything was sent, and the worker runs the task again; marked and sent in one transaction, an
        # e-mail whose commit failed would go twice.
        if not mark_emailed(notification.pk):
            continue  # another run of the task sent it meanwhile
        try:
            email.send()
        except Exception:
            logger.exception("Could not mail forum notification %s", notification.pk)
            Notification.objects.filter(pk=notification.pk).update(emailed_at=None)
            continue
        sent += 1
    return sent


def mark_emailed(notification_id):
    """Mark the notification as mailed unless it already was; returns whether this call marked it."""
    return bool(
        Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(emailed_at=timezone.now())
    )


def keeps_digest_time(recipient, frequency):
    """Whether this digest is the one whose time marks "since the last digest": the person's general digest, or any
    when their general choice is no digest. A daily digest of one kind then never hides a weekly one's news."""
    return recipient.notification_email == frequency or recipient.notification_email not in DIGEST_WINDOWS


@task()
def send_digests(frequency):
    """Mail each person who chose this digest one e-mail about what they have not read yet; returns how many.

    As with single e-mails, a digest's notifications (and the person's digest time) are marked and committed
    before it goes, and unmarked if it cannot go: a database that goes away raises before anything was sent and
    the worker runs the task again, which never sends a digest twice.
    """
    now = timezone.now()
    items = Notification.objects.for_digest(frequency, now=now, window=DIGEST_WINDOWS[frequency])
    sent = 0
    for recipient_id, group in groupby(items, key=lambda notification: notification.recipient_id):
        notifications = list(group)
        recipient = notifications[0].recipient
        marked = mark_digest(recipient, notifications, frequency=frequency, now=now)
        if marked is None:
            continue  # another run of the task is sending it
        try:
            mail.send_digest_email(recipient, notifications, frequency=frequency)
        except DATABASE_GONE:
            raise
        except Exception:
            # One bad address must not keep the digest from everyone else; the next run tries again.
            logger.exception("Could not send the %s forum digest to user %s", frequency, recipient_id)
            unmark_digest(recipient, notifications, now=now, previous_digest_at=marked)
            continue
        sent += 1
    return sent


NOT_YET = object()  # the person had no digest time before this one


def mark_digest(recipient, notifications, *, frequency, now):
    """Mark the digest's notifications as mailed at `now`, and its time when it is the one that keeps it; returns
    the person's digest time before (NOT_YET when there was none), or None when another run marked any of them."""
    ids = [notification.pk for notification in notifications]
    with transaction.atomic():
        if Notification.objects.filter(pk__in=ids, emailed_at__isnull=True).update(emailed_at=now) != len(ids):
            transaction.set_rollback(True)
            return None
        member = ForumMember.objects.filter(user_id=recipient.pk).first()
        previous = member.last_digest_at if member and member.last_digest_at else NOT_YET
        if keeps_digest_time(recipient, frequency):
            ForumMember.objects.update_or_create(user_id=recipient.pk, defaults={"last_digest_at": now})
    return previous


def unmark_digest(recipient, notifications, *, now, previous_digest_at):
    """Undo `mark_digest` for a digest that could not go, so that the next run sends it."""
    with transaction.atomic():
        Notification.objects.filter(pk__in=[item.pk for item in notifications], emailed_at=now).update(emailed_at=None)
        ForumMember.objects.filter(user_id=recipient.pk, last_digest_at=now).update(
            last_digest_at=None if previous_digest_at is NOT_YET else previous_digest_at
        )
