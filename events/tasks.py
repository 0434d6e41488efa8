"""Background work of the campaign month (django-tasks): confirmations, places given, reminders the day before.

Each e-mail is marked as sent (and the mark committed) before it goes, and unmarked if it cannot go, so that a
retry never sends it twice, not even after the database went away midway.
"""

import logging
import uuid
from datetime import timedelta

from django_tasks import task

from django.utils import timezone

from accounts.models import EmailFrequency, NotificationChoice, NotificationGroup, notification_choice

from . import mail
from .models import Registration, RegistrationStatus

# A reminder is due the day before, so a daily digest's choice mails it too.
MAILED = {NotificationChoice.IMMEDIATELY, NotificationChoice.DAILY, EmailFrequency.WEEKLY}

logger = logging.getLogger(__name__)


def _send_once(registration_id, template, mark_field):
    """Send one e-mail about a registration unless it was sent; returns whether this call sent it.

    A database that goes away raises before anything was sent, and the worker runs the task again.
    """
    unsent = Registration.objects.filter(pk=registration_id, **{f"{mark_field}__isnull": True})
    registration = unsent.select_related("event", "person").first()
    if registration is None:
        return False
    try:
        message = mail.message_about(registration, template)
    except Exception:
        logger.exception("Could not write the e-mail about registration %s (%s)", registration_id, template)
        return False
    if not unsent.update(**{mark_field: timezone.now()}):
        return False  # another run of the task sent it meanwhile
    try:
        message.send()
    except Exception:
        logger.exception("Could not mail registration %s (%s)", registration_id, template)
        Registration.objects.filter(pk=registration_id).update(**{mark_field: None})
        return False
    return True


@task()
def send_registration_email(registration_id):
    """The confirmation: a place (with the .ics) or a spot on the waiting list."""
    registration = Registration.objects.filter(pk=registration_id).only("status").first()
    if registration is None:
        return False
    template = "registered" if registration.status == RegistrationStatus.REGISTERED else "waiting"
    return _send_once(registration_id, template, "confirmation_sent_at")


@task()
def send_promotion_emails(registration_ids):
    """Tell each promoted person that a place became free and is now theirs."""
    return sum(_send_once(pk, "promoted", "promotion_sent_at") for pk in registration_ids)


@task()
def send_event_news(event_id, template, news=None):
    """Tell everyone with a place or on the waiting list that the event changed or was called off; returns how
    many were told. Each mail stands alone, so one failing address stops nobody else's. Each registration is
    marked with the news's name (and the mark committed) before its mail goes, and unmarked if it cannot go.
    A task queued before news had names (no `news`) gets one of its own."""
    news = news or uuid.uuid4().hex
    told = 0
    for registration in Registration.objects.active().filter(event_id=event_id).select_related("event", "person"):
        try:
            message = mail.message_about(registration, template)
        except Exception:
            logger.exception("Could not write the e-mail about registration %s (%s)", registration.pk, template)
            continue
        unsent = Registration.objects.filter(pk=registration.pk).exclude(news_sent=news)
        if not unsent.update(news_sent=news):
            continue  # an earlier run of the task sent it
        try:
            message.send()
        except Exception:
            logger.exception("Could not mail registration %s (%s)", registration.pk, template)
            Registration.objects.filter(pk=registration.pk).update(news_sent=registration.news_sent)
        else:
            told += 1
    return told


@task()
def send_reminders(now=None):
    """Remind everyone with a place in an event that starts within the next day, unless they chose no e-mail about
    events (accounts.models.NotificationGroup.EVENT: only in the intranet, or off); returns how many."""
    now = now or timezone.now()
    due = Registration.objects.registered().filter(
        reminder_sent_at__isnull=True,
        event__live=True,
        event__is_cancelled=False,
        event__starts_at__gt=now,
        event__starts_at__lte=now + timedelta(days=1),
    )
    wanted = [
        pk
        for pk, email, choices in due.values_list(
            "pk", "person__notification_email", "person__notification_preferences"
        )
        if notification_choice(NotificationGroup.EVENT, email, choices) in MAILED
    ]
    return sum(_send_once(pk, "reminder", "reminder_sent_at") for pk in wanted)
