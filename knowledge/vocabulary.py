"""The shared tag vocabulary: which tags a person may write, what a synonym stands for, and how editors keep it.

One rule for every form that takes tags (pages, documents, images, forum threads): a tag of
the vocabulary is written as the vocabulary spells it, a synonym becomes its tag, and a new
word becomes a new tag only for those who keep the vocabulary (the permission to add a tag:
editors, moderators, the joint board, administrators). Anyone else is asked to choose an
existing tag, so a typo never becomes a public tag. Editors rename and merge tags and keep
their synonyms in the admin (knowledge/admin_tags.py); nothing a person wrote is lost: a
merged or renamed tag's old name stays as a synonym and its old address leads to the tag.
"""

import operator
from functools import reduce

from django import forms
from django.apps import apps
from django.db import transaction
from django.db.models import Q, UniqueConstraint
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from taggit.models import ItemBase, Tag
from wagtail.log_actions import log
from wagtail.models import Revision
from wagtail.search.index import insert_or_update_object

from .models.tags import TagSynonym, tags_offered_to
from .tagging import MAX_TAG_LENGTH, fallback_slug

ADD_TAG_PERMISSION = "taggit.add_tag"
MERGED = "knowledge.tag_merged"
RENAMED = "knowledge.tag_renamed"
TAG_HELP = _("Choose tags from the intranet's shared vocabulary: type the start of a word and pick it from the list.")
TAG_HELP_FOR_KEEPERS = _(
    "Choose tags from the intranet's shared vocabulary. A word that is not in it yet becomes a new tag."
)


def may_add_tags(user):
    """Whether a new word the person types becomes a tag of the shared vocabulary."""
    return user is not None and user.has_perm(ADD_TAG_PERMISSION)


def tag_help_for(user):
    return TAG_HELP_FOR_KEEPERS if may_add_tags(user) else TAG_HELP


def spelled_alike(name):
    """Tags (or synonyms) that may be `name` in another case, narrowed in Python by casefold: SQLite's LIKE folds
    only a–z, so "äldre" finds "Äldre" by its address ("aldre", or "aldre_1" beside a "Aldre"), not by its name."""
    return Q(name__iexact=name) | Q(slug__startswith=Tag().slugify(name))


def named_or_called(typed, lookup="icontains"):
    """Tags whose name, or one of whose synonyms, matches what was typed: for suggestions while writing."""
    synonyms = TagSynonym.objects.filter(**{f"name__{lookup}": typed}).values("tag_id")
    return Q(**{f"name__{lookup}": typed}) | Q(pk__in=synonyms)


def unknown_tags_error(names):
    return forms.ValidationError(
        ngettext(
            "The tag %(tags)s is not in the shared vocabulary. Choose an existing tag, or ask an editor to add it.",
            "The tags %(tags)s are not in the shared vocabulary. Choose existing tags, or ask an editor to add them.",
            len(names),
        )
        % {"tags": ", ".join(f"“{name}”" for name in names)},
        code="unknown_tag",
    )


def resolve_tags(names, user, *, kept=()):
    """The tag names to save for the (tidied) names a person wrote, or a ValidationError naming the unknown ones.

    Only tags the person may be offered count as known: one used only where they may not look gets the same
    answer as one that does not exist, so the form never tells whether such a tag exists. `kept` are the names
    already on what is being edited, which stay whoever added them.
    """
    if not names:
        return []
    alike = reduce(operator.or_, map(spelled_alike, names))
    offered = tags_offered_to(user)
    known = {name.casefold(): name for name in offered.filter(alike).values_list("name", flat=True)}
    synonyms = TagSynonym.objects.filter(alike, tag__in=offered.values("pk")).values_list("name", "tag__name")
    meant = {synonym.casefold(): name for synonym, name in synonyms}
    already = {str(name).casefold(): str(name) for name in kept}
    resolved, unknown = {}, []
    for name in names:
        key = name.casefold()
        tag = known.get(key) or meant.get(key) or already.get(key)
        if tag is None and may_add_tags(user):
            tag = name
        if tag is None:
            unknown.append(name)
        else:
            resolved.setdefault(tag.casefold(), tag)
    if unknown:
        raise unknown_tags_error(unknown)
    return list(resolved.values())


class VocabularyTagsMixin:
    """For a Wagtail form with a `tags` field (pages, documents, images): the vocabulary's rule, and help saying it."""

    def __init__(self, *args, **kwargs):
        # The person filling in the form: page forms are given `for_user`, document and image forms `user`.
        self.tags_writer = kwargs.get("for_user") or kwargs.get("user")
        super().__init__(*args, **kwargs)
        if "tags" in self.fields and self.tags_writer is not None:
            self.fields["tags"].help_text = tag_help_for(self.tags_writer)

    def clean_tags(self):
        parent = getattr(super(), "clean_tags", None)
        names = parent() if parent else self.cleaned_data.get("tags")
        if self.tags_writer is None:  # built by code, not by a person typing
            return names
        kept = [getattr(tag, "name", tag) for tag in self.initial.get("tags") or ()]
        return resolve_tags(list(names or ()), self.tags_writer, kept=kept)


