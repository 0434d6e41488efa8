"""The filters of the thread list: read from the query string, allow-listed, never trusted."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from taggit.models import Tag

from accounts.models import Municipality

from .models import Thread, ThreadKind

STATUSES = {
    "obesvarade": gettext_lazy("Unanswered"),
    "olosta": gettext_lazy("Not solved"),
    "losta": gettext_lazy("Solved"),
}
FILTER_PARAMETERS = ("kategori", "tagg", "typ", "kommun", "status", "foljer")


@dataclass(frozen=True)
class FilterSelect:
    """One drop-down list of the filter form: its (value, label) choices after an empty one, and the value chosen."""

    field_id: str
    name: str
    label: str
    empty_label: str
    choices: list
    chosen: str


class ThreadFilters:
    """Turns ?kategori=…&tagg=…&typ=…&kommun=…&status=…&foljer=1 into a thread query and notes on what was ignored."""

    def __init__(self, params, *, user, categories):
        self.user = user
        self.categories = categories
        self.values = {name: params.get(name, "").strip()[:100] for name in FILTER_PARAMETERS}
        self.ignored = []
        self.category = self._pick("kategori", {category.slug: category for category in categories})
        self.tag = self._lookup("tagg", lambda value: Tag.objects.filter(Q(slug=value) | Q(name__iexact=value)).first())
        self.kind = self._pick("typ", {value: value for value in ThreadKind.values})
        self.municipality = self._lookup("kommun", lambda slug: Municipality.objects.filter(slug=slug).first())
        self.status = self._pick("status", {key: key for key in STATUSES})
        self.followed = self.only_followed(params)

    @staticmethod
    def only_followed(params):
        """Whether the list is narrowed to the threads the person follows: a list of their own."""
        return params.get("foljer", "").strip() == "1"

    def _pick(self, name, allowed):
        value = self.values[name]
        if value and value not in allowed:
            self.ignored.append(value)
            self.values[name] = ""
        return allowed.get(value)

    def _lookup(self, name, find):
        value = self.values[name]
        found = find(value) if value else None
        if value and found is None:
            self.ignored.append(value)
            self.values[name] = ""
        return found

    def apply(self, threads):
        if self.category:
            threads = threads.filter(category=self.category)
        if self.tag:
            threads = threads.tagged(self.tag)
        if self.kind:
            threads = threads.filter(kind=self.kind)
        if self.municipality:
            threads = threads.filter(municipality=self.municipality)
        if self.status == "obesvarade":
            threads = threads.unanswered()
        elif self.status == "olosta":
            threads = threads.unsolved()
        elif self.status == "losta":
            threads = threads.solved()
        if self.followed:
            threads = threads.followed_by(self.user)
        return threads

    def selects(self):
        """The form's drop-down lists in order, each with its chosen value, for the template to draw in one loop."""
        categories = [(category.slug, category.label) for category in self.categories]
        municipalities = list(Municipality.objects.values_list("slug", "name"))
        lists = [
            ("filter-category", "kategori", _("Category"), _("All categories"), categories),
            ("filter-kind", "typ", _("Kind"), _("All kinds"), ThreadKind.choices),
            ("filter-municipality", "kommun", _("Municipality"), _("All municipalities"), municipalities),
            ("filter-status", "status", _("Status"), _("All threads"), list(STATUSES.items())),
        ]
        return [
            FilterSelect(field_id, name, label, empty_label, choices, chosen=self.values[name])
            for field_id, name, label, empty_label, choices in lists
        ]

    @property
    def active(self):
        return any(self.values.values())

    @property
    def note(self):
        if not self.ignored:
            return ""
        return _("These filter values were not recognised and were not used: %(values)s") % {
            "values": ", ".join(self.ignored)
        }

    def query_string(self):
        """The active filters as a query string, for pagination links."""
        return urlencode({name: value for name, value in self.values.items() if value})


def threads_for(user):
    return Thread.objects.visible_to(user).for_listing().with_reading_state(user).latest_activity()
