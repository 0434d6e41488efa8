"""Who is in the directory, "Hitta kollegor" (filters with counts, a name search, pages) and who knows about a tag.

Only active accounts are listed: a deactivated (closed) account has no profile page and is in no list. Every read
takes a fixed number of queries, whatever the number of people.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Municipality, Sector
from common.params import positive_int
from forum.models import Thread
from knowledge.models import ExperiencePage, MethodPage
from knowledge.models.tags import tags_offered_to
from knowledge.visibility import visible_pages

from .models import Expertise, Profile

PAGE_SIZE = 20
MAX_SEARCH_WORDS = 5
MAX_SEARCH_LENGTH = 100
MAX_VALUES_PER_FILTER = 20
MAX_EXPERTISE_CHOICES = 30
WHO_KNOWS_LIMIT = 5
RECENT_LIMIT = 5
# What an address in a filter may be: anything else (a NUL byte, which PostgreSQL refuses) matches nothing.
SLUG = re.compile(r"[-\w]{1,100}")


def listed_people():
    """People the directory shows: active accounts only."""
    return get_user_model().objects.filter(is_active=True)


def profile_of(person):
    """The person's own part of the entry; an empty one (not saved) until they edit it."""
    try:
        return person.profile
    except Profile.DoesNotExist:
        return Profile(user=person)


def expertise_visible_to(viewer):
    """A person's expertise as the viewer sees it: tags the viewer may be offered, never one only used out of sight."""
    return tags_offered_to(viewer).order_by("name")


# Hitta kollegor


@dataclass(frozen=True)
class Filter:
    param: str
    label: str


MUNICIPALITY = Filter("kommun", _("Municipality"))
SECTOR = Filter("verksamhet", _("Sector"))
EXPERTISE = Filter("kunskap", _("Expertise"))
FILTERS = (MUNICIPALITY, SECTOR, EXPERTISE)


def narrowing(param, slugs):
    """Values within one filter widen the result (or); filters narrow it (and)."""
    if param == MUNICIPALITY.param:
        return Q(municipality__slug__in=slugs)
    if param == SECTOR.param:
        return Q(sector__slug__in=slugs)
    return Q(pk__in=Expertise.objects.filter(tag__slug__in=slugs).values("profile_id"))


def name_matches(words):
    matches = Q()
    for word in words:
        matches &= (
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(job_title__icontains=word)
            | Q(profile__unit__icontains=word)
        )
    return matches


@dataclass
class Choice:
    slug: str
    label: str
    count: int
    selected: bool


@dataclass
class FilterState:
    filter: Filter
    choices: list = field(default_factory=list)

    @property
    def param(self):
        return self.filter.param

    @property
    def label(self):
        return self.filter.label


@dataclass
class Directory:
    query: str
    filters: list
    results: object  # a page of people
    query_string: str  # the search and filters, for the pagination's links
    is_filtered: bool


def find_colleagues(params, viewer):
    """Hitta kollegor: people by name, municipality, sector and expertise, each choice counted as it would narrow."""
    query = " ".join(params.get("q", "").replace("\x00", "").split())[:MAX_SEARCH_LENGTH]
    words = query.split()[:MAX_SEARCH_WORDS]
    selected = {f.param: chosen_slugs(params.getlist(f.param)) for f in FILTERS}
    base = listed_people().filter(name_matches(words)) if words else listed_people()

    def narrowed(but=None):
        people = base
        for param, slugs in selected.items():
            if slugs and param != but:
                people = people.filter(narrowing(param, slugs))
        return people

    municipalities = Municipality.objects.annotate(
        matching=Count("people", filter=Q(people__in=narrowed(MUNICIPALITY.param).values("pk")))
    ).order_by("name")
    sectors = Sector.objects.in_order().annotate(
        matching=Count("people", filter=Q(people__in=narrowed(SECTOR.param).values("pk")))
    )
    expertise = (
        expertise_visible_to(viewer)
        .annotate(
            matching=Count(
                "expertise_of", filter=Q(expertise_of__profile_id__in=narrowed(EXPERTISE.param).values("pk"))
            )
        )
        .filter(Q(matching__gt=0) | Q(slug__in=selected[EXPERTISE.param]))
        .order_by("-matching", "name")[:MAX_EXPERTISE_CHOICES]
    )
    filters = [
        FilterState(MUNICIPALITY, choices(municipalities, "slug", "name", selected[MUNICIPALITY.param])),
        FilterState(SECTOR, choices(sectors, "slug", "label", selected[SECTOR.param])),
        FilterState(EXPERTISE, choices(expertise, "slug", "name", selected[EXPERTISE.param])),
    ]
    people = (
        narrowed()
        .select_related("municipality", "sector", "profile")
        .prefetch_related(Prefetch("profile__expertise", queryset=expertise_visible_to(viewer)))
        .order_by("first_name", "last_name", "pk")
    )
    paginator = Paginator(people, PAGE_SIZE)
    page = paginator.get_page(positive_int(params.get("page"), 1))
    pairs = ([("q", query)] if query else []) + [(param, slug) for param, slugs in selected.items() for slug in slugs]
    return Directory(
        query=query,
        filters=filters,
        results=page,
        query_string=urlencode(pairs),
        is_filtered=bool(pairs),
    )


