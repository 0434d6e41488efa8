"""What the notification centre lists, and what e-mail is sent about."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import NotificationChoice, NotificationGroup, notification_choice
from common.language import in_content_language
from knowledge.visibility import may_see_page

from .categories import may_see_category
from .following import ForumMember
from .moderation import ModerationAction


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("New reply in a thread you follow")
    MENTION = "mention", _("You were mentioned")
    QUOTE = "quote", _("Your post was quoted")
    ANSWER = "answer", _("Your post was marked as the answer")
    CATEGORY = "category", _("New thread in a category you follow")
    TAG = "tag", _("New thread with a tag you follow")
    PAGE_TAG = "page_tag", _("New with a tag you follow")
    SEARCH = "search", _("New match for a search you follow")
    # What the moderators did with one's own post, or with one's report.
    HIDDEN = "hidden", _("Your post was hidden")
    RESTORED = "restored", _("Your post is shown again")
    KEPT_HIDDEN = "kept_hidden", _("Your post stays hidden")
    REDACTED = "redacted", _("Personal data was removed from your post")
    EDITED = "edited", _("A moderator edited your post")
    MOVED = "moved", _("Your thread was moved")
    REPORT_HANDLED = "report_handled", _("Your report was handled")
    # The review of the knowledge bank's pages: knowledge announces it, intranet/signals.py brings it here.
    REVIEW_REQUESTED = "review_requested", _("A page waits for your review")
    PAGE_PUBLISHED = "page_published", _("Your page was approved and published")
    CHANGES_REQUESTED = "changes_requested", _("Changes were requested in your page")


# Which of the person's choices (accounts.models.NotificationGroup) decides how they hear of each kind.
GROUP_OF_KIND = {
    NotificationKind.MENTION: NotificationGroup.MENTION,
    NotificationKind.QUOTE: NotificationGroup.MENTION,
    NotificationKind.REPLY: NotificationGroup.REPLY,
    NotificationKind.ANSWER: NotificationGroup.REPLY,
    NotificationKind.CATEGORY: NotificationGroup.FOLLOWED,
    NotificationKind.TAG: NotificationGroup.FOLLOWED,
    NotificationKind.PAGE_TAG: NotificationGroup.FOLLOWED,
    NotificationKind.SEARCH: NotificationGroup.FOLLOWED,
    NotificationKind.HIDDEN: NotificationGroup.MODERATION,
    NotificationKind.RESTORED: NotificationGroup.MODERATION,
    NotificationKind.KEPT_HIDDEN: NotificationGroup.MODERATION,
    NotificationKind.REDACTED: NotificationGroup.MODERATION,
    NotificationKind.EDITED: NotificationGroup.MODERATION,
    NotificationKind.MOVED: NotificationGroup.MODERATION,
    NotificationKind.REPORT_HANDLED: NotificationGroup.MODERATION,
    NotificationKind.REVIEW_REQUESTED: NotificationGroup.REVIEW,
    NotificationKind.PAGE_PUBLISHED: NotificationGroup.REVIEW,
    NotificationKind.CHANGES_REQUESTED: NotificationGroup.REVIEW,
}


def choice_for(kind, notification_email, preferences):
    """How a person with these choices hears of a notification of `kind` (accounts.models.notification_choice)."""
    return notification_choice(GROUP_OF_KIND[kind], notification_email, preferences)


def wanted(kind, notification_email, preferences):
    """Whether a notification of `kind` is made at all: not when the person turned its kind off."""
    return choice_for(kind, notification_email, preferences) != NotificationChoice.OFF


# What became of a report, by what the moderator did; closing it without acting is the default.
REPORT_OUTCOMES = {
    ModerationAction.Action.HIDE_POST: _("the post is hidden"),
    ModerationAction.Action.HIDE_THREAD: _("the thread is hidden"),
    ModerationAction.Action.REDACT: _("personal data was removed from the post"),
    ModerationAction.Action.MOVE: _("the thread was moved to a better place"),
    None: _("the post stays as it is"),
}
# What the moderators did, in one sentence with the thread's title and without it (for e-mail: the title may be
# what was hidden or removed). Never the post's text; the reason is the moderator's, written for the log.
MODERATION_WORDS = {
    NotificationKind.HIDDEN: (
        _("A moderator hid your post in “%(title)s”. Reason: %(reason)s. Change it and ask for it to be shown again."),
        _(
            "A moderator hid one of your posts in the forum. Reason: %(reason)s. "
            "Change it and ask for it to be shown again."
        ),
    ),
    NotificationKind.KEPT_HIDDEN: (
        _("The moderators looked at your post in “%(title)s” again: it stays hidden. Reason: %(reason)s."),
        _("The moderators looked at your post again: it stays hidden. Reason: %(reason)s."),
    ),
    NotificationKind.RESTORED: (
        _("A moderator shows your post in “%(title)s” again."),
        _("A moderator shows your post in “%(title)s” again."),
    ),
    NotificationKind.REDACTED: (
        _("A moderator removed personal data from your post in “%(title)s”. Reason: %(reason)s."),
        _("A moderator removed personal data from one of your posts. Reason: %(reason)s."),
    ),
    NotificationKind.EDITED: (
        _("A moderator edited your post in “%(title)s”."),
        _("A moderator edited one of your posts in the forum."),
    ),
    NotificationKind.MOVED: (
        _("A moderator moved your thread “%(title)s” to %(category)s. Reason: %(reason)s."),
        _("A moderator moved one of your threads to %(category)s. Reason: %(reason)s."),
    ),
    NotificationKind.REPORT_HANDLED: (
        _("The moderators have handled your report on a post in “%(title)s”: %(outcome)s."),
        _("The moderators have handled your report: %(outcome)s."),
    ),
}
# What fills a sentence from the content, in the site's language whatever the interface speaks.
CONTENT_VALUES = {"title", "reason"}
# About the hiding itself: shown to their recipient while the post or thread is hidden.
ABOUT_HIDDEN_CONTENT = {NotificationKind.HIDDEN, NotificationKind.KEPT_HIDDEN, NotificationKind.REPORT_HANDLED}
# Wagtail's own review e-mail tells of these at once, so the forum mails them only in the digest of those who
# chose a daily digest for reviews (accounts.models.NotificationGroup.REVIEW).
REVIEW = {NotificationKind.REVIEW_REQUESTED, NotificationKind.PAGE_PUBLISHED, NotificationKind.CHANGES_REQUESTED}


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
        shown = Q(thread__is_hidden=False) & (Q(post__isnull=True) | Q(post__is_hidden=False))
        visible_thread = Q(thread__isnull=False) & may_see & (Q(kind__in=ABOUT_HIDDEN_CONTENT) | shown)
        # A page in review is no one's to read yet: its reviewers and author were chosen by the review's rules.
        may_read = may_see_page(page=OuterRef("page_id"), person=OuterRef("recipient_id"))
        visible_page = Q(page__isnull=False) & (Q(kind__in=REVIEW) | may_read)
        return self.filter(visible_thread | visible_page)

    def for_person(self, user):
        """The person's notifications that they may still see, newest first, ready to be listed."""
        return (
            self.filter(recipient=user)
            .still_visible()
            .select_related("thread__category", "post", "actor", "page", "moderation_action")
            .order_by("-created_at", "-pk")
        )

    def unread_count(self, user):
        """The header's count on every page. Most people have nothing unread most of the time: a plain indexed
        look first, and the full rule of what the person may still see only when there is something to count."""
        unread = self.filter(recipient=user).unread()
        if not unread.exists():
            return 0
        return unread.still_visible().count()

    def for_digest(self, frequency, *, now, window):
        """Unread, not yet mailed notifications whose kind the person gets in this digest, oldest first.

        Since each person's last digest; a first digest looks back one `window` only, not over all history. The
        choice per kind is read in Python (`choice_for`), so the result is a list.
        """
        last_digest = ForumMember.objects.filter(user=OuterRef("recipient_id"), last_digest_at__isnull=False)
        since_last_digest = Exists(last_digest.filter(last_digest_at__lt=OuterRef("created_at")))
        first_digest = ~Exists(last_digest) & Q(created_at__gte=now - window)
        candidates = (
            self.unread()
            .still_visible()
            .filter(
                since_last_digest | first_digest,
                emailed_at__isnull=True,
                recipient__is_active=True,
            )
            .select_related("recipient", "thread__category", "post", "actor", "page", "moderation_action")
            .order_by("recipient_id", "created_at", "pk")
        )
        return [
            notification
            for notification in candidates
            if choice_for(
                notification.kind,
                notification.recipient.notification_email,
                notification.recipient.notification_preferences,
            )
            == frequency
        ]


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
    # What a moderator did, for the reason and the outcome: read from the log, never copied, so that a
    # redaction of the log's reason reaches the notification too.
    moderation_action = models.ForeignKey(
        "forum.ModerationAction", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
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
            if self.kind in (NotificationKind.REVIEW_REQUESTED, NotificationKind.CHANGES_REQUESTED):
                return reverse("wagtailadmin_pages:edit", args=[self.page_id])
            return self.page.url
        if self.kind in (NotificationKind.HIDDEN, NotificationKind.KEPT_HIDDEN):
            # Where the author can change the hidden post and ask for it back.
            return reverse("forum:edit_post", args=[self.post_id])
        if self.thread.is_hidden:
            return reverse("forum:index")
        if self.post_id and not self.post.is_hidden:
            return self.thread.url_of_post(self.post.number)
        return self.thread.get_absolute_url()

    def describe(self, *, in_email=False, html=False):
        """What happened, in one sentence: "Anna Larsson mentioned you in <title>". Never quotes the post.

        In e-mail, what concerns hidden content names no title: it may be what was hidden. As `html`, escaped, with
        what comes from the content (a title, a category, the moderator's reason) marked as Swedish in the English
        interface.
        """
        words, values = self._words(in_email=in_email)
        if not html:
            return str(words) % values
        marked = {
            name: in_content_language(value) if name in CONTENT_VALUES else conditional_escape(value)
            for name, value in values.items()
        }
        return mark_safe(conditional_escape(str(words)) % marked)  # noqa: S308  # nosec B308 B703 — every part escaped above

    def _words(self, *, in_email):
        """The sentence, not yet filled in, and what fills it."""
        if self.kind == NotificationKind.SEARCH:
            title = self.page.title if self.page_id else self.thread.title
            return _("New match for a search you follow: %(title)s"), {"title": title}
        if self.page_id:
            return self._page_words()
        if self.kind in MODERATION_WORDS:
            return self._moderation_words(in_email=in_email)
        actor = str(self.actor) if self.actor_id else gettext("Someone")
        values = {"actor": actor, "title": self.thread.title}
        match self.kind:
            case NotificationKind.MENTION:
                return _("%(actor)s mentioned you in %(title)s"), values
            case NotificationKind.QUOTE:
                return _("%(actor)s quoted you in %(title)s"), values
            case NotificationKind.ANSWER:
                return _("%(actor)s marked your reply as the answer in %(title)s"), values
            case NotificationKind.REPLY:
                return _("%(actor)s replied in %(title)s"), values
            case NotificationKind.CATEGORY:
                values["category"] = self.thread.category.label
                return _("%(actor)s started %(title)s in %(category)s"), values
            case _:
                return _("%(actor)s started %(title)s with a tag you follow"), values

    def _page_words(self):
        values = {"actor": str(self.actor) if self.actor_id else gettext("Someone"), "title": self.page.draft_title}
        match self.kind:
            case NotificationKind.REVIEW_REQUESTED:
                return _("%(actor)s asks you to review “%(title)s”"), values
            case NotificationKind.PAGE_PUBLISHED:
                return _("%(actor)s approved “%(title)s”: it has been published"), values
            case NotificationKind.CHANGES_REQUESTED:
                return _("%(actor)s asks for changes in “%(title)s” before it is published"), values
            case _:
                return _("New with a tag you follow: %(title)s"), {"title": self.page.title}

    def _moderation_words(self, *, in_email):
        action = self.moderation_action
        # The reason ends each sentence it is in, whether or not the moderator ended it with a full stop.
        values = {"title": self.thread.title, "reason": action.reason.rstrip(". ") if action else ""}
        if self.kind == NotificationKind.REPORT_HANDLED:
            values["outcome"] = REPORT_OUTCOMES.get(action and action.action, REPORT_OUTCOMES[None])
        if self.kind == NotificationKind.MOVED:
            moved_to = (action.details.get("to") or {}) if action else {}
            # The category's name in the reader's language while the thread is still where it was moved to.
            here = self.thread.category if self.thread.category_id == moved_to.get("id") else None
            values["category"] = here.label if here else moved_to.get("name", "")
        # A report's thread may be hidden now: its reporter is not shown the title any more.
        untitled = in_email or (self.kind == NotificationKind.REPORT_HANDLED and self.thread.is_hidden)
        titled_words, untitled_words = MODERATION_WORDS[self.kind]
        return (untitled_words if untitled else titled_words), values
