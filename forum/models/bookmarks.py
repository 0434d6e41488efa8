"""What people save to read again ("Sparat"): threads, and pages of the knowledge bank or the campaign month."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from knowledge.visibility import visible_pages

from .threads import Thread


class BookmarkQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(user=user)

    def still_visible_to(self, user):
        """Those whose thread or page the person may still see.

        A category closed to them, a thread hidden, a page unpublished or restricted since it was saved takes the
        bookmark out of sight, not out of the table: it comes back if the thread or page does.
        """
        threads = Thread.objects.visible_to(user).values("pk")
        pages = visible_pages(Page.objects.all(), user).values("pk")
        return self.filter(Q(thread__in=threads) | Q(page__in=pages))

    def for_person(self, user):
        """The person's bookmarks they may still see, the latest saved first, ready to be listed."""
        return (
            self.owned_by(user)
            .still_visible_to(user)
            .select_related("thread__category", "page__content_type")
            .order_by("-created_at", "-pk")
        )


class Bookmark(models.Model):
    """One person saved one thread or one page, to find it again under "Sparat"."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmarks")
    thread = models.ForeignKey("forum.Thread", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # A deleted page takes its bookmarks with it, as a thread does: a bookmark is a pointer, no one's writing.
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = BookmarkQuerySet.as_manager()

    class Meta:
        verbose_name = _("bookmark")
        verbose_name_plural = _("bookmarks")
        constraints = [
            models.CheckConstraint(
                condition=Q(thread__isnull=False, page__isnull=True) | Q(thread__isnull=True, page__isnull=False),
                name="bookmark_names_a_thread_or_a_page",
            ),
            models.UniqueConstraint(fields=["user", "thread"], name="unique_thread_bookmark"),
            models.UniqueConstraint(fields=["user", "page"], name="unique_page_bookmark"),
        ]

    def __str__(self):
        return f"{self.user}: {self.thread or self.page}"

    def get_absolute_url(self):
        return self.thread.get_absolute_url() if self.thread_id else self.page.url
