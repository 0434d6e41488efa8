"""Read facet choices from an address and name the facet values for people.

Addresses use slugs (`?typ=metod&kommun=sigtuna&tagg=skola&malgrupp=aldre`); the engine uses
ids. A value that names nothing is reported back and left out, never an error.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import CharField, F, Value
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

from accounts.models import Municipality, Sector
from knowledge.models import TargetGroup, ViolenceType
from knowledge.models.tags import tags_visible_to

from .models.documents import MUNICIPALITY_FACET, TYPE_FACET, Facet, Kind
from .question import Filters

# Facets whose values are rows of a model, in the order the page shows them.
MODEL_FACETS = {
    Facet.TAG: Tag,
    Facet.TARGET_GROUP: TargetGroup,
    Facet.VIOLENCE_TYPE: ViolenceType,
    Facet.SECTOR: Sector,
}
FACET_TITLES = {
    TYPE_FACET: _("Type"),
    MUNICIPALITY_FACET: _("Municipality"),
    Facet.TARGET_GROUP: _("Target group"),
    Facet.VIOLENCE_TYPE: _("Form of violence"),
    Facet.SECTOR: _("Sector"),
    Facet.TAG: _("Tag"),
}
PARAMETERS = [TYPE_FACET, MUNICIPALITY_FACET, *MODEL_FACETS]
MAX_VALUE_LENGTH = 100


@dataclass
class Choice:
    facet: str
    value: str  # as in the address
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Group:
    name: str
    title: str
    choices: list


def _model_for(name):
    return Municipality if name == MUNICIPALITY_FACET else MODEL_FACETS[name]


def _find(model, value, user):
    """A municipality, term or tag by slug — tags also by name, as people type them, and only a tag on something
    the person may see: one used only in a closed room is as unknown as one that does not exist."""
    if model is not Tag:
        return model.objects.filter(slug=value).first()
    tags = tags_visible_to(user)
    return tags.filter(slug=value).first() or tags.filter(name__iexact=value).first()


def read_filters(params, user):
    """The Filters an address asks for, the chosen objects by facet, and the values that named nothing."""
    kinds, chosen, unknown = [], {}, []
    for value in params.getlist(TYPE_FACET):
        if value in Kind.values and value not in kinds:
            kinds.append(value)
        elif value:
            unknown.append((TYPE_FACET, value[:MAX_VALUE_LENGTH]))
    for name in PARAMETERS[1:]:
        value = (params.get(name) or "").strip()[:MAX_VALUE_LENGTH]
        if not value:
            continue
        found = _find(_model_for(name), value, user)
        if found is None:
            unknown.append((name, value))
        else:
            chosen[name] = found
    municipality = chosen.get(MUNICIPALITY_FACET)
    filters = Filters(
        kinds=tuple(kinds),
        municipality_id=municipality.pk if municipality else None,
        facets=tuple((name, obj.pk) for name, obj in chosen.items() if name != MUNICIPALITY_FACET),
    )
    return filters, chosen, unknown


def _address(params, **changes):
    query = {key: params.getlist(key) for key in ["q", *PARAMETERS] if params.getlist(key)}
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = [value]
    return "?" + urlencode(query, doseq=True)


def _values_of(wanted):
    """{facet: [its values' objects]} for {facet: ids}, in one query: only what a choice shows (slug, name) is read."""
    parts = []
    for name, ids in wanted.items():
        model = _model_for(name)
        english = F("name_en") if _has_english(model) else Value("", output_field=CharField())
        read = model.objects.filter(pk__in=ids).order_by().annotate(facet=Value(name), english=english)
        parts.append(read.values_list("facet", "pk", "slug", "name", "english"))
    if not parts:
        return {}
    found = {}
    for name, pk, slug, label, english in parts[0].union(*parts[1:], all=True):
        model = _model_for(name)
        # The model's own instance names the value as it always does (its `label`: the reader's language).
        obj = model(pk=pk, slug=slug, name=label, **({"name_en": english} if _has_english(model) else {}))
        found.setdefault(name, []).append(obj)
    return found


def _has_english(model):
    return any(field.name == "name_en" for field in model._meta.fields)


def facet_groups(counts, filters, chosen, params):
    """The facets of a result with counts: each choice's link narrows the search, a chosen one widens it again.

    Costs one query, whatever the number of hits and facets.
    """
    groups = []
    type_choices = [
        Choice(
            TYPE_FACET,
            kind.value,
            str(kind.label),
            counts[TYPE_FACET].get(kind.value, 0),
            kind.value in filters.kinds,
            _address(params, typ=None if kind.value in filters.kinds else kind.value),
        )
        for kind in Kind
        if counts[TYPE_FACET].get(kind.value) or kind.value in filters.kinds
    ]
    groups.append(Group(TYPE_FACET, FACET_TITLES[TYPE_FACET], type_choices))
    names = [MUNICIPALITY_FACET, Facet.TARGET_GROUP, Facet.VIOLENCE_TYPE, Facet.SECTOR, Facet.TAG]
    wanted = {}
    for name in names:
        selected = chosen.get(name)
        ids = set(counts.get(name, {})) | ({selected.pk} if selected else set())
        if ids:
            wanted[name] = ids
    found = _values_of(wanted)
    for name in names:
        values, selected = counts.get(name, {}), chosen.get(name)
        if name not in wanted:
            continue
        choices = [
            Choice(
                name,
                obj.slug,
                str(obj),
                values.get(obj.pk, 0),
                selected is not None and obj.pk == selected.pk,
                _address(params, **{name: None if selected is not None and obj.pk == selected.pk else obj.slug}),
            )
            for obj in found.get(name, [])
        ]
        choices.sort(key=lambda choice: (not choice.selected, -choice.count, choice.label))
        groups.append(Group(name, FACET_TITLES[name], choices))
    return [group for group in groups if group.choices]
