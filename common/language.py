"""The language content is written in, and how content is marked inside an interface that speaks another one."""

from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language

# Pages, posts, titles and tags are written in the site's own language, whichever language the interface speaks.
CONTENT_LANGUAGE = settings.LANGUAGE_CODE


def foreign_content_language():
    """The content's language while the interface speaks another one ("sv" in the English interface), else ""."""
    return "" if (get_language() or CONTENT_LANGUAGE).split("-")[0] == CONTENT_LANGUAGE else CONTENT_LANGUAGE


def in_content_language(text):
    """Text from the content (a title, a tag) marked as Swedish inside an interface sentence in another language."""
    language = foreign_content_language()
    return format_html('<span lang="{}">{}</span>', language, text) if language and text else conditional_escape(text)
