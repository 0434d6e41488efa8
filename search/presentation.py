"""Turn ranked rows into what a person sees: title, address, kind, municipality, tags, marked snippet.

Loads only the objects on the page, and only those the person may see, with a fixed number of
queries: one per kind on the page (checked with the forum's and Wagtail's own rules, see
`permissions`), one for Wagtail's view restrictions, one for the opening posts of threads, two
for tags and one for municipalities.
"""

from dataclasses import dataclass, field
from html import unescape

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.html import strip_tags

from taggit.models import Tag

from accounts.models import Municipality
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
            queryset = queryset.select_related("thread", "thread__category")
        elif model is Thread:
            queryset = queryset.select_related("category")
        for obj in queryset:
            objects[(content_type_id, str(obj.pk))] = obj
    return objects


def _tags_by_document(rows):
    document_ids = {row[4] for row in rows}
    pairs = list(
        SearchFacet.objects.filter(document_id__in=document_ids, facet=Facet.TAG).values_list("document_id", "value_id")
    )
    names = dict(Tag.objects.filter(pk__in={value_id for _document, value_id in pairs}).values_list("pk", "name"))
    tags = {}
    for document_id, value_id in pairs:
        if value_id in names:
            tags.setdefault(document_id, []).append(names[value_id])
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
    municipalities = dict(Municipality.objects.values_list("pk", "name"))
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
            municipality_id, context, date = obj.thread.municipality_id, obj.thread.category.name, obj.created_at
        elif isinstance(obj, Thread):
            title, url, text = obj.title, obj.get_absolute_url(), openings.get(obj.pk, "")
            municipality_id, context, date = obj.municipality_id, obj.category.name, obj.last_activity_at
        else:
            title, url, text = obj.title, obj.get_url(request), indexed_text(obj, with_title=False)
            municipality_id, context, date = getattr(obj, "municipality_id", None), "", obj.last_published_at
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
                municipality=municipalities.get(municipality_id, ""),
                tags=tags.get(facet_document_id, []),
                context=context,
                date=date,
                event=event,
            )
        )
    return hits
