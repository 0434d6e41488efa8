"""Which objects the site search lists, and how each is described to it.

One entry per listed model: its kind, whether an object may be listed now, what limits who
sees it, its facet values, and the extra words indexed with it (stems, parts of compound words,
the names of its tags and taxonomy terms). The search backend calls `sync` whenever modelsearch
indexes objects, so the side table never drifts from the index. Each write of it renews INDEX_VERSION, under which
the engine keeps what a question found (`engine._run`).
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils.encoding import force_str

from wagtail.search import index

from common import versions
from events.models import EventPage
from forum.models import Post, Thread
from knowledge.models import ArticlePage, ExperiencePage, MethodPage, MunicipalityPage, TopicPage

from . import analysis
from .models import SearchDocument, SearchFacet
from .models.documents import Facet, Kind
from .permissions import listable_pages

TERMS_FIELD = "search_terms"
# The version token of the index and its side table: renewed by every write of them (`sync`, `forget`, `forget_all`,
# called by the backend after it wrote the words), so that no process serves hits kept from before.
INDEX_VERSION = "search-index"


@dataclass
class Listing:
    kind: str
    listed: bool
    weight: float
    date: object = None
    category_id: int | None = None
    municipality_id: int | None = None
    parent: object = None  # the object whose document decides permission and facets (a post's thread)
    facets: dict = field(default_factory=dict)  # Facet → list of ids


@dataclass(frozen=True)
class Entry:
    kind: str
    weight: float
    extra_fields: tuple = ()  # fields the site search indexes although the model's own search_fields leave them out


def _page_listing(page, kind, weight):
    facets = {Facet.TAG: [tag.pk for tag in page.tags.all()]} if hasattr(page, "tags") else {}
    for facet, relation in ((Facet.TARGET_GROUP, "target_groups"), (Facet.VIOLENCE_TYPE, "violence_types")):
        if hasattr(page, relation):
            facets[facet] = [term.pk for term in getattr(page, relation).all()]
    if hasattr(page, "sectors"):
        facets[Facet.SECTOR] = [sector.pk for sector in page.sectors.all()]
    return Listing(
        kind=kind,
        listed=listable_pages(type(page)).filter(pk=page.pk).exists(),
        weight=weight,
        date=page.last_published_at or page.first_published_at,
        municipality_id=getattr(page, "municipality_id", None),
        facets=facets,
    )


def _event_listing(page, kind, weight):
    # Dated by when it starts: the suggestions put the newest first, and a hit shows the day it takes place.
    listing = _page_listing(page, kind, weight)
    listing.date = page.starts_at
    return listing


def _thread_listing(thread, kind, weight):
    return Listing(
        kind=kind,
        listed=not thread.is_hidden,
        weight=weight,
        date=thread.last_activity_at,
        category_id=thread.category_id,
        municipality_id=thread.municipality_id,
        facets={Facet.TAG: [tag.pk for tag in thread.tags.all()]},
    )


def _post_listing(post, kind, weight):
    # The opening post is listed through its thread, so that a question is one hit, not two.
    return Listing(
        kind=kind,
        listed=not post.is_hidden and post.number > 1,
        weight=weight,
        date=post.created_at,
        parent=post.thread,
    )


# The weights lift the knowledge bank a little above forum talk when the words match as well:
# a checked method answers "how do we work with …" better than a reply in a thread.
REGISTRY = {
    MethodPage: (Entry(Kind.METHOD, 1.3), _page_listing),
    ExperiencePage: (Entry(Kind.EXPERIENCE, 1.25), _page_listing),
    ArticlePage: (Entry(Kind.ARTICLE, 1.0), _page_listing),
    TopicPage: (Entry(Kind.TOPIC, 1.1), _page_listing),
    MunicipalityPage: (Entry(Kind.MUNICIPALITY, 0.9), _page_listing),
    # An event is found by where it is held too ("Märsta", "Kulturhuset"); its tags and host municipality
    # come with every listed model's label words.
    EventPage: (Entry(Kind.EVENT, 1.0, extra_fields=("place",)), _event_listing),
    Thread: (Entry(Kind.THREAD, 1.1), _thread_listing),
    Post: (Entry(Kind.POST, 0.8), _post_listing),
}


def describe(obj):
    entry, listing = REGISTRY[type(obj)]
    return listing(obj, entry.kind, entry.weight)


def _flatten(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _flatten(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _flatten(item)]
    return [force_str(value)]


def indexed_text(obj, *, with_title=True):
    """The plain text of the object's own search fields (not related objects, not the added terms)."""
    texts = []
    for search_field in obj.get_search_fields():
        ours = isinstance(search_field, TitleTerms) or search_field.field_name == TERMS_FIELD
        if not isinstance(search_field, index.SearchField) or ours:
            continue
        if search_field.field_name == "title" and not with_title:
            continue
        texts += _flatten(search_field.get_value(obj))
    return " ".join(text for text in texts if text)


def label_words(obj):
    """Names of the object's tags and taxonomy terms, so that "äldre" finds a page for the target group Äldre."""
    names = []
    for relation in ("tags", "target_groups", "violence_types", "sectors"):
        manager = getattr(obj, relation, None)
        if manager is not None and hasattr(manager, "all"):
            names += [str(item) for item in manager.all()]
    municipality = getattr(obj, "municipality", None) if getattr(obj, "municipality_id", None) else None
    if municipality is not None:
        names.append(str(municipality))
    return " ".join(names)


