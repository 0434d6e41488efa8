"""What people follow, and how far they have read."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SubscriptionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Subscription(models.Model):
    """A person follows one thread, one category or one tag.

    Unfollowing keeps the row with `is_active` off, so that replying again
    does not quietly follow the thread once more.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions")
    thread = models.ForeignKey("forum.Thread", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    category = models.ForeignKey("forum.Category", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    tag = models.ForeignKey("taggit.Tag", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(thread__isnull=False, category__isnull=True, tag__isnull=True)
                    | Q(thread__isnull=True, category__isnull=False, tag__isnull=True)
                    | Q(thread__isnull=True, category__isnull=True, tag__isnull=False)
                ),
                name="subscription_has_one_target",
            ),
            models.UniqueConstraint(fields=["user", "thread"], name="unique_thread_subscription"),
            models.UniqueConstraint(fields=["user", "category"], name="unique_category_subscription"),
            models.UniqueConstraint(fields=["user", "tag"], name="unique_tag_subscription"),
        ]

    def __str__(self):
        return f"{self.user}: {self.thread or self.category or self.tag}"


class ThreadRead(models.Model):
    """The number of the last post a person has seen in a thread."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey("forum.Thread", on_delete=models.CASCADE, related_name="+")
    last_read_number = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="unique_thread_read")]

    def __str__(self):
        return f"{self.user}: {self.thread} #{self.last_read_number}"


class ForumMember(models.Model):
    """Forum state of one person that is not about a single thread."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_member")
    # "Mark all as read": everything active before this counts as read.
    all_read_at = models.DateTimeField(null=True, blank=True)
    last_digest_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return str(self.user)
