"""A campaign year's programme read from the query string: filters with counts, grouped by day or by week.

A campaign holds tens of events, not thousands, so all of the year's events the person may see are read once
(with their host, sectors and counts) and filtered and counted here: the number of queries stays the same
however many events there are. Values within a filter widen the result (or), filters narrow it (and); each
value's count is what the result would be with that value added, as in the knowledge bank's listings.
A value the programme does not know is ignored with a notice, never an error.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import groupby
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from knowledge.models.facets import FacetValue

# The submodules, not the package: the campaign page imports this module while the package is still loading.
from .models.events import EventPage, EventType
from .models.registrations import Registration

MAX_VALUES = 20
WEEK_VIEW = "vecka"
ON_SITE, ONLINE = "pa-plats", "digitalt"
PLACES_LEFT = "ja"


def places_left(event):
    """None without a limit; needs `with_counts()`."""
    return None if event.capacity is None else max(event.capacity - event.registered_count, 0)


def local_day(moment):
    return timezone.localtime(moment).date()


@dataclass(frozen=True)
class Filter:
    param: str
    label: str
    values_of: object  # event -> [(slug, label)] the event matches

    def values_for(self, event):
        return self.values_of(event)


def _host(event):
    return [(event.municipality.slug, event.municipality.name)] if event.municipality else []


def _sectors(event):
    return [(sector.slug, sector.label) for sector in event.sectors.all()]


def _type(event):
    return [(event.event_type, event.get_event_type_display())]


def _form(event):
    forms = []
    if event.place:
        forms.append((ON_SITE, _("On site")))
    if event.online_link:
        forms.append((ONLINE, _("Online")))
    return forms


def _places(event):
    left = places_left(event)
    return [(PLACES_LEFT, _("Places left"))] if not event.is_cancelled and (left is None or left > 0) else []


FILTERS = [
    Filter("kommun", gettext_lazy("Host municipality"), _host),
    Filter("verksamhet", gettext_lazy("Sector"), _sectors),
    Filter("typ", gettext_lazy("Type"), _type),
    Filter("form", gettext_lazy("On site or online"), _form),
    Filter("lediga", gettext_lazy("Places"), _places),
]
# Known values of the filters whose values are fixed, so that an unknown one is noticed even with no events.
FIXED_VALUES = {
    "typ": set(EventType.values),
    "form": {ON_SITE, ONLINE},
    "lediga": {PLACES_LEFT},
}


@dataclass
class FilterState:
    filter: Filter
    chosen: set = field(default_factory=set)
    values: list = field(default_factory=list)

    @property
    def param(self):
        return self.filter.param

    @property
    def label(self):
        return self.filter.label

    def admits(self, event):
        return not self.chosen or any(slug in self.chosen for slug, _label in self.filter.values_for(event))


@dataclass
class Day:
    day: date
    events: list


@dataclass
class Week:
    number: int
    first: date
    last: date
    days: list  # Day for each of the seven days, empty ones too


class Programme:
    def __init__(self, request, campaign):
        self.request = request
        self.notices = []
        query = request.GET
        self.view = WEEK_VIEW if query.get("vy") == WEEK_VIEW else "dag"
        if query.get("vy") not in (None, "", "dag", WEEK_VIEW):
            self.notices.append(_("Unknown view ignored; showing the programme by day."))
        self.date_from = self._read_date(query, "fran", _("From"))
        self.date_to = self._read_date(query, "till", _("To"))
        events = list(
            EventPage.objects.visible_to(request.user)
            .child_of(campaign)
            .with_counts()
            .chronological()
            .select_related("municipality")
            .prefetch_related("sectors")
        )
        for event in events:
            event.places_left = places_left(event)
        self.all_events = events
        self.states = [self._read_filter(query, programme_filter, events) for programme_filter in FILTERS]
        in_range = [event for event in events if self._in_range(event)]
        self.events = [event for event in in_range if all(state.admits(event) for state in self.states)]
        for state in self.states:
            self._count(state, in_range)
        self._mark_own_registrations()

    # Reading the query string

    def _read_date(self, query, param, label):
        text = query.get(param, "").strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            self.notices.append(
                _("The date “%(value)s” in “%(field)s” could not be read and is ignored. Write it as 2026-11-03.")
                % {"value": text[:20], "field": label}
            )
            return None

    def _read_filter(self, query, programme_filter, events):
        state = FilterState(programme_filter)
        slugs = {slug for slug in query.getlist(programme_filter.param) if slug}
        if not slugs:
            return state
        known = FIXED_VALUES.get(programme_filter.param) or {
            slug for event in events for slug, _label in programme_filter.values_for(event)
        }
        state.chosen = set(sorted(slugs & known)[:MAX_VALUES])
        unknown = sorted(slugs - known)
        if unknown:
            self.notices.append(
                _("Unknown filter value ignored: %(facet)s “%(values)s”.")
                % {"facet": programme_filter.label, "values": ", ".join(value[:50] for value in unknown[:5])}
            )
        return state

    # Filtering and counting

    def _in_range(self, event):
        if self.date_from and local_day(event.ends_at) < self.date_from:
            return False
        return not (self.date_to and local_day(event.starts_at) > self.date_to)

    def _count(self, state, events):
        others = [other for other in self.states if other is not state]
        counts, labels = {}, {}
        for event in events:
            if not all(other.admits(event) for other in others):
                continue
            for slug, label in state.filter.values_for(event):
                counts[slug] = counts.get(slug, 0) + 1
                labels[slug] = label
        for slug in state.chosen - set(counts):
            counts[slug], labels[slug] = 0, self._label_of(state, slug)
        values = [FacetValue(slug, str(labels[slug]), counts[slug], slug in state.chosen) for slug in counts]
        if state.param in ("typ", "form"):  # a fixed order reads better than counts for a handful of kinds
            order = list(EventType.values) + [ON_SITE, ONLINE]
            state.values = sorted(values, key=lambda value: order.index(value.slug))
        else:
            state.values = sorted(values, key=lambda value: (-value.count, value.label.lower()))

    def _label_of(self, state, slug):
        for event in self.all_events:
            for value_slug, label in state.filter.values_for(event):
                if value_slug == slug:
                    return label
        if state.param == "typ":
            return EventType(slug).label
        return {ON_SITE: _("On site"), ONLINE: _("Online"), PLACES_LEFT: _("Places left")}.get(slug, slug)

    def _mark_own_registrations(self):
        user = self.request.user
        statuses = dict(
            Registration.objects.active()
            .of(user)
            .filter(event__in=[event.pk for event in self.events])
            .values_list("event_id", "status")
        )
        for event in self.events:
            event.my_status = statuses.get(event.pk)

    # For the template

    @property
    def filters(self):
        return [state for state in self.states if state.values]

    @property
    def days(self):
        return [Day(day, list(events)) for day, events in groupby(self.events, key=lambda e: local_day(e.starts_at))]

    @property
    def weeks(self):
        by_day = {day.day: day.events for day in self.days}
        weeks = []
        for day in sorted(by_day):
            monday = day - timedelta(days=day.weekday())
            if weeks and weeks[-1].first == monday:
                continue
            days = [Day(monday + timedelta(days=n), by_day.get(monday + timedelta(days=n), [])) for n in range(7)]
            weeks.append(Week(monday.isocalendar().week, monday, monday + timedelta(days=6), days))
        return weeks

    @property
    def is_filtered(self):
        return bool(self.date_from or self.date_to or any(state.chosen for state in self.states))

    @property
    def active_filters(self):
        """Each chosen value with the query string that removes it."""
        chosen = []
        for state in self.states:
            labels = {value.slug: value.label for value in state.values}
            for slug in sorted(state.chosen):
                chosen.append((state.label, labels.get(slug, slug), self._query_without((state.param, slug))))
        for param, label, day in (("fran", _("From"), self.date_from), ("till", _("To"), self.date_to)):
            if day:
                chosen.append((label, date_format(day, "DATE_FORMAT"), self._query_without((param, day.isoformat()))))
        return chosen

    def _params(self, view=None):
        params = [(state.param, slug) for state in self.states for slug in sorted(state.chosen)]
        params += [(param, day.isoformat()) for param, day in (("fran", self.date_from), ("till", self.date_to)) if day]
        view = view or self.view
        if view == WEEK_VIEW:
            params.append(("vy", WEEK_VIEW))
        return params

    def _query_without(self, pair):
        return urlencode([param for param in self._params() if param != pair])

    @property
    def day_view_query(self):
        return urlencode([param for param in self._params() if param[0] != "vy"])

    @property
    def week_view_query(self):
        return urlencode(self._params(view=WEEK_VIEW))
