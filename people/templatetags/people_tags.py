"""Names that link to profiles, and "Vem kan mer om detta?" for tag, method and thread pages."""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html

from taggit.models import Tag

from people.directory import colleagues_who_know

register = template.Library()


STAND_IN = 987654321987


@lru_cache(maxsize=8)
def _profile_address_pattern(script_prefix):
    """A profile's address with a stand-in key: names are drawn many times a page, `reverse` once a process."""
    return reverse("people:profile", args=[STAND_IN])


def profile_address(person):
    return _profile_address_pattern(get_script_prefix()).replace(str(STAND_IN), str(person.pk))


@register.simple_tag
def person_link(person):
    """The person's name, a link to their profile while the account is active."""
    if person is None:
        return ""
    if not person.is_active:
        return format_html("{}", person)
    return format_html('<a href="{}">{}</a>', profile_address(person), person)


@register.inclusion_tag("components/people/who_knows.html", takes_context=True)
def who_knows(context, subject, tags=None):
    """Colleagues with expertise in the tag (or the tags of the page or thread, given as `tags` when the page has
    them already), or accepted answers in it."""
    if tags is not None:
        tags = list(tags)
    elif isinstance(subject, Tag):
        tags = [subject]
    elif getattr(subject, "pk", None):
        tags = list(subject.tags.all())
    else:
        tags = []  # a preview of a never-saved page
    return {
        "colleagues": colleagues_who_know([tag.pk for tag in tags], context["request"].user),
        "tags": tags,
    }
