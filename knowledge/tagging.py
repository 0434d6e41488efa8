"""How tag names are cleaned up, whichever way they arrive (editing forms, the forum, imports).

With TAGGIT_CASE_INSENSITIVE, "Våld" and "våld" are one tag; this also makes
"våld ", " våld" and "våld  i nära relationer" match their tidy spelling.

A tag is reached by its slug (/taggar/<slug>/, ?tagg=<slug>), and with
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING a name of only signs such as "ʼʼ" has
none: such names are refused where a person types them, dropped elsewhere,
and a tag that gets saved anyway is given a slug of its own.
"""

from django import forms
from django.utils.translation import gettext as _

from taggit.models import Tag
from taggit.utils import _parse_tags

MAX_TAG_LENGTH = 100
FALLBACK_SLUG_PREFIX = "tagg-"


def normalise_tag_name(name):
    return " ".join(str(name).split())[:MAX_TAG_LENGTH]


def has_slug(name):
    """Whether a tag name has a letter or digit that can make its address."""
    return bool(Tag().slugify(name))


def fallback_slug(name):
    """An address for a tag whose name makes none: its characters' code points, e.g. "tagg-2bc-2bc"."""
    return (FALLBACK_SLUG_PREFIX + "-".join(f"{ord(character):x}" for character in name.strip()))[:MAX_TAG_LENGTH]


def normalise_tag_names(names):
    """Tidy names, dropping empty ones, ones that cannot have an address, and duplicates that differ only in case."""
    seen = {}
    for name in names:
        tidy = normalise_tag_name(name)
        if tidy and has_slug(tidy) and tidy.casefold() not in seen:
            seen[tidy.casefold()] = tidy
    return list(seen.values())


def parse_tags(tag_string):
    """TAGGIT_TAGS_FROM_STRING: taggit's parsing, then our tidying; a name without letters or digits is refused."""
    names = [normalise_tag_name(name) for name in _parse_tags(tag_string)]
    unusable = [name for name in names if name and not has_slug(name)]
    if unusable:
        raise forms.ValidationError(
            _("A tag needs at least one letter or digit: %(tags)s. Remove it or write it with letters.")
            % {"tags": ", ".join(f"“{name}”" for name in unusable)},
            code="tag_without_slug",
        )
    return normalise_tag_names(names)


def give_tag_a_slug(sender, instance, **kwargs):
    """pre_save of Tag: no tag is stored without an address, however it was made."""
    if not instance.slug:
        instance.slug = fallback_slug(instance.name)


def give_empty_slugs_a_slug(tag_model):
    """For the data migration: every stored tag without a slug gets its fallback; returns how many."""
    tags = list(tag_model.objects.filter(slug=""))
    for tag in tags:
        tag.slug = fallback_slug(tag.name)
        tag.save(update_fields=["slug"])
    return len(tags)
