"""The search page, the JSON API and the suggestions as you type: one engine behind all three."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from common.params import positive_int

from . import engine, filters, promotions, querylog, suggestions
from .models.documents import MUNICIPALITY_FACET, TYPE_FACET, Facet, Kind
from .question import MAX_QUERY_LENGTH

PER_PAGE = 10


def _page_number(params):
    return positive_int(params.get("page"), 1)


def _run(request, params):
    """Search as `params` ask; notices say what was shortened or ignored."""
    text = params.get("q", "")
    chosen_filters, chosen, unknown = filters.read_filters(params, request.user)
    results = engine.search(
        request.user, text, filters=chosen_filters, page=_page_number(params), per_page=PER_PAGE, request=request
    )
    notices = []
    if results.question.shortened:
        notices.append(_("Your search was shortened to the first %(count)s characters.") % {"count": MAX_QUERY_LENGTH})
    for name, value in unknown:
        notices.append(
            _("“%(value)s” is not a value of the filter “%(filter)s”; it was left out.")
            % {"value": value, "filter": filters.FACET_TITLES[name]}
        )
    if results.partial:
        notices.append(_("Few pages hold all your words; pages that hold some of them follow, the closest first."))
    return results, chosen_filters, chosen, notices


@require_GET
def search(request):
    text = request.GET.get("q", "")
    if not text.strip():
        return render(request, "search/search.html", {"query": "", "results": None})
    results, chosen_filters, chosen, notices = _run(request, request.GET)
    if text.strip() and not results.question.concepts:
        notices.append(_("Search for words: punctuation and symbols on their own find nothing."))
    if results.question.concepts and _page_number(request.GET) == 1 and not chosen_filters:
        # Counted once per search: turning the page or narrowing by a filter is not a new one.
        querylog.record(text, results.count)
    page_obj = Paginator(range(results.count), PER_PAGE).get_page(results.page) if results.count else None
    keep = {key: request.GET.getlist(key) for key in ["q", *filters.PARAMETERS] if request.GET.getlist(key)}
    context = {
        "query": results.question.text,
        "results": results,
        "page_obj": page_obj,
        "query_string": urlencode(keep, doseq=True),
        "groups": filters.facet_groups(results.facets, chosen_filters, chosen, request.GET),
        "notices": notices,
        "filtered": bool(chosen_filters),
        "clear_filters_url": "?" + urlencode({"q": text}),
        "picks": promotions.picks_for(results.question.text) if results.page == 1 else [],
    }
    return render(request, "search/search.html", context)


def _event_fields(hit):
    """An event's type and times in the API: what a calendar or a list needs to place it."""
    if hit.event is None:
        return {}
    return {
        "event_type": hit.context,
        "starts_at": timezone.localtime(hit.event.starts_at).isoformat(),  # Swedish time, with its offset
        "ends_at": timezone.localtime(hit.event.ends_at).isoformat(),
        "past": hit.event.is_past,
        "cancelled": hit.event.is_cancelled,
    }


@require_GET
def api(request):
    """GET /api/search/?q=…&type=…&municipality=…&tag=… as in DESIGN.md, with the page's ranking and permissions."""
    params = request.GET.copy()
    for english, swedish in (("type", TYPE_FACET), ("municipality", MUNICIPALITY_FACET), ("tag", Facet.TAG)):
        if english in params:
            params.setlist(swedish, params.getlist(english))
    results, _filters, _chosen, notices = _run(request, params)
    return JsonResponse(
        {
            "count": results.count,
            "page": results.page,
            "pages": results.num_pages,
            "results": [
                {
                    "type": hit.kind,
                    "type_label": str(Kind(hit.kind).label),
                    "title": hit.title,
                    "url": request.build_absolute_uri(hit.url),
                    "snippet": str(hit.snippet),
                    "municipality": hit.municipality,
                    "tags": hit.tags,
                    **_event_fields(hit),
                }
                for hit in results.hits
            ],
            "notices": [str(notice) for notice in notices],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def suggest(request):
    """Titles and tags that start like what is being typed, for the search box."""
    return JsonResponse(
        {"suggestions": suggestions.suggest(request.user, request.GET.get("q", ""))},
        json_dumps_params={"ensure_ascii": False},
    )
