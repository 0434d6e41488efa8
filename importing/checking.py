"""Checking a whole file before anything is written: every problem, with the position of its item."""

from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils.translation import gettext as _

from privacy.guard import inspect

from .fields import clean_fields, is_a, type_name, wrong_type
from .kinds import KINDS, TOP_LEVEL_LISTS
from .outcome import ImportFailed, ImportReport
from .vocabulary import load_vocabularies


@dataclass
class Context:
    """What checking needs from outside an item: the vocabularies and every id that can be referred to."""

    vocabularies: dict
    imported: dict  # kind → ids imported before (for categories: the slugs that exist)
    in_file: dict  # kind → ids in this file

    @classmethod
    def load(cls, lists):
        imported = {kind.name: kind.imported_ids() for kind in KINDS}
        in_file = {kind.name: set(ids_in(lists[kind.list_name])) for kind in KINDS}
        return cls(load_vocabularies(), imported, in_file)

    def knows(self, kind, source_id):
        return source_id in self.in_file[kind] or source_id in self.imported[kind]


def ids_in(raw_items):
    for raw in raw_items:
        if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"].strip():
            yield raw["id"].strip()


# An author's address names the account that wrote a post, so it is no text of the post; nor are the
# addresses of those who marked it helpful.
NOT_TEXT = {"author_email", "helpful_by"}


def texts_in(value, path=""):
    """Yield (path, text) for every string in a raw item, e.g. ("local_use[0].unit", "Våldsmottagningen")."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key not in NOT_TEXT:
                yield from texts_in(inner, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from texts_in(inner, f"{path}[{index}]")


def check_texts(item):
    """Return the personal-data findings in one item's texts as (blocks the import, message) pairs."""
    return [
        (finding.blocks, f"{path}: {finding.message}")
        for path, text in texts_in(item)
        for finding in inspect(text).findings
    ]


class Item(NamedTuple):
    position: str  # 'methods[3] (id "m4")', for messages
    source_id: str
    data: dict
    exists: bool  # imported before, so it updates what it became


@dataclass
class Plan:
    """The checked items of a file, by kind, with the problems and warnings found on the way."""

    items: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    def report(self, *, dry_run):
        report = ImportReport(warnings=self.warnings, dry_run=dry_run)
        for kind_name, items in self.items.items():
            report.created[kind_name] = sum(not item.exists for item in items)
            report.updated[kind_name] = sum(item.exists for item in items)
        return report


def check(data, *, strict=False):
    """Check a whole parsed file and return what to write; raise ImportFailed listing every problem."""
    if not is_a(data, dict):
        raise ImportFailed(
            [_("The file must hold one JSON object, {…}, not %(actual)s.") % {"actual": type_name(data)}]
        )
    plan = Plan()
    lists = {name: top_level_list(data, name, plan) for name in TOP_LEVEL_LISTS}
    plan.errors += [
        f"{name}: " + _("unknown field. Valid fields: %(valid)s") % {"valid": ", ".join(TOP_LEVEL_LISTS)}
        for name in data
        if name not in TOP_LEVEL_LISTS
    ]
    context = Context.load(lists)
    for kind in KINDS:
        plan.items[kind.name] = check_items(kind, lists[kind.list_name], context, plan, strict=strict)
    if plan.errors:
        raise ImportFailed(plan.errors)
    return plan


def top_level_list(data, name, plan):
    value = data.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        plan.errors.append(f"{name}: {wrong_type(value, list)}")
        return []
    return value


def check_items(kind, raw_items, context, plan, *, strict):
    items, first_seen = [], {}
    for index, raw in enumerate(raw_items):
        position = f"{kind.list_name}[{index}]"
        data, problems = clean_fields(raw, kind.fields, context)
        problems += kind.check(data, context)
        source_id = data.get(kind.key)
        if source_id in first_seen:
            same = _("the same id as %(other)s") if kind.key == "id" else _("the same year as %(other)s")
            problems.append((kind.key, same % {"other": first_seen[source_id]}))
        elif source_id:
            first_seen[source_id] = position
        if source_id:
            position = f'{position} ({kind.key} "{source_id}")'
        for blocks, message in check_texts(raw) if isinstance(raw, dict) else []:
            if blocks or strict:
                problems.append(("", message))
            else:
                plan.warnings.append(f"{position}: {message}")
        plan.errors += [
            f"{position}: {path}: {message}" if path else f"{position}: {message}" for path, message in problems
        ]
        if not problems:
            items.append(Item(position, source_id, data, source_id in context.imported[kind.name]))
    return items
