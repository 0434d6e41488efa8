"""The admin's "Site history" report, without the forum categories the person may not see.

Wagtail shows every log entry of a model to anyone with a permission on that model,
so an editor would read the names of categories restricted away from them there.
"""

from django.contrib.contenttypes.models import ContentType
from django.urls import path
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import ModelLogEntry

from ..models import Category
from .categories import categories_in_admin


class SiteHistoryView(LogEntriesView):
    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if queryset.model is not ModelLogEntry:
            return queryset
        hidden = Category.objects.exclude(pk__in=categories_in_admin(self.request.user).values("pk"))
        return queryset.exclude(
            content_type=ContentType.objects.get_for_model(Category),
            object_id__in=[str(pk) for pk in hidden.values_list("pk", flat=True)],
        )


def view(**kwargs):
    return never_cache(require_admin_access(SiteHistoryView.as_view(**kwargs)))


# Mounted at Wagtail's own addresses, ahead of the admin's URLs (intranet/urls.py).
urlpatterns = [
    path("site-history/", view()),
    path("site-history/results/", view(results_only=True)),
]
