"""The e-mails the forum sends."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def send_notification_email(notification):
    with translation.override("sv"):
        context = {"notification": notification, "url": absolute_url(notification.get_absolute_url())}
        subject = render_to_string("forum/email/notification_subject.txt", context).strip()
        body = render_to_string("forum/email/notification.txt", context)
    send_mail(subject, body, None, [notification.recipient.email])
