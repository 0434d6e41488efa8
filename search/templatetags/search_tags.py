"""What the search boxes need to know from the search itself."""

from django import template

from .. import question

register = template.Library()


@register.simple_tag
def max_query_length():
    """The longest question the search reads; the boxes' maxlength, so a person cannot type past it."""
    return question.MAX_QUERY_LENGTH
