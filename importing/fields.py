"""Field cleaners: each turns one JSON value into what to store, or raises Invalid saying why it cannot."""

import re
from datetime import date, datetime
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from forum.models import Category
from knowledge.markdown import render_markdown
from knowledge.models import MethodRating
from knowledge.tagging import MAX_TAG_LENGTH, normalise_tag_name

from .models import ImportedPage

MAX_MARKDOWN_CHARS = 200_000
MAX_TAGS = 20
FIRST_YEAR, LAST_YEAR = 1990, 2100
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
WEB_ADDRESS = URLValidator(schemes=["http", "https"])


class Invalid(Exception):
    """A value that cannot be imported, with its problems as (path below the field, message) pairs."""

    def __init__(self, message="", problems=None):
        self.problems = problems or [("", message)]
        super().__init__(message)


# Messages


TYPE_NAMES = {
    str: gettext_lazy("text"),
    int: gettext_lazy("a whole number"),
    float: gettext_lazy("a decimal number"),
    bool: gettext_lazy("true or false"),
    list: gettext_lazy("a list"),
    dict: gettext_lazy("an object"),
    type(None): gettext_lazy("null"),
}


def is_a(value, expected_type):
    # JSON's true and false are Python ints too, but never a year.
    return isinstance(value, expected_type) and not (isinstance(value, bool) and expected_type is not bool)


def type_name(value):
    return TYPE_NAMES.get(type(value), type(value).__name__)


def wrong_type(value, expected_type):
    return _("must be %(expected)s, not %(actual)s") % {
        "expected": TYPE_NAMES[expected_type],
        "actual": type_name(value),
    }


def expect(value, expected_type):
    if not is_a(value, expected_type):
        raise Invalid(wrong_type(value, expected_type))


def check_length(value, limit):
    if len(value) > limit:
        raise Invalid(_("too long: %(length)d characters, at most %(limit)d") % {"length": len(value), "limit": limit})


def unknown_value(value, valid):
    return _('unknown value "%(value)s". Valid values: %(valid)s') % {"value": value, "valid": ", ".join(valid)}


# Cleaners: each takes a JSON value and the context, and returns what to store or raises Invalid.


def text(limit):
    def clean(value, context):
        expect(value, str)
        check_length(value.strip(), limit)
        return value.strip()

    return clean


def markdown(value, context):
    expect(value, str)
    check_length(value, MAX_MARKDOWN_CHARS)
    return render_markdown(value)


def identifier(value, context):
    source_id = text(ImportedPage._meta.get_field("source_id").max_length)(value, context)
    if not source_id:
        raise Invalid(_("must not be empty"))
    return source_id


LIST_NAMES = {"method": "methods", "experience": "experiences", "article": "articles"}


def reference(kind_name):
    """The id of an item of another kind, in this file or an earlier import."""

    def clean(value, context):
        source_id = identifier(value, context)
        if not context.knows(kind_name, source_id):
            raise Invalid(
                _('unknown id "%(id)s": no item in %(list)s in this file or in an earlier import has it')
                % {"id": source_id, "list": LIST_NAMES[kind_name]}
            )
        return source_id

    return clean


def one_of(vocabulary_name):
    def clean(value, context):
        expect(value, str)
        vocabulary = context.vocabularies[vocabulary_name]
        found = vocabulary.find(value)
        if found is None:
            raise Invalid(unknown_value(value, vocabulary.valid))
        return found

    return clean


def list_of(clean_item, *, unique=True):
    """A list of values; the same value twice counts once, unless `unique` is false (posts)."""

    def clean(values, context):
        expect(values, list)
        cleaned, problems = [], []
        for index, value in enumerate(values):
            try:
                item = clean_item(value, context)
            except Invalid as invalid:
                problems += [(f"[{index}]{path}", message) for path, message in invalid.problems]
            else:
                if not unique or item not in cleaned:
                    cleaned.append(item)
        if problems:
            raise Invalid(problems=problems)
        return cleaned

    return clean


def many_of(vocabulary_name):
    return list_of(one_of(vocabulary_name))


def tag(value, context):
    expect(value, str)
    check_length(" ".join(value.split()), MAX_TAG_LENGTH)  # too long is an error here, not silently cut
    name = normalise_tag_name(value).lower()
    if not name:
        raise Invalid(_("must not be empty"))
    return name


