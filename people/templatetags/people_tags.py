"""Names that link to profiles, and "Vem kan mer om detta?" for tag, method and thread pages."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from taggit.models import Tag

from people.directory import colleagues_who_know

register = template.Library()


@register.simple_tag
def person_link(person):
    """The person's name, a link to their profile while the account is active."""
    if person is None:
        return ""
    if not person.is_active:
        return format_html("{}", person)
    return format_html('<a href="{}">{}</a>', reverse("people:profile", args=[person.pk]), person)


@register.inclusion_tag("components/people/who_knows.html", takes_context=True)
def who_knows(context, subject):
    """Colleagues with expertise in the tag (or the tags of the page or thread), or accepted answers in it."""
    if isinstance(subject, Tag):
        tags = [subject]
    elif getattr(subject, "pk", None):
        tags = list(subject.tags.all())
    else:
        tags = []  # a preview of a never-saved page
    return {
        "colleagues": colleagues_who_know([tag.pk for tag in tags], context["request"].user),
        "tags": tags,
    }
