from urllib.parse import urlencode

import django_filters

from django import forms
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts import rights, roles
from common.spreadsheets import defuse_formula
from forum.admin.access import forbidden

from . import personal_data, picks_admin
from .models import SearchQueryDay, SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    """Editors keep the field's vocabulary: a search for one word also finds the words that mean the same."""

    model = SynonymGroup
    icon = "search"
    menu_label = _("Thesaurus")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]


register_snippet(SynonymGroupViewSet)


@hooks.register("register_admin_urls", order=-1)
def register_guarded_picks_urls():
    # Ahead of Wagtail's own hooks, so that these match its addresses for adding and editing picks first.
    return [
        path("searchpicks/add/", picks_admin.CreateView.as_view()),
        path("searchpicks/<int:query_id>/", picks_admin.EditView.as_view()),
    ]


# Editors' reports on what people search for: the most frequent searches and those that found nothing.

REPORT_ROLES = {roles.EDITOR, roles.BOARD, roles.ADMINISTRATOR}
PERIODS = [("30", _("Last 30 days")), ("90", _("Last 90 days")), ("365", _("Last 365 days"))]
DEFAULT_PERIOD = "30"


def may_read_search_reports(user):
    return user.is_superuser or bool(roles.group_names(user) & REPORT_ROLES)


class PeriodFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Period"),
        choices=PERIODS,
        method="in_period",
        empty_label=None,
        initial=DEFAULT_PERIOD,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = SearchQueryDay
        fields = []

    def in_period(self, queryset, name, value):
        return queryset.since(int(value))


def percent(row):
    return "" if row["zero_share"] is None else f"{row['zero_share']} %"


def picked(row):
    return _("Yes") if row.get("has_picks") else ""


class PickColumn(Column):
    """Whether the search has editors' picks, or a link that starts one with the search words filled in."""

    cell_template_name = "search/admin/pick_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["has_picks"] = instance.get("has_picks")
        context["add_url"] = reverse("wagtailsearchpromotions:add") + "?" + urlencode({"q": instance["text"]})
        context["text"] = instance["text"]
        return context


class SearchReportView(ReportView):
    """Searches of a period summed per query in the database: a fixed number of queries per page."""

    header_icon = "search"
    filterset_class = PeriodFilterSet
    is_searchable = True
    search_fields = ["text"]
    verbose_name_plural = _("searches")
    custom_field_preprocess = {"text": {ReportView.FORMAT_CSV: defuse_formula, ReportView.FORMAT_XLSX: defuse_formula}}
    export_headings = {
        "text": _("Search words"),
        "total_searches": _("Searches"),
        "total_zero_results": _("Searches without results"),
        "zero_share": _("Share without results (%)"),
        "last_day": _("Last searched"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_read_search_reports(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_filterset_kwargs(self):
        data = self.request.GET.copy()
        if data.get("period") not in dict(PERIODS):
            data["period"] = DEFAULT_PERIOD
        return {**super().get_filterset_kwargs(), "data": data}

    def summarise(self, days):
        raise NotImplementedError

    def get_base_queryset(self):
        return SearchQueryDay.objects.all()

    def get_queryset(self):
        # Period and search narrow the days; ordering applies to the sums.
        days = self.search_queryset(self.filter_queryset(self.get_base_queryset()))
        return self.order_queryset(self.summarise(days))

    def get_filtered_queryset(self):
        return self.get_queryset()

    def order_queryset(self, queryset):
        return queryset.order_by(self.ordering, "text")

    def decorate_paginated_queryset(self, object_list):
        """Mark the queries that already have editors' picks: one query for the whole page."""
        rows = list(object_list)
        if self.is_export:
            return rows
        with_picks = set(
            SearchPromotion.objects.filter(query__query_string__in=[row["text"] for row in rows]).values_list(
                "query__query_string", flat=True
            )
        )
        for row in rows:
            row["has_picks"] = row["text"] in with_picks
        return rows


class FrequentSearchesView(SearchReportView):
    page_title = _("Most frequent searches")
    index_url_name = "search_reports:frequent"
    index_results_url_name = "search_reports:frequent_results"
    export_filename = "vanligaste-sokningar"
    default_ordering = "-total_searches"
    columns = [
        Column("text", label=_("Search words"), sort_key="text"),
        NumberColumn("total_searches", label=_("Searches"), sort_key="total_searches"),
        Column("zero_share", label=_("Share without results"), accessor=percent, sort_key="zero_share"),
        Column("last_day", label=_("Last searched"), sort_key="last_day"),
        Column("has_picks", label=_("Editors' picks"), accessor=picked),
    ]
    list_export = ["text", "total_searches", "total_zero_results", "zero_share", "last_day"]

    def summarise(self, days):
        return days.totals()


class SearchesWithoutResultsView(SearchReportView):
    """Content gaps: what people looked for and did not find, the most frequent first."""

    page_title = _("Searches without results")
    header_icon = "warning"
    index_url_name = "search_reports:without_results"
    index_results_url_name = "search_reports:without_results_results"
    export_filename = "sokningar-utan-traffar"
    default_ordering = "-total_zero_results"
    columns = [
        Column("text", label=_("Search words"), sort_key="text"),
        NumberColumn("total_zero_results", label=_("Searches without results"), sort_key="total_zero_results"),
        NumberColumn("total_searches", label=_("Searches"), sort_key="total_searches"),
        Column("last_day", label=_("Last searched"), sort_key="last_day"),
        PickColumn("has_picks", label=_("Editors' picks")),
    ]
    list_export = ["text", "total_zero_results", "total_searches", "last_day"]

    def summarise(self, days):
        return days.content_gaps()


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_search_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_frequent_searches_menu_item():
    return SearchReportMenuItem(
        _("Most frequent searches"),
        reverse("search_reports:frequent"),
        name="frequent-searches",
        icon_name="search",
        order=1300,
    )


@hooks.register("register_reports_menu_item")
def register_searches_without_results_menu_item():
    return SearchReportMenuItem(
        _("Searches without results"),
        reverse("search_reports:without_results"),
        name="searches-without-results",
        icon_name="warning",
        order=1310,
    )


@hooks.register("construct_reports_menu")
def hide_wagtails_search_terms_report(request, menu_items):
    # Searches are counted in our own log, so Wagtail's "Search terms" report would stay empty.
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


@hooks.register("register_admin_urls")
def register_search_report_urls():
    urls = [
        path("vanligaste/", FrequentSearchesView.as_view(), name="frequent"),
        path("vanligaste/resultat/", FrequentSearchesView.as_view(results_only=True), name="frequent_results"),
        path("utan-traffar/", SearchesWithoutResultsView.as_view(), name="without_results"),
        path(
            "utan-traffar/resultat/",
            SearchesWithoutResultsView.as_view(results_only=True),
            name="without_results_results",
        ),
    ]
    return [path("sokningar/", include((urls, "search_reports")))]


hooks.register(rights.PERSONAL_DATA_HOOK, personal_data.export)
hooks.register(rights.ACCOUNT_CLOSING_HOOK, personal_data.remove)
