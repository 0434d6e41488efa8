"""What the notification centre lists, and what e-mail is sent about."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("New reply in a thread you follow")
    MENTION = "mention", _("You were mentioned")
    QUOTE = "quote", _("Your post was quoted")
    ANSWER = "answer", _("Your post was marked as the answer")
    CATEGORY = "category", _("New thread in a category you follow")
    TAG = "tag", _("New thread with a tag you follow")


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def for_centre(self):
        return self.select_related("thread", "actor", "post").order_by("-created_at", "-pk")


class Notification(models.Model):
    """One event for one person. It names a thread and a post, never copies the text."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    thread = models.ForeignKey("forum.Thread", on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey("forum.Post", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"], name="forum_notification_unread")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.thread}"

    def get_absolute_url(self):
        if self.post_id:
            return self.thread.url_of_post(self.post.number)
        return self.thread.get_absolute_url()