def chosen_slugs(values):
    return [slug for slug in dict.fromkeys(values) if SLUG.fullmatch(slug)][:MAX_VALUES_PER_FILTER]


def choices(values, slug_attr, label_attr, selected):
    return [
        Choice(slug, getattr(value, label_attr), value.matching, slug in selected)
        for value in values
        if (slug := getattr(value, slug_attr))
    ]


# Who knows about a tag


@dataclass(frozen=True)
class Colleague:
    """What "Vem kan mer om detta?" shows of a person: fit to keep in the cache, as it holds no more of the account."""

    pk: int
    name: str
    municipality: str
    job_title: str
    knows: bool  # names one of the tags as their expertise
    accepted: int  # accepted answers in threads with one of the tags
    is_active = True  # only listed people are ranked: their names link to their profiles (`person_link`)

    def __str__(self):
        return self.name


def ranked_colleagues(tag_ids, viewer, *, limit):
    """Up to `limit` colleagues, the viewer among them, who name one of the tags as their expertise, or whose answers
    were accepted in threads with one of them that the viewer may read: those with the expertise first, then by
    accepted answers. The viewer decides only which threads count, so the list is the same for every reader of a kind
    (forum.caching.readers_kind). Three small queries, whatever the number of people.

    The accepted answers are counted once for all authors, and only the candidates are ranked: a count per person
    in a subquery ran once for every account (a sequential scan of the threads each time, some 100 ms at 300
    accounts and 2 000 threads, where these take about a millisecond together)."""
    tag_ids = list(tag_ids)
    if not tag_ids:
        return []
    accepted = dict(
        Thread.objects.visible_to(viewer)
        .filter(tagged_items__tag_id__in=tag_ids, answer__is_hidden=False)
        .order_by()
        .values_list("answer__author")
        .annotate(solved=Count("pk", distinct=True))
    )
    knows = Expertise.objects.filter(profile_id=OuterRef("pk"), tag_id__in=tag_ids)
    candidates = (
        listed_people()
        .annotate(knows=Exists(knows))
        .filter(Q(knows=True) | Q(pk__in=list(accepted)))
        .order_by("first_name", "last_name", "pk")  # the database's collation for names, kept by the stable sort
        .values_list("pk", "knows")
    )
    ranked = sorted(candidates, key=lambda row: (not row[1], -accepted.get(row[0], 0)))
    chosen = dict(ranked[:limit])
    people = listed_people().filter(pk__in=list(chosen)).select_related("municipality").in_bulk()
    return [
        Colleague(
            pk=pk,
            name=str(person),
            municipality=person.municipality.name if person.municipality else "",
            job_title=person.job_title,
            knows=chosen[pk],
            accepted=accepted.get(pk, 0),
        )
        for pk in chosen
        if (person := people.get(pk))
    ]


# A profile page


def recent_threads(person, viewer, *, limit=RECENT_LIMIT):
    """The threads the person started lately that the viewer may read."""
    threads = Thread.objects.visible_to(viewer).filter(author=person).select_related("category")
    return list(threads.order_by("-created_at", "-pk")[:limit])


def contributed_pages(model, person, viewer, *, limit=RECENT_LIMIT):
    """Methods or experiences the person shared (owns) that the viewer may see, newest first."""
    pages = visible_pages(model.objects.filter(owner=person), viewer).select_related("municipality")
    return list(pages.order_by("-first_published_at", "-pk")[:limit])


def contributed_methods(person, viewer):
    return contributed_pages(MethodPage, person, viewer)


def contributed_experiences(person, viewer):
    return contributed_pages(ExperiencePage, person, viewer)
