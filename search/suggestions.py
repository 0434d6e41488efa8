"""Suggestions while typing: titles the person may open, and tags, that start like the words typed."""

import operator
from functools import reduce

from django.db import connection
from django.db.models import Exists, OuterRef
from django.urls import reverse

from taggit.models import Tag

from . import analysis, dialects, engine, presentation
from .dialects import compose, param
from .documents import REGISTRY
from .models.documents import Kind
from .permissions import Visibility
from .question import MAX_QUERY_LENGTH, Question

MAX_TITLES = 6
MAX_TAGS = 3


def _prefixes(text):
    return [word[:30] for word in analysis.tokens(text[:MAX_QUERY_LENGTH])][-5:]


def _title_rows(user, words):
    flavour = dialects.dialect()
    source, starting = flavour.prefixes(words)
    documents = flavour.quote(flavour.documents)
    statement = compose(
        "SELECT d.content_type_id, d.object_id, d.kind, 0, COALESCE(d.parent_id, d.id) "
        "FROM {source} JOIN {documents} d ON d.content_type_id = e.content_type_id AND d.object_id = e.object_id "
        "LEFT JOIN {documents} p ON p.id = d.parent_id WHERE {starting}{visibility} AND d.kind <> {post} "
        "ORDER BY d.weight DESC, d.date DESC LIMIT {limit}",
        source=source,
        documents=documents,
        starting=starting,
        visibility=dialects.visibility(engine.visible_category_ids(user)),
        post=param(Kind.POST),
        limit=param(MAX_TITLES),
    )
    with connection.cursor() as cursor:
        cursor.execute(*statement)
        return cursor.fetchall()


def _tags_in_sight(user):
    """Tags used on at least one thing the person may see: a tag only on drafts, restricted pages or
    threads in rooms they may not enter would tell what is written there."""
    visibility = Visibility(user)
    used = [
        Exists(
            model._meta.get_field("tags")
            .through.objects.filter(tag=OuterRef("pk"))
            .filter(content_object__in=visibility.objects(model).values("pk"))
        )
        for model in REGISTRY
        if hasattr(model, "tags")
    ]
    return Tag.objects.filter(reduce(operator.or_, used))


def suggest(user, text, *, request=None):
    words = _prefixes(text)
    if not words or len("".join(words)) < 2:
        return []
    asked = Question(text=text, shortened=False, concepts=[[[word]] for word in words])
    hits = presentation.present(_title_rows(user, words), asked, user=user, request=request)
    suggestions = [
        {"label": hit.title, "type": hit.kind, "type_label": str(hit.kind_label), "url": hit.url} for hit in hits
    ]
    tags = _tags_in_sight(user).filter(name__istartswith=" ".join(words)).order_by("name")[:MAX_TAGS]
    suggestions += [
        {
            "label": tag.name,
            "type": "tagg",
            "type_label": str(Tag._meta.verbose_name),
            "url": reverse("knowledge:tag", args=[tag.slug]),
        }
        for tag in tags
    ]
    return suggestions
