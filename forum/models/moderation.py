"""Reports from members, and the log of everything moderators do."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReportReason(models.TextChoices):
    PERSONAL_DATA = "personal_data", _("Contains information about an individual")
    OFFENSIVE = "offensive", _("Offensive or inappropriate")
    WRONG_PLACE = "wrong_place", _("Wrong category or off topic")
    OTHER = "other", _("Something else")
    # Not a member's report: the author of a hidden post, having changed it, asks the moderators to show it again.
    RESTORE_REQUEST = "restore_request", _("The author asks for it to be shown again")

    @classmethod
    def for_members(cls):
        """The reasons a member may give for a report (the author's request has a form of its own)."""
        return [(value, label) for value, label in cls.choices if value != cls.RESTORE_REQUEST]


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(handled_at__isnull=True)

    def from_members(self):
        return self.exclude(reason=ReportReason.RESTORE_REQUEST)

    def restore_requests(self):
        return self.filter(reason=ReportReason.RESTORE_REQUEST)

    def waiting_posts_count(self):
        """How many posts wait in the moderation queue: those with an open report or request."""
        return self.open().values("post_id").distinct().count()


class Report(models.Model):
    """A member asks the moderators to look at a post."""

    post = models.ForeignKey("forum.Post", verbose_name=_("post"), on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    explanation = models.TextField(_("explanation"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return f"{self.get_reason_display()}: {self.post}"


class ModerationActionQuerySet(models.QuerySet):
    def log(self, moderator, action, thread, *, post=None, reason, details=None):
        """Write one entry of the audit log. `details` must never hold the text a moderator removed."""
        return self.create(
            moderator=moderator, action=action, thread=thread, post=post, reason=reason, details=details or {}
        )

    def hiding_of(self, post):
        """The entry that hid the post, the latest if it was hidden more than once; a thread for its opening post."""
        if post.is_first:
            hidings = self.filter(thread_id=post.thread_id, action=ModerationAction.Action.HIDE_THREAD)
        else:
            hidings = self.filter(post=post, action=ModerationAction.Action.HIDE_POST)
        return hidings.order_by("-created_at", "-pk").first()


class ModerationAction(models.Model):
    """The audit log: who did what to which thread or post, when and why. Never holds redacted text."""

    class Action(models.TextChoices):
        HIDE_POST = "hide_post", _("Hid a post")
        RESTORE_POST = "restore_post", _("Restored a post")
        HIDE_THREAD = "hide_thread", _("Hid a thread")
        RESTORE_THREAD = "restore_thread", _("Restored a thread")
        LOCK = "lock", _("Locked a thread")
        UNLOCK = "unlock", _("Unlocked a thread")
        PIN = "pin", _("Pinned a thread")
        UNPIN = "unpin", _("Unpinned a thread")
        MOVE = "move", _("Moved a thread")
        RETAG = "retag", _("Changed the tags")
        REDACT = "redact", _("Redacted personal data")
        EDIT = "edit", _("Edited someone else's post")
        DISMISS_REPORT = "dismiss_report", _("Closed a report without action")

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("moderator"), on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    thread = models.ForeignKey(
        "forum.Thread", verbose_name=_("thread"), on_delete=models.PROTECT, related_name="moderation_actions"
    )
    post = models.ForeignKey(
        "forum.Post", verbose_name=_("post"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500)
    details = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    objects = ModerationActionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")

    def __str__(self):
        return f"{self.get_action_display()}: {self.thread}"