# Editors keeping the vocabulary


def tag_relations():
    """Every relation that points at a tag: the through models of pages, threads and files, follows, synonyms."""
    fields = Tag._meta.get_fields(include_hidden=True)  # follows have no name back ("+"), and count too
    return [field for field in fields if field.auto_created and not field.concrete and field.one_to_many]


def identity_fields(model, field_name):
    """The fields that, with the tag, say which row this is: two rows equal in them are one use of the tag."""
    if issubclass(model, ItemBase):
        names = [field.name for field in model._meta.concrete_fields if field.name in ("content_object", "object_id")]
        return names + (["content_type"] if "object_id" in names else [])
    for constraint in model._meta.constraints:
        if isinstance(constraint, UniqueConstraint) and field_name in constraint.fields and not constraint.condition:
            return [name for name in constraint.fields if name != field_name]
    return None  # nothing makes two rows the same: each one just moves


def tagged_objects(tag):
    """What carries the tag (pages, threads, documents …), for the search index to learn its new name."""
    for through in (model for model in apps.get_models() if issubclass(model, ItemBase)):
        for item in through.objects.filter(tag=tag).select_related():
            obj = item.content_object
            if obj is not None:
                yield getattr(obj, "specific", obj)


def reindex(objects):
    for obj in objects:
        insert_or_update_object(obj)


def unique_tag_slug(name, *, exclude_pk=None):
    base = (Tag().slugify(name) or fallback_slug(name))[: MAX_TAG_LENGTH - 4]
    taken = set(Tag.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        slug, number = f"{base}_{number}", number + 1
    return slug


def keep_as_synonym(name, slug, tag):
    """The old name of a tag stays a word for it; its old address leads to it."""
    if name.casefold() == tag.name.casefold():
        return
    TagSynonym.objects.filter(name__iexact=name).delete()  # it named another tag before: now it names this one
    TagSynonym.objects.create(name=name, slug=slug, tag=tag)


@transaction.atomic
def rename_tag(tag, old_name, old_slug, *, by):
    """After the tag's name was changed from `old_name`: a fresh address, the old name as a synonym, logged."""
    tag.slug = unique_tag_slug(tag.name, exclude_pk=tag.pk)
    tag.save(update_fields=["slug"])
    keep_as_synonym(old_name, old_slug, tag)
    log(instance=tag, action=RENAMED, user=by, data={"from": old_name, "to": tag.name})
    reindex(list(tagged_objects(tag)))


def move_tag_ids_in_revisions(source, into):
    """Page revisions name tags by id: a draft or an older revision published later must find the kept tag."""
    needle = f'"tag": {source.pk}'
    for revision in Revision.objects.filter(content__icontains=needle).iterator():
        items = revision.content.get("tagged_items")
        if not isinstance(items, list) or not any(item.get("tag") == source.pk for item in items):
            continue
        carried = {item.get("tag") for item in items}
        revision.content["tagged_items"] = [
            {**item, "tag": into.pk} for item in items if item.get("tag") != source.pk or into.pk not in carried
        ]
        revision.save(update_fields=["content"])


@transaction.atomic
def merge_tags(source, into, *, by):
    """Move every use of `source` to `into` and keep its name as a synonym of `into`; returns the uses moved.

    Pages, threads, documents and images carry `into` instead (once, if they had both), followers of
    `source` follow `into`, its synonyms become `into`'s, and so do the revisions of pages. The merge
    is logged on `into` with the old name and address.
    """
    if source.pk == into.pk:
        return 0
    source = Tag.objects.select_for_update().get(pk=source.pk)
    carriers = list(tagged_objects(source))
    moved = 0
    for relation in tag_relations():
        model, field = relation.related_model, relation.field.name
        identity = identity_fields(model, field)
        for row in model.objects.filter(**{field: source}):
            same = {name: getattr(row, model._meta.get_field(name).attname) for name in identity or ()}
            if identity is not None and model.objects.filter(**same, **{field: into}).exists():
                row.delete()  # the object carries (or the person follows) the kept tag already
            else:
                setattr(row, field, into)
                row.save(update_fields=[field])
            moved += issubclass(model, ItemBase)
    move_tag_ids_in_revisions(source, into)
    name, slug = source.name, source.slug
    source.delete()
    keep_as_synonym(name, slug, into)
    log(instance=into, action=MERGED, user=by, data={"merged": name, "address": slug, "uses": moved})
    reindex(carriers)
    return moved
