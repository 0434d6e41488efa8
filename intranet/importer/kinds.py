"""The format, kind by kind: the fields of each list in the file, its own checks, and its pages (KINDS)."""

from typing import Any, NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page

from intranet.models import ImportedPage
from knowledge.models import (
    ArticleIndexPage,
    ArticlePage,
    ExperienceIndexPage,
    ExperiencePage,
    HomePage,
    MethodIndexPage,
    MethodLocalUse,
    MethodPage,
    MethodRating,
    TopicPage,
)

from .fields import (
    Invalid,
    a_date,
    a_year,
    identifier,
    list_of,
    many_of,
    markdown,
    max_length,
    one_of,
    optional,
    record,
    required,
    tags,
    text,
    web_address,
)
from .pages import (
    EXPERIENCE_HEADINGS,
    METHOD_TEXTS,
    fill_article,
    fill_experience,
    fill_method,
    fill_topic,
    link_experience,
    link_method,
    link_topic,
    no_links,
)

SKIPPED_LIST = "threads"  # the forum's part of the format, imported once the forum exists


def reference(kind_name):
    def clean(value, context):
        source_id = identifier(value, context)
        if not context.knows(kind_name, source_id):
            raise Invalid(
                _('unknown id "%(id)s": no item in %(list)s in this file or in an earlier import has it')
                % {"id": source_id, "list": KIND_LISTS[kind_name]}
            )
        return source_id

    return clean


# The format, field by field (docs/import.md describes it for people)


TITLE = text(max_length(Page, "title"))
SUMMARY = text(max_length(MethodPage, "summary"))

CLASSIFICATION_FIELDS = {
    "target_groups": optional(many_of("target_group")),
    "age_groups": optional(many_of("age_group")),
    "violence_types": optional(many_of("violence_type")),
    "sectors": optional(many_of("sector")),
    "tags": optional(tags),
}

LOCAL_USE_FIELDS = {
    "municipality": required(one_of("municipality")),
    "unit": optional(text(max_length(MethodLocalUse, "unit"))),
    "status": required(one_of("status")),
    "since": optional(a_year),
    "contact_role": optional(text(max_length(MethodLocalUse, "contact_role"))),
}

RATING_FIELDS = {
    "registry": required(one_of("registry")),
    "rating": required(text(max_length(MethodRating, "rating"))),
    "date": optional(a_date),
    "url": optional(web_address),
}

METHOD_FIELDS = {
    "id": required(identifier),
    "title": required(TITLE),
    "municipality": required(one_of("municipality")),
    "summary": required(SUMMARY),
    "body": required(markdown),
    **CLASSIFICATION_FIELDS,
    "prevention_level": optional(one_of("prevention_level")),
    "evidence_level": optional(one_of("evidence_level")),
    **{name: optional(text(max_length(MethodPage, name))) for name in METHOD_TEXTS},
    "cost_level": optional(one_of("cost_level")),
    "last_reviewed": optional(a_date),
    "local_use": optional(list_of(record(LOCAL_USE_FIELDS))),
    "ratings": optional(list_of(record(RATING_FIELDS))),
    "related": optional(list_of(reference("method"))),
}

EXPERIENCE_FIELDS = {
    "id": required(identifier),
    "title": required(TITLE),
    "municipality": required(one_of("municipality")),
    "summary": required(SUMMARY),
    "body": optional(markdown),
    "method": optional(reference("method")),
    "methods": optional(list_of(reference("method"))),
    "unit": optional(text(max_length(ExperiencePage, "unit"))),
    "contact_role": optional(text(max_length(ExperiencePage, "contact_role"))),
    "period_start": optional(a_date),
    "period_end": optional(a_date),
    **{name: optional(markdown) for name in EXPERIENCE_HEADINGS},
    **CLASSIFICATION_FIELDS,
}

ARTICLE_FIELDS = {
    "id": required(identifier),
    "title": required(TITLE),
    "summary": required(text(max_length(ArticlePage, "summary"))),
    "body": required(markdown),
    "date": optional(a_date),
    "municipality": optional(one_of("municipality")),
    "tags": optional(tags),
}

TOPIC_FIELDS = {
    "id": required(identifier),
    "title": required(TITLE),
    "summary": required(text(max_length(TopicPage, "summary"))),
    "body": optional(markdown),
    "methods": optional(list_of(reference("method"))),
    "experiences": optional(list_of(reference("experience"))),
    "articles": optional(list_of(reference("article"))),
}


def check_method(data):
    if data.get("id") in data.get("related", []):
        yield "related", _("a method cannot be related to itself")


def check_experience(data):
    start, end = data.get("period_start"), data.get("period_end")
    if start and end and end < start:
        yield "period_end", _("is before period_start (%(start)s)") % {"start": start.isoformat()}
    headings = [name for name in EXPERIENCE_HEADINGS if name in data]
    if "body" in data and headings:
        # A plain body goes under "what was done"; beside the headings it would have no place.
        yield "body", _("give either body or the headings (%(headings)s), not both") % {"headings": ", ".join(headings)}


def no_check(data):
    return []


class Kind(NamedTuple):
    name: str  # ImportedPage.kind
    list_name: str  # the list in the file
    label: Any  # for progress
    fields: dict
    check: Any
    model: type
    parent_model: type
    fill: Any
    link: Any


KINDS = [
    Kind(
        name=ImportedPage.Kind.METHOD,
        list_name="methods",
        label=gettext_lazy("Methods"),
        fields=METHOD_FIELDS,
        check=check_method,
        model=MethodPage,
        parent_model=MethodIndexPage,
        fill=fill_method,
        link=link_method,
    ),
    Kind(
        name=ImportedPage.Kind.EXPERIENCE,
        list_name="experiences",
        label=gettext_lazy("Experiences"),
        fields=EXPERIENCE_FIELDS,
        check=check_experience,
        model=ExperiencePage,
        parent_model=ExperienceIndexPage,
        fill=fill_experience,
        link=link_experience,
    ),
    Kind(
        name=ImportedPage.Kind.ARTICLE,
        list_name="articles",
        label=gettext_lazy("Articles"),
        fields=ARTICLE_FIELDS,
        check=no_check,
        model=ArticlePage,
        parent_model=ArticleIndexPage,
        fill=fill_article,
        link=no_links,
    ),
    Kind(
        name=ImportedPage.Kind.TOPIC,
        list_name="topics",
        label=gettext_lazy("Theme pages"),
        fields=TOPIC_FIELDS,
        check=no_check,
        model=TopicPage,
        parent_model=HomePage,
        fill=fill_topic,
        link=link_topic,
    ),
]
KIND_LISTS = {kind.name: kind.list_name for kind in KINDS}
TOP_LEVEL_LISTS = [kind.list_name for kind in KINDS] + [SKIPPED_LIST]
