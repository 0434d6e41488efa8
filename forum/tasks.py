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
    """Mail each person who chose this digest one e-mail about what they have not read yet; returns how many."""
    now = timezone.now()
    items = Notification.objects.for_digest(frequency, now=now, window=DIGEST_WINDOWS[frequency])
    sent = 0
    for recipient_id, group in groupby(items, key=lambda notification: notification.recipient_id):
        notifications = list(group)
        try:
            with transaction.atomic():
                Notification.objects.filter(pk__in=[item.pk for item in notifications]).update(emailed_at=now)
                if keeps_digest_time(notifications[0].recipient, frequency):
                    ForumMember.objects.update_or_create(user_id=recipient_id, defaults={"last_digest_at": now})
                mail.send_digest_email(notifications[0].recipient, notifications, frequency=frequency)
        except DATABASE_GONE:
            # The whole task runs again once the database is back; a digest whose commit failed goes twice.
            raise
        except Exception:
            # One bad address must not keep the digest from everyone else; the next run tries again.
            logger.exception("Could not send the %s forum digest to user %s", frequency, recipient_id)
            continue
        sent += 1
    return sent
