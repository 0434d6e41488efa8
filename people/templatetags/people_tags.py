"""Names that link to profiles, and "Vem kan mer om detta?" for tag, method and thread pages."""

from django import template
from django.utils.html import format_html

from taggit.models import Tag

from common.addresses import address_of
from people.directory import colleagues_who_know

register = template.Library()


@register.simple_tag
def person_link(person):
    """The person's name, a link to their profile while the account is active."""
    if person is None:
        return ""
    if not person.is_active:
        return format_html("{}", person)
    return format_html('<a href="{}">{}</a>', address_of("people:profile", person.pk), person)


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
