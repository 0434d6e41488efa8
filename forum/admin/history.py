"""The admin's "Site history" report, without the forum categories and documents the person may not see.

Wagtail shows every log entry of a model to anyone with a permission on that model,
so an editor would read the names of categories restricted away from them there, and an
employee the titles of documents in a collection restricted away from them. Page entries
follow the pages the admin shows the person (knowledge/admin_visibility.py), through the
page permission policy Wagtail asks for them.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.urls import path
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry

from knowledge.admin_visibility import documents_shown_in_admin

from ..models import Category
from .categories import categories_in_admin


def entries_about(objects):
    # A log entry keeps its object's id as text, for models of any kind of key.
    ids = objects.annotate(text_id=Cast("pk", CharField())).values("text_id")
    return Q(content_type=ContentType.objects.get_for_model(objects.model), object_id__in=ids)


class SiteHistoryView(LogEntriesView):
    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if queryset.model is not ModelLogEntry:
            return queryset
        user = self.request.user
        documents = get_document_model().objects.all()
        hidden_categories = Category.objects.exclude(pk__in=categories_in_admin(user).values("pk"))
        hidden_documents = documents.exclude(pk__in=documents_shown_in_admin(documents, user).values("pk"))
        return queryset.exclude(entries_about(hidden_categories)).exclude(entries_about(hidden_documents))


def view(**kwargs):
    return never_cache(require_admin_access(SiteHistoryView.as_view(**kwargs)))


# Mounted at Wagtail's own addresses, ahead of the admin's URLs (intranet/urls.py).
urlpatterns = [
    path("site-history/", view()),
    path("site-history/results/", view(results_only=True)),
]
