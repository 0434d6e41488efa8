"""Names that link to profiles, and "Vem kan mer om detta?" for tag, method and thread pages."""

from django import template
from django.utils.html import format_html

from taggit.models import Tag

from common.addresses import address_of
from people import caching

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
    them already), or accepted answers in it. Kept for every reader of a kind (people/caching.py); a page's own
    tags are read only when nothing is kept, and a preview, which may show a draft's tags, is never kept."""
    request = context["request"]
    if tags is None and (isinstance(subject, Tag) or not getattr(subject, "pk", None)):
        tags = [subject] if isinstance(subject, Tag) else []  # [] for a preview of a never-saved page
    if tags is not None:
        tags = list(tags)
        about, read_tags = ["tags", *sorted(tag.pk for tag in tags)], lambda: tags
    else:
        about, read_tags = [subject._meta.label, subject.pk], lambda: list(subject.tags.all())
    keep = not getattr(request, "is_preview", False)
    tag_slugs, colleagues = caching.who_knows(request.user, about, read_tags, keep=keep)
    return {"colleagues": colleagues, "tag_slugs": tag_slugs}
