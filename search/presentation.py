"""Turn ranked rows into what a person sees: title, address, kind, municipality, tags, marked snippet.

Loads only the objects on the page, and only those the person may see, with a fixed number of
queries: one per kind on the page (checked with the forum's and Wagtail's own rules, see
`permissions`; their municipalities joined), one for the opening posts of threads and one for
tags. Wagtail's view restrictions come from the paths kept per version of the page tree.
"""

from dataclasses import dataclass, field
from html import unescape

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.html import strip_tags

from taggit.models import Tag

from events.models import EventPage
from forum.models import Post, Thread

from . import analysis, highlight
from .documents import indexed_text
from .models import SearchFacet
from .models.documents import Facet, Kind
from .permissions import Visibility


@dataclass(frozen=True)
class EventTimes:
    """When an event is held. Past events keep their rank and are labelled: the search never ages a hit by itself,
    and "what did the workshop on X cover" is a fair question after it was held."""

    starts_at: object
    ends_at: object
    is_past: bool
    is_cancelled: bool

    @classmethod
    def of(cls, event, now):
        return cls(event.starts_at, event.ends_at, event.ends_at < now, event.is_cancelled)


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    snippet: str
    obj: object
    municipality: str = ""
    tags: list = field(default_factory=list)
    context: str = ""  # where a forum post was written, or what kind of event
    date: object = None
    event: object = None  # for an event: when it starts and ends, and whether it has been held

    @property
    def kind_label(self):
        return Kind(self.kind).label


def _load_objects(rows, user):
    """The objects of the rows that `user` may see: what the side table says is checked again on the objects."""
    by_type = {}
    for content_type_id, object_id, *_rest in rows:
        by_type.setdefault(content_type_id, []).append(object_id)
    visibility = Visibility(user)
    objects = {}
    for content_type_id, object_ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        queryset = visibility.objects(model).filter(pk__in=object_ids)
        if model is Post:
            queryset = queryset.select_related("thread", "thread__category", "thread__municipality")
        elif model is Thread:
            queryset = queryset.select_related("category", "municipality")
        elif _has_municipality(model):
            queryset = queryset.select_related("municipality")
        for obj in queryset:
            objects[(content_type_id, str(obj.pk))] = obj
    return objects


def _has_municipality(model):
    return any(field.name == "municipality" and field.is_relation for field in model._meta.get_fields())


def _municipality_name(obj):
    municipality = getattr(obj, "municipality", None) if _has_municipality(type(obj)) else None
    return municipality.name if municipality else ""


def _tags_by_document(rows):
    """The names of the tags of each hit's document (one query)."""
    document_ids = {row[4] for row in rows}
    names = Tag.objects.filter(pk=OuterRef("value_id")).values("name")
    pairs = (
        SearchFacet.objects.filter(document_id__in=document_ids, facet=Facet.TAG)
        .annotate(name=Subquery(names))
        .values_list("document_id", "name")
    )
    tags = {}
    for document_id, name in pairs:
        if name is not None:  # a tag removed since the document was indexed
            tags.setdefault(document_id, []).append(name)
    return {document_id: sorted(values) for document_id, values in tags.items()}


def _text_of(html):
    # The snippet escapes the text itself: left as entities, "a < b" would show as "a &lt; b".
    return unescape(strip_tags(html))


def _opening_texts(threads):
    if not threads:
        return {}
    # A hidden opening post's text is out of the index too (Thread.opening_text).
    openings = Post.objects.filter(thread__in=threads, number=1, is_hidden=False).values_list("thread_id", "body_html")
    return {thread_id: _text_of(body_html) for thread_id, body_html in openings}


def present(rows, question, *, user, request=None):
    """The hits of one page of results that `user` may see, in rank order."""
    if not rows:
        return []
    objects = _load_objects(rows, user)
    tags = _tags_by_document(rows)
    threads = [obj for obj in objects.values() if isinstance(obj, Thread)]
    openings = _opening_texts(threads)
    forms = highlight.snippet_forms(question.words)
    lexicon = analysis.lexicon()
    now = timezone.now()
    hits = []
    for content_type_id, object_id, kind, _score, facet_document_id in rows:
        obj = objects.get((content_type_id, object_id))
        if obj is None:  # deleted between the two statements, or not for this person whatever the side table says
            continue
        if isinstance(obj, Post):
            title, url, text = obj.thread.title, obj.get_absolute_url(), _text_of(obj.body_html)
            municipality, context, date = _municipality_name(obj.thread), obj.thread.category.name, obj.created_at
        elif isinstance(obj, Thread):
            title, url, text = obj.title, obj.get_absolute_url(), openings.get(obj.pk, "")
            municipality, context, date = _municipality_name(obj), obj.category.name, obj.last_activity_at
        else:
            title, url, text = obj.title, obj.get_url(request), indexed_text(obj, with_title=False)
            municipality, context, date = _municipality_name(obj), "", obj.last_published_at
        event = None
        if isinstance(obj, EventPage):
            context, date, event = obj.get_event_type_display(), obj.starts_at, EventTimes.of(obj, now)
        hits.append(
            Hit(
                kind=kind,
                title=title,
                url=url or "",
                snippet=highlight.highlight(text, forms, lexicon=lexicon),
                obj=obj,
                municipality=municipality,
                tags=tags.get(facet_document_id, []),
                context=context,
                date=date,
                event=event,
            )
        )
    return hits
