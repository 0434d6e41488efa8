"""The e-mails the forum sends: what happened, the title, who did it and a link, never the post text.

In the language the person chose (`User.preferred_language`), Swedish until they choose.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models.notifications import MODERATION_WORDS

# A digest names this many notifications at most; the rest wait in the notification centre.
DIGEST_MAX_ITEMS = 50


def absolute_url(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def open_url(notification):
    """The link marks the notification read on the way to the post."""
    return absolute_url(reverse("forum:open_notification", args=[notification.pk]))


@dataclass(frozen=True)
class Email:
    """An e-mail written and ready to go: the task writes it, marks it as sent, and only then sends it."""

    subject: str
    body: str
    to: str

    def send(self):
        send_mail(self.subject, self.body, None, [self.to])


def _write(template, context, recipient):
    with translation.override(recipient.preferred_language):
        context = {**context, "profile_url": absolute_url(reverse("accounts:profile"))}
        subject = " ".join(render_to_string(f"forum/email/{template}_subject.txt", context).split())
        body = render_to_string(f"forum/email/{template}.txt", context)
    return Email(subject, body, recipient.email)


def send_notification_email(notification):
    notification_email(notification).send()


def notification_email(notification):
    with translation.override(notification.recipient.preferred_language):
        context = {
            "notification": notification,
            "description": notification.describe(in_email=True),
            # The title may be what a moderator hid or removed; the moderator acts for the moderators, unnamed.
            "by_moderator": notification.kind in MODERATION_WORDS,
            "url": open_url(notification),
        }
    return _write("notification", context, notification.recipient)


def send_digest_email(recipient, notifications, *, frequency):
    with translation.override(recipient.preferred_language):
        items = [
            {
                "description": notification.describe(in_email=True),
                "notification": notification,
                "url": open_url(notification),
            }
            for notification in notifications[:DIGEST_MAX_ITEMS]
        ]
    context = {
        "items": items,
        "count": len(notifications),
        "more": max(len(notifications) - DIGEST_MAX_ITEMS, 0),
        "weekly": frequency == "weekly",
        "centre_url": absolute_url(reverse("forum:notifications")),
    }
    return _write("digest", context, recipient).send()
