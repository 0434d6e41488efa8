"""The search page, the JSON API and the suggestions as you type: one engine behind all three."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from common.params import positive_int
from privacy.forms import PersonalDataGuardMixin

from . import caching, engine, filters, following, promotions, querylog, suggestions
from .dialects import NEWEST, ORDERS, RELEVANCE
from .models import FollowedSearch
from .models.documents import MUNICIPALITY_FACET, TYPE_FACET, Facet, Kind
from .question import MAX_QUERY_LENGTH

PER_PAGE = 10
# The address parameter of the order of hits: ?ordning=datum for the newest first.
ORDER_PARAMETER = "ordning"


def _order(params):
    value = params.get(ORDER_PARAMETER)
    return value if value in ORDERS else RELEVANCE


def _page_number(params):
    return positive_int(params.get("page"), 1)


def _run(request, params):
    """Search as `params` ask; notices say what was shortened or ignored."""
    text = params.get("q", "")
    chosen_filters, chosen, unknown = filters.read_filters(params, request.user)
    results = engine.search(
        request.user,
        text,
        filters=chosen_filters,
        page=_page_number(params),
        per_page=PER_PAGE,
        request=request,
        order=_order(params),
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
    if results.related:
        notices.append(_("Few pages matched; pages about the same subjects as the first ones follow them."))
    if results.capped:
        notices.append(
            _("Very many pages match: the best %(count)s are shown, and the filters count among them.")
            % {"count": number_format(engine.WINDOW, force_grouping=True)}
        )
    return results, chosen_filters, chosen, notices


@require_GET
def search(request):
    text = request.GET.get("q", "")
    if not text.strip():
        followed = FollowedSearch.objects.of(request.user)
        return render(request, "search/search.html", {"query": "", "results": None, "followed_searches": followed})
    results, chosen_filters, chosen, notices = _run(request, request.GET)
    if text.strip() and not results.question.concepts:
        notices.append(_("Search for words: punctuation and symbols on their own find nothing."))
    if results.question.concepts and _page_number(request.GET) == 1 and not chosen_filters:
        # Counted once per search: turning the page or narrowing by a filter is not a new one. What was typed
        # is what found nothing when the results are for a corrected question: the editors' report shows it.
        querylog.record(text, 0 if results.typed else results.count)
    keep = {
        key: request.GET.getlist(key) for key in ["q", *filters.PARAMETERS, ORDER_PARAMETER] if request.GET.getlist(key)
    }
    unordered = {key: values for key, values in keep.items() if key != ORDER_PARAMETER}
    order = _order(request.GET)
    clear_url = "?" + urlencode({"q": text})

    def draw():
        page_obj = Paginator(range(results.count), PER_PAGE).get_page(results.page) if results.count else None
        groups = filters.facet_groups(results.facets, chosen_filters, chosen, request.GET)
        shown = {"query": results.question.text, "filtered": bool(chosen_filters), "clear_filters_url": clear_url}
        hits = {
            **shown,
            "results": results,
            "page_obj": page_obj,
            "query_string": urlencode(keep, doseq=True),
            "ask_url": reverse("forum:new_thread") + "?" + urlencode({"rubrik": results.question.text}),
        }
        return caching.Drawn(
            facets=render_to_string("search/facets.html", {**shown, "groups": groups}) if groups else "",
            hits=render_to_string("search/hits.html", hits),
            until=caching.first_end(results.hits),
        )

    # What was asked, as read: the words, the filters as found (a tag is found only where the reader may see it),
    # the order and the page.
    asked = (sorted(keep.items()), chosen_filters, sorted((name, obj.pk) for name, obj in chosen.items()), results.page)
    context = {
        "query": results.question.text,
        "results": results,
        "drawn": caching.drawn_results(request, asked, results.category_ids, draw),
        "notices": notices,
        "picks": promotions.picks_for(results.question.text) if results.page == 1 else [],
        "orders": [
            {
                "label": label,
                "url": "?" + urlencode({**unordered, ORDER_PARAMETER: value}, doseq=True),
                "selected": order == value,
            }
            for value, label in ((RELEVANCE, _("Relevance")), (NEWEST, _("Newest first")))
        ],
        "suggestion_url": "?" + urlencode({"q": results.suggestion}) if results.suggestion else "",
        "followed": following.followed(request.user, results.question.text, request.GET),
        "follow_filters": [(key, value) for key in filters.PARAMETERS for value in request.GET.getlist(key)],
    }
    return render(request, "search/search.html", context)


class FollowSearchForm(PersonalDataGuardMixin, forms.Form):
    """Follow the search on the page: its words come from the page, not typed here (`following.follow` guards them)."""

    q = forms.CharField(max_length=MAX_QUERY_LENGTH, widget=forms.HiddenInput)


def _back(request, fallback):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(fallback)


@require_POST
def follow(request):
    """Follow the search with these words and filters; new matches come as notifications."""
    form = FollowSearchForm(request.POST)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    search_url = reverse("search:search") + "?" + urlencode({"q": text})
    if following.follow(request.user, text, request.POST):
        messages.success(request, _("You follow the search. New matches come among your notifications."))
    else:
        messages.error(request, _("This search cannot be followed: it is empty or holds personal data."))
    return _back(request, search_url)


@require_POST
def unfollow(request, pk):
    """Stop following one of one's own searches (another person's is not found)."""
    if following.unfollow(request.user, pk):
        messages.success(request, _("You no longer follow the search."))
    return _back(request, reverse("search:search"))


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
