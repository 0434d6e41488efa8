"""Background work of the forum: e-mail about notifications (django-tasks)."""

from django_tasks import task

from django.db import transaction
from django.utils import timezone

from .models import Notification


@task()
def send_notification_emails(notification_ids):
    """Mail the people who want an e-mail per event. Titles, authors and links only, never the post text."""
    from .mail import send_notification_email

    notifications = Notification.objects.filter(
        pk__in=notification_ids, emailed_at__isnull=True, recipient__notification_email="immediately"
    ).select_related("recipient", "thread", "post", "actor")
    for notification in notifications:
        with transaction.atomic():
            send_notification_email(notification)
            Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
