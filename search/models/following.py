"""Searches people follow: new matches reach them through the forum's notifications."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .queries import MAX_TEXT_LENGTH

MAX_FILTERS_LENGTH = 500


class FollowedSearchQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, user__is_active=True)

    def of(self, user):
        return self.filter(user=user, is_active=True).order_by("text", "pk")


class FollowedSearch(models.Model):
    """A person follows a search (its words and filters); `checked_at` is how far new matches have been told.

    Unfollowing keeps the row with `is_active` off: nothing a person wrote is hard-deleted.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_searches")
    text = models.CharField(_("search words"), max_length=MAX_TEXT_LENGTH)
    # The filters as the address carries them (typ=metod&kommun=sigtuna), read again with search.filters.
    filters = models.CharField(_("filters"), max_length=MAX_FILTERS_LENGTH, blank=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    checked_at = models.DateTimeField(default=timezone.now)

    objects = FollowedSearchQuerySet.as_manager()

    class Meta:
        verbose_name = _("followed search")
        verbose_name_plural = _("followed searches")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "text", "filters"], condition=Q(is_active=True), name="followed_search_once"
            )
        ]

    def __str__(self):
        return f"{self.user}: {self.text}"
