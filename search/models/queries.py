"""What people search for, counted per day: the editors' view of what is asked and what is missing.

Only the query text is kept, never who asked: one row per normalised query and day.
"""

from datetime import timedelta

from django.db import models
from django.db.models import FloatField, IntegerField, Max, Sum
from django.db.models.functions import Cast, NullIf, Round
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_TEXT_LENGTH = 200


class SearchQueryDayQuerySet(models.QuerySet):
    def since(self, days):
        """Rows of the last `days` days, today included."""
        return self.filter(day__gt=timezone.localdate() - timedelta(days=days))

    def totals(self):
        """One dict per query, summed in SQL: text, total_searches, total_zero_results, zero_share (%), last_day."""
        searches = Sum("searches")
        zero_results = Sum("zero_results")
        return self.values("text").annotate(
            total_searches=searches,
            total_zero_results=zero_results,
            zero_share=Cast(Round(Cast(zero_results, FloatField()) * 100 / NullIf(searches, 0)), IntegerField()),
            last_day=Max("day"),
        )

    def content_gaps(self):
        """The totals of queries that found nothing at least once."""
        return self.totals().filter(total_zero_results__gt=0)


class SearchQueryDay(models.Model):
    """How often one query was searched on one day, and how often it found nothing."""

    text = models.CharField(_("search words"), max_length=MAX_TEXT_LENGTH)
    day = models.DateField(_("day"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(_("searches without results"), default=0)

    objects = SearchQueryDayQuerySet.as_manager()

    class Meta:
        verbose_name = _("search of the day")
        verbose_name_plural = _("searches per day")
        constraints = [models.UniqueConstraint(fields=["text", "day"], name="site_search_query_per_day")]
        # The reports read a period of days and group it by text.
        indexes = [models.Index(fields=["day", "text"], name="site_search_query_day_text")]

    def __str__(self):
        return f"{self.text} ({self.day:%Y-%m-%d})"