def _analysed(text):
    # PostgreSQL's swedish configuration stems by itself; FTS5 is given the stems as words.
    return analysis.index_terms(text, stems=connection.vendor != "postgresql")


def title_terms(obj):
    """The stems and compound parts of the title, so that they count as title words ("Relationsvåldsteamet"
    is a title about a team). Tags and taxonomy terms stay in the text: editors apply them broadly."""
    title = " ".join(_flatten([f.get_value(obj) for f in obj.get_search_fields() if _is_title(f)]))
    return _analysed(title)


def search_terms(obj):
    """Tags, taxonomy terms and municipality, and what the Swedish analysis adds to the text and to them."""
    labels = label_words(obj)
    return f"{labels} {_analysed(f'{indexed_text(obj, with_title=False)} {labels}')}".strip()


def _is_title(search_field):
    return (
        isinstance(search_field, index.SearchField)
        and not isinstance(search_field, TitleTerms)
        and search_field.field_name == "title"
    )


class TitleTerms(index.SearchField):
    """Indexed in the title column: modelsearch's database backends put every search field named
    "title" there, and the site search weighs a title match far above one in the text."""

    def __init__(self):
        super().__init__("title")

    def get_value(self, obj):
        return title_terms(obj)


def install_terms_field():
    """Add the analysed words to every listed model's index, from above: the apps below know nothing of search."""
    for model, (entry, _listing) in REGISTRY.items():
        fields = [f for f in model.search_fields if not isinstance(f, TitleTerms)]
        named = {getattr(f, "field_name", None) for f in fields if isinstance(f, index.SearchField)}
        fields += [index.SearchField(name) for name in entry.extra_fields if name not in named]
        if not any(getattr(f, "field_name", None) == TERMS_FIELD for f in fields):
            fields.append(index.SearchField(TERMS_FIELD))
        if any(_is_title(f) for f in fields):  # a reply has no title of its own
            fields.append(TitleTerms())
        model.search_fields = fields
        model.search_terms = search_terms


def _content_type_id(model):
    return ContentType.objects.get_for_model(model, for_concrete_model=True).pk


def _ensure_parents(parents):
    """The documents of the given objects (threads), created as unlisted placeholders when missing."""
    if not parents:
        return {}
    model = type(parents[0])
    content_type_id = _content_type_id(model)
    ids = {force_str(parent.pk) for parent in parents}
    found = dict(
        SearchDocument.objects.filter(content_type_id=content_type_id, object_id__in=ids).values_list("object_id", "pk")
    )
    missing = [
        SearchDocument(content_type_id=content_type_id, object_id=object_id, kind=REGISTRY[model][0].kind)
        for object_id in ids - found.keys()
    ]
    if missing:
        SearchDocument.objects.bulk_create(missing, ignore_conflicts=True)
        found = dict(
            SearchDocument.objects.filter(content_type_id=content_type_id, object_id__in=ids).values_list(
                "object_id", "pk"
            )
        )
    return found


def sync(model, objs):
    """Write the documents and facet values of indexed objects; models the site search does not list are skipped."""
    objs = [obj for obj in objs if type(obj) in REGISTRY]
    if not objs:
        return
    model = type(objs[0])
    content_type_id = _content_type_id(model)
    listings = {force_str(obj.pk): describe(obj) for obj in objs}
    parents = [listing.parent for listing in listings.values() if listing.parent is not None]
    parent_ids = _ensure_parents(list({parent.pk: parent for parent in parents}.values()))

    existing = {
        document.object_id: document
        for document in SearchDocument.objects.filter(content_type_id=content_type_id, object_id__in=listings)
    }
    to_create, to_update = [], []
    for object_id, listing in listings.items():
        document = existing.get(object_id) or SearchDocument(content_type_id=content_type_id, object_id=object_id)
        document.kind = listing.kind
        document.listed = listing.listed
        document.weight = listing.weight
        document.date = listing.date
        document.category_id = listing.category_id
        document.municipality_id = listing.municipality_id
        document.parent_id = parent_ids.get(force_str(listing.parent.pk)) if listing.parent is not None else None
        (to_update if document.pk else to_create).append(document)
    SearchDocument.objects.bulk_create(to_create)
    SearchDocument.objects.bulk_update(
        to_update, ["kind", "listed", "weight", "date", "category_id", "municipality_id", "parent_id"]
    )

    documents = {document.object_id: document for document in [*to_create, *to_update]}
    if to_create and documents[next(iter(documents))].pk is None:  # backends that do not return ids
        documents = {
            document.object_id: document
            for document in SearchDocument.objects.filter(content_type_id=content_type_id, object_id__in=listings)
        }
    SearchFacet.objects.filter(document__in=[document.pk for document in documents.values()]).delete()
    SearchFacet.objects.bulk_create(
        SearchFacet(document_id=documents[object_id].pk, facet=facet, value_id=value_id)
        for object_id, listing in listings.items()
        for facet, value_ids in listing.facets.items()
        for value_id in set(value_ids)
    )
    versions.renew(INDEX_VERSION)


def forget(obj):
    """Remove a deleted object's document (its facet values and its posts' documents go with it)."""
    if type(obj) in REGISTRY:
        SearchDocument.objects.filter(content_type_id=_content_type_id(type(obj)), object_id=force_str(obj.pk)).delete()
        versions.renew(INDEX_VERSION)


def forget_all():
    SearchDocument.objects.all().delete()
    versions.renew(INDEX_VERSION)
