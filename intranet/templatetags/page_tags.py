"""What every page's frame asks of what the page holds: whether it shows errors, which language its content is in."""

from django import template
from django.forms import BaseForm
from django.utils.html import format_html
from django.utils.translation import gettext as _

from common import language

register = template.Library()


def shows_errors(context):
    """Whether the page shows an error: a submitted form with errors, or an error the view names (`page_error`)."""
    values = context.flatten().values()
    return any(isinstance(value, BaseForm) and value.is_bound and value.errors for value in values) or bool(
        context.get("page_error")
    )


@register.simple_tag(takes_context=True)
def error_title_prefix(context):
    """ "Fel: " first in the title of a page that shows errors, so a screen reader says so before anything else."""
    return _("Error: ") if shows_errors(context) else ""


@register.simple_tag
def foreign_content_language():
    """The content's language while the interface speaks another one ("sv" in the English interface), else ""."""
    return language.foreign_content_language()


@register.simple_tag
def content_lang():
    """` lang="sv"` on an element that holds content, while the interface around it speaks another language."""
    foreign = language.foreign_content_language()
    return format_html(' lang="{}"', foreign) if foreign else ""


@register.filter
def in_content_language(text):
    """Text from the content (a title, a tag) marked as Swedish inside an interface sentence in another language."""
    return language.in_content_language(text)