def tags_up_to(limit):
    def clean(values, context):
        names = list_of(tag)(values, context)
        if len(names) > limit:
            raise Invalid(_("too many tags: %(count)d, at most %(limit)d") % {"count": len(names), "limit": limit})
        return names

    return clean


tags = tags_up_to(MAX_TAGS)


def a_date(value, context):
    expect(value, str)
    try:
        if not ISO_DATE.fullmatch(value.strip()):
            raise ValueError(value)
        return date.fromisoformat(value.strip())
    except ValueError:
        raise Invalid(_('not a date in the form YYYY-MM-DD: "%(value)s"') % {"value": value}) from None


def a_year(value, context):
    expect(value, int)
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise Invalid(
            _("must be a year from %(first)d to %(last)d, not %(value)d")
            % {"first": FIRST_YEAR, "last": LAST_YEAR, "value": value}
        )
    return value


def a_moment(value, context):
    """A point in time, "2026-10-05T09:30" (Swedish time) or with its offset, "2026-10-05T07:30:00Z"."""
    moment = a_time(value, context)
    if moment > timezone.now():
        raise Invalid(_('is in the future: "%(value)s"') % {"value": value})
    return moment


def a_time(value, context):
    """A point in time, past or future (an event's start), written as for `a_moment`."""
    expect(value, str)
    try:
        if not ISO_DATE.match(value.strip()):
            raise ValueError(value)
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise Invalid(
            _('not a time in the form YYYY-MM-DDTHH:MM, e.g. "2026-10-05T09:30": "%(value)s"') % {"value": value}
        ) from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def a_number_from(first):
    def clean(value, context):
        expect(value, int)
        if value < first:
            raise Invalid(_("must be %(first)d or more, not %(value)d") % {"first": first, "value": value})
        return value

    return clean


def email_address(value, context):
    address = text(max_length(User, "email"))(value, context)
    try:
        validate_email(address)
    except ValidationError:
        raise Invalid(_('not an e-mail address: "%(value)s"') % {"value": value}) from None
    return address.lower()


def forum_category(value, context):
    """A category by name, English name or slug; a name no category has becomes a new category."""
    name = text(max_length(Category, "name"))(value, context)
    categories = context.vocabularies["forum_category"]
    found = categories.find(name)
    if found:
        return found
    slug = slugify(name)[: max_length(Category, "slug")]
    if not slug:
        raise Invalid(
            _('"%(value)s" cannot be the name of a new category: it needs letters or digits. Categories: %(valid)s')
            % {"value": value, "valid": ", ".join(categories.valid)}
        )
    return categories.new(slug, name)


def web_address(value, context):
    address = text(MethodRating._meta.get_field("url").max_length)(value, context)
    try:
        WEB_ADDRESS(address)
    except ValidationError:
        raise Invalid(
            _('not a web address starting with http:// or https://: "%(value)s"') % {"value": value}
        ) from None
    return address


def record(fields):
    def clean(value, context):
        cleaned, problems = clean_fields(value, fields, context)
        if problems:
            raise Invalid(problems=[(f".{path}" if path else "", message) for path, message in problems])
        return cleaned

    return clean


class Field(NamedTuple):
    clean: Any
    required: bool = False


def required(clean):
    return Field(clean, required=True)


def optional(clean):
    return Field(clean)


def is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def clean_fields(raw, fields, context):
    """Return the cleaned fields of one JSON object, and its problems as (field path, message) pairs.

    An optional field may be left out, null or empty; all mean "no value".
    """
    if not is_a(raw, dict):
        return {}, [("", wrong_type(raw, dict))]
    problems = [
        (name, _("unknown field. Valid fields: %(valid)s") % {"valid": ", ".join(fields)})
        for name in raw
        if name not in fields
    ]
    cleaned = {}
    for name, spec in fields.items():
        value = raw.get(name)
        if is_blank(value):
            if spec.required:
                problems.append((name, _("must not be empty") if isinstance(value, str) else _("is missing")))
            continue
        try:
            cleaned[name] = spec.clean(value, context)
        except Invalid as invalid:
            problems += [(name + path, message) for path, message in invalid.problems]
    return cleaned, problems


def max_length(model, name):
    return model._meta.get_field(name).max_length
