"""What the notification centre lists, and what e-mail is sent about."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from knowledge.visibility import may_see_page

from .categories import may_see_category
from .following import ForumMember


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("New reply in a thread you follow")
    MENTION = "mention", _("You were mentioned")
    QUOTE = "quote", _("Your post was quoted")
    ANSWER = "answer", _("Your post was marked as the answer")
    CATEGORY = "category", _("New thread in a category you follow")
    TAG = "tag", _("New thread with a tag you follow")
    PAGE_TAG = "page_tag", _("New with a tag you follow")
    SEARCH = "search", _("New match for a search you follow")


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def still_visible(self):
        """Those whose thread and post are not hidden, or whose page is live, and whose recipient may still see them.

        Categories and pages can be restricted, threads hidden and pages unpublished after the notification was made.
        """
        may_see = may_see_category(
            category=OuterRef("thread__category_id"),
            person=OuterRef("recipient_id"),
            municipality=OuterRef("recipient__municipality_id"),
            is_superuser="recipient__is_superuser",
        )
        visible_thread = (
            Q(thread__isnull=False)
            & may_see
            & Q(thread__is_hidden=False)
            & (Q(post__isnull=True) | Q(post__is_hidden=False))
        )
        visible_page = Q(page__isnull=False) & may_see_page(page=OuterRef("page_id"), person=OuterRef("recipient_id"))
        return self.filter(visible_thread | visible_page)

    def for_person(self, user):
        """The person's notifications that they may still see, newest first, ready to be listed."""
        return (
            self.filter(recipient=user)
            .still_visible()
            .select_related("thread__category", "post", "actor", "page")
            .order_by("-created_at", "-pk")
        )

    def unread_count(self, user):
        return self.filter(recipient=user).unread().still_visible().count()

    def for_digest(self, frequency, *, now, window):
        """Unread, not yet mailed notifications of everyone who chose this digest, oldest first.

        Since each person's last digest; a first digest looks back one `window` only, not over all history.
        """
        last_digest = ForumMember.objects.filter(user=OuterRef("recipient_id"), last_digest_at__isnull=False)
        since_last_digest = Exists(last_digest.filter(last_digest_at__lt=OuterRef("created_at")))
        first_digest = ~Exists(last_digest) & Q(created_at__gte=now - window)
        return (
            self.unread()
            .still_visible()
            .filter(
                since_last_digest | first_digest,
                emailed_at__isnull=True,
                recipient__notification_email=frequency,
                recipient__is_active=True,
            )
            .select_related("recipient", "thread__category", "post", "actor", "page")
            .order_by("recipient_id", "created_at", "pk")
        )


class Notification(models.Model):
    """One event for one person. It names a thread and a post, or a page, never copies the text."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    thread = models.ForeignKey("forum.Thread", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # A page of the knowledge bank or the campaign month. A deleted page takes its notifications with it, as a
    # thread does: they are no one's writing, only a pointer, and one pointing nowhere could not be shown.
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
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
        constraints = [
            models.CheckConstraint(
                condition=Q(thread__isnull=False, page__isnull=True) | Q(thread__isnull=True, page__isnull=False),
                name="notification_names_a_thread_or_a_page",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.thread or self.page}"

    def get_absolute_url(self):
        if self.page_id:
            return self.page.url
        if self.post_id:
            return self.thread.url_of_post(self.post.number)
        return self.thread.get_absolute_url()

    def describe(self):
        """What happened, in one sentence: "Anna Larsson mentioned you in <title>". Never quotes the post."""
        if self.kind == NotificationKind.SEARCH:
            return gettext("New match for a search you follow: %(title)s") % {
                "title": self.page.title if self.page_id else self.thread.title
            }
        if self.page_id:
            return gettext("New with a tag you follow: %(title)s") % {"title": self.page.title}
        actor = str(self.actor) if self.actor_id else gettext("Someone")
        values = {"actor": actor, "title": self.thread.title}
        match self.kind:
            case NotificationKind.MENTION:
                return gettext("%(actor)s mentioned you in %(title)s") % values
            case NotificationKind.QUOTE:
                return gettext("%(actor)s quoted you in %(title)s") % values
            case NotificationKind.ANSWER:
                return gettext("%(actor)s marked your reply as the answer in %(title)s") % values
            case NotificationKind.REPLY:
                return gettext("%(actor)s replied in %(title)s") % values
            case NotificationKind.CATEGORY:
                values["category"] = self.thread.category.label
                return gettext("%(actor)s started %(title)s in %(category)s") % values
            case _:
                return gettext("%(actor)s started %(title)s with a tag you follow") % values
