"""Filtering, counting, sorting and paging a listing of knowledge pages from the query string.

Every facet is a GET parameter holding slugs; values within a facet widen the
result (or), facets narrow it (and). Each value's count is what the result
would be with that value added, so a person sees where a click leads. The
number of queries is fixed: one per facet for the counts, one per facet for
its values, and the page of results.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from taggit.models import Tag

from accounts.models import Municipality, Sector

from .tags import tags_visible_to
from .taxonomies import AgeGroup, EvidenceLevel, PreventionLevel, TargetGroup, ViolenceType

PAGE_SIZE = 20
MAX_VALUES_PER_FACET = 20


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    model: type
    path: str  # lookup from the listed page to the value
    label_attr: str = "label"
    values_for: object = None  # user -> the values the person may choose, when not every value is for everyone

    def values_visible_to(self, user):
        return self.values_for(user) if self.values_for else self.model.objects.all()


FACETS = [
    Facet("kommun", gettext_lazy("Municipality"), Municipality, "municipality", "name"),
    Facet("malgrupp", gettext_lazy("Target group"), TargetGroup, "target_groups"),
    Facet("alder", gettext_lazy("Age group"), AgeGroup, "age_groups"),
    Facet("vald", gettext_lazy("Form of violence"), ViolenceType, "violence_types"),
    Facet("verksamhet", gettext_lazy("Sector"), Sector, "sectors"),
    Facet("prevention", gettext_lazy("Prevention level"), PreventionLevel, "prevention_level"),
    Facet("kunskapslage", gettext_lazy("Evidence level"), EvidenceLevel, "evidence_level"),
    Facet("tagg", gettext_lazy("Tag"), Tag, "tags", "name", values_for=tags_visible_to),
]

# Experiences are classified by prevention and evidence through the methods they used.
EXPERIENCE_PATHS = {"prevention": "methods__prevention_level", "kunskapslage": "methods__evidence_level"}

SORTS = {
    "nyast": (gettext_lazy("Newest first"), ["-first_published_at", "-pk"]),
    "titel": (gettext_lazy("Title"), ["title", "pk"]),
}
DEFAULT_SORT = "nyast"


@dataclass
class FacetValue:
    slug: str
    label: str
    count: int
    selected: bool
    explanation: str = ""  # what a level means, where the taxonomy explains it


@dataclass
class FacetState:
    facet: Facet
    path: str
    selected: list = field(default_factory=list)  # the chosen objects
    values: list = field(default_factory=list)

    @property
    def param(self):
        return self.facet.param

    @property
    def label(self):
        return self.facet.label


class FacetedListing:
    """The listing the query string asks for. Nothing is read until it is first asked for (the template, or a
    test): a listing the template finds in the cache (knowledge/parts.py) costs no query."""

    def __init__(self, request, pages, page_model):
        self.request = request
        self.pages = pages
        self.page_model = page_model
        self._notices = []

    @cached_property
    def states(self):
        return self._read_facets(self.request.GET)

    @cached_property
    def sort(self):
        return self._read_sort(self.request.GET.get("ordning", DEFAULT_SORT))

    @cached_property
    def results(self):
        results = self._paginate(self._filtered(self.pages, exclude=None))
        for state in self.states:
            self._count(state, self.pages)
        return results

    @property
    def notices(self):
        """What in the query string was ignored, and why."""
        self.states, self.sort  # noqa: B018 - reading them notes what was ignored
        return self._notices

    # Reading the query string

    def _read_facets(self, query):
        states = []
        for facet in FACETS:
            path = self._path_for(facet)
            if path is None:
                continue
            state = FacetState(facet, path)
            slugs = [slug for slug in query.getlist(facet.param) if slug][:MAX_VALUES_PER_FACET]
            if slugs:
                state.selected = list(facet.values_visible_to(self.request.user).filter(slug__in=slugs))
                unknown = sorted(set(slugs) - {item.slug for item in state.selected})
                if unknown:
                    self._notices.append(
                        _("Unknown filter value ignored: %(facet)s “%(values)s”.")
                        % {"facet": facet.label, "values": ", ".join(value[:50] for value in unknown)}
                    )
            states.append(state)
        return states

    def _path_for(self, facet):
        if self.page_model._meta.model_name == "experiencepage" and facet.param in EXPERIENCE_PATHS:
            return EXPERIENCE_PATHS[facet.param]
        field_name = facet.path.split("__", 1)[0]
        try:
            self.page_model._meta.get_field(field_name)
        except Exception:  # noqa: BLE001 - the model does not carry this facet
            return None
        return facet.path

    def _read_sort(self, key):
        if key in SORTS:
            return key
        self._notices.append(_("Unknown sort order ignored; showing the newest first."))
        return DEFAULT_SORT

    # Querying

    def _filtered(self, pages, exclude):
        for state in self.states:
            if state is not exclude and state.selected:
                pages = pages.filter(**{f"{state.path}__in": state.selected})
        return pages

    def _paginate(self, pages):
        ordered = (
            pages.distinct()
            .order_by(*SORTS[self.sort][1])
            .select_related("municipality")
            .prefetch_related("target_groups", "tags")
        )
        return Paginator(ordered, PAGE_SIZE).get_page(self.request.GET.get("page"))

    def _count(self, state, pages):
        base = self._filtered(pages, exclude=state)
        counts = dict(
            base.filter(**{f"{state.path}__isnull": False})
            .values_list(f"{state.path}__pk")
            .annotate(hits=Count("pk", distinct=True))
            .order_by()
        )
        if not counts and not state.selected:
            return
        selected_ids = {item.pk for item in state.selected}
        items = state.facet.model.objects.filter(pk__in=set(counts) | selected_ids)
        values = [
            FacetValue(
                item.slug,
                getattr(item, state.facet.label_attr),
                counts.get(item.pk, 0),
                item.pk in selected_ids,
                getattr(item, "explanation", ""),
            )
            for item in items
        ]
        state.values = sorted(values, key=lambda value: (-value.count, value.label.lower()))

    # For the template

    @property
    def facets(self):
        self.results  # noqa: B018 - counting the values comes with the results
        return [state for state in self.states if state.values]

    @property
    def sorts(self):
        return [(key, label, key == self.sort) for key, (label, _order) in SORTS.items()]

    @property
    def active_filters(self):
        """Each chosen value with the query string that removes it."""
        chosen = []
        for state in self.states:
            for item in state.selected:
                chosen.append((state.label, getattr(item, state.facet.label_attr), self._query_without(state, item)))
        return chosen

    @property
    def query_string(self):
        """The current filters and sort, for pagination links."""
        return self._encode(self._params())

    def _params(self):
        params = [(state.param, item.slug) for state in self.states for item in state.selected]
        if self.sort != DEFAULT_SORT:
            params.append(("ordning", self.sort))
        return params

    def _query_without(self, state, item):
        return self._encode([pair for pair in self._params() if pair != (state.param, item.slug)])

    @staticmethod
    def _encode(params):
        return urlencode(params)
