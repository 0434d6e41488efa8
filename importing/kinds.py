"""The format, kind by kind: the fields of each list in the file, its own checks, and its pages (KINDS)."""

from typing import Any, NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page

from forum.models import Category
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

from .campaigns import CAMPAIGN_FIELDS, check_campaign, existing_campaign_years
from .fields import (
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
    reference,
    required,
    tags,
    text,
    web_address,
)
from .models import ImportedPage, ImportedThread
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
from .threads import CATEGORY_FIELDS, THREAD_FIELDS, check_category, check_thread

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


def check_method(data, context):
    if data.get("id") in data.get("related", []):
        yield "related", _("a method cannot be related to itself")


def check_experience(data, context):
    start, end = data.get("period_start"), data.get("period_end")
    if start and end and end < start:
        yield "period_end", _("is before period_start (%(start)s)") % {"start": start.isoformat()}
    headings = [name for name in EXPERIENCE_HEADINGS if name in data]
    if "body" in data and headings:
        # A plain body goes under "what was done"; beside the headings it would have no place.
        yield "body", _("give either body or the headings (%(headings)s), not both") % {"headings": ", ".join(headings)}


def no_check(data, context):
    return []


def imported_pages(kind_name):
    def ids():
        return set(ImportedPage.objects.filter(kind=kind_name).values_list("source_id", flat=True))

    return ids


def existing_categories():
    return set(Category.objects.values_list("slug", flat=True))


def imported_threads():
    return set(ImportedThread.objects.values_list("source_id", flat=True))


class Kind(NamedTuple):
    name: str  # ImportedPage.kind for pages
    list_name: str  # the list in the file
    label: Any  # for progress
    fields: dict
    check: Any  # (cleaned fields, context) → (field path, message) pairs
    imported_ids: Any  # () → the ids a file may update, from earlier imports
    # Pages only: the model, where it goes, and how it is filled and linked
    model: type = None
    parent_model: type = None
    fill: Any = None
    link: Any = None
    key: str = "id"  # the field that names an item across imports (a campaign's is its year)


def page_kind(name, list_name, label, fields, check, model, parent_model, fill, link):
    return Kind(name, list_name, label, fields, check, imported_pages(name), model, parent_model, fill, link)


PAGE_KINDS = [
    page_kind(
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
    page_kind(
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
    page_kind(
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
    page_kind(
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
# The forum's part comes after the pages: a thread may discuss a page, and categories come before threads.
CATEGORIES = Kind(
    name="category",
    list_name="categories",
    label=gettext_lazy("Forum categories"),
    fields=CATEGORY_FIELDS,
    check=check_category,
    imported_ids=existing_categories,
)
THREADS = Kind(
    name="thread",
    list_name="threads",
    label=gettext_lazy("Threads"),
    fields=THREAD_FIELDS,
    check=check_thread,
    imported_ids=imported_threads,
)
# The campaign month: a campaign year with its events, named by the year.
CAMPAIGNS = Kind(
    name="campaign",
    list_name="campaigns",
    label=gettext_lazy("Campaign years"),
    fields=CAMPAIGN_FIELDS,
    check=check_campaign,
    imported_ids=existing_campaign_years,
    key="year",
)
KINDS = [*PAGE_KINDS, CATEGORIES, THREADS, CAMPAIGNS]
TOP_LEVEL_LISTS = [kind.list_name for kind in KINDS]
