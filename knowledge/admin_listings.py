"""Wagtail admin views that do not ask the page permission policy, narrowed to what the person may see
(knowledge/admin_visibility.py): the page types report, the tag autocomplete, the explorer and page
chooser opened on a page as parent (which name that page), and the page and document choosers' answers
for chosen ids (which name what they are given).

At Wagtail's own addresses, listed in intranet/urls.py ahead of the admin's URLs.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.http import Http404, JsonResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from wagtail.admin import urls as wagtail_admin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.workflow import PreviewRevisionForTask
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.documents import get_document_model
from wagtail.documents.views.chooser import viewset as document_chooser
from wagtail.models import Page

from common.params import positive_int

from .admin_visibility import documents_shown_in_admin, pages_shown_in_admin, tags_shown_in_admin
from .vocabulary import named_or_called


class ShownPageTypesUsageReportView(PageTypesUsageReportView):
    """Wagtail's report counts every page of a type and names the last edited one, drafts and
    restricted pages included; here both come from the pages shown to the person."""

    def get_queryset(self):
        self.queryset = ContentType.objects.filter(model__in=self.page_models)
        content_types = self.filter_queryset(self.queryset)
        pages = pages_shown_in_admin(Page.objects.all(), self.request.user)
        if site_root_path := self.filters.form.cleaned_data.get("site"):
            pages = pages.filter(path__startswith=site_root_path)
        last_edited = pages.filter(content_type=OuterRef("pk")).order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        return content_types.annotate(
            count=Count("pages", filter=Q(pages__in=pages.values("pk"))),
            last_edited_page_id=Subquery(last_edited.values("pk")[:1]),
        ).order_by("-count", "app_label", "model")


def tag_autocomplete(request, app_name="taggit", model_name="tag"):
    """Wagtail's tag autocomplete, suggesting only tags the person has met, by name or synonym; the project has
    one tag model."""
    if (app_name, model_name) != ("taggit", "tag"):
        raise Http404
    term = request.GET.get("term", "")
    if not term:
        return JsonResponse([], safe=False)
    tags = tags_shown_in_admin(request.user).filter(named_or_called(term, "istartswith")).order_by("name")
    return JsonResponse(list(tags.values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]), safe=False)


def wagtail_admin_view(name):
    return next(
        pattern.callback for pattern in wagtail_admin_urls.urlpatterns if getattr(pattern, "name", None) == name
    )


def for_a_shown_page(view, argument="page_id"):
    """A Wagtail view about one page, answering "not found" for a page not shown to the person: the explorer and
    chooser opened on a page name it in their header, and the workflow preview names any page in its message."""

    def guarded(request, **kwargs):
        if not pages_shown_in_admin(Page.objects.filter(pk=kwargs[argument]), request.user).exists():
            raise Http404
        return view(request, **kwargs)

    return guarded


def under_a_shown_parent(name):
    return for_a_shown_page(wagtail_admin_view(name), argument="parent_page_id")


def shown_document(view):
    """The document chooser's answer for one document, which names it, only for a document shown to the person."""

    def guarded(request, pk, **kwargs):
        documents = documents_shown_in_admin(get_document_model().objects.filter(pk=positive_int(pk)), request.user)
        if not documents.exists():
            raise Http404
        return view(request, pk=pk, **kwargs)

    return guarded


def only_shown_ids(view, shown):
    """A chooser's answer for the objects chosen by `?id=`, asked only for those `shown(ids, user)` lets
    through: Wagtail's page and document choosers name whatever ids they are given."""

    def guarded(request, **kwargs):
        asked = [number for value in request.GET.getlist("id") if (number := positive_int(value))]
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in shown(asked, request.user)])
        return view(request, **kwargs)

    return guarded


def shown_pages(ids, user):
    # Never the root, which Wagtail's answer would ask for its parent.
    return pages_shown_in_admin(Page.objects.filter(pk__in=ids, depth__gt=1), user).values_list("pk", flat=True)


def shown_documents(ids, user):
    return documents_shown_in_admin(get_document_model().objects.filter(pk__in=ids), user).values_list("pk", flat=True)


def admin_view(view):
    return never_cache(require_admin_access(view))


urlpatterns = [
    path("admin/pages/<int:parent_page_id>/", admin_view(under_a_shown_parent("wagtailadmin_explore"))),
    path("admin/pages/<int:parent_page_id>/results/", admin_view(under_a_shown_parent("wagtailadmin_explore_results"))),
    path("admin/choose-page/<int:parent_page_id>/", admin_view(under_a_shown_parent("wagtailadmin_choose_page_child"))),
    path("admin/reports/page-types-usage/", admin_view(ShownPageTypesUsageReportView.as_view())),
    path(
        "admin/reports/page-types-usage/results/",
        admin_view(ShownPageTypesUsageReportView.as_view(results_only=True)),
    ),
    path(
        "admin/pages/workflow/preview/<int:page_id>/<int:task_id>/",
        admin_view(for_a_shown_page(PreviewRevisionForTask.as_view())),
    ),
    path(
        "admin/choose-page/chosen-multiple/",
        admin_view(only_shown_ids(wagtail_admin_view("wagtailadmin_choose_page_chosen_multiple"), shown_pages)),
    ),
    path("admin/documents/chooser/chosen/<str:pk>/", admin_view(shown_document(document_chooser.chosen_view))),
    path(
        "admin/documents/chooser/chosen-multiple/",
        admin_view(only_shown_ids(document_chooser.chosen_multiple_view, shown_documents)),
    ),
    path("admin/tag-autocomplete/", admin_view(tag_autocomplete)),
    path("admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/", admin_view(tag_autocomplete)),
]
