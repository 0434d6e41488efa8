"""Plain text from what forms and pages hold: rich-text HTML, StreamField values, lists and mappings."""

import html
import re
from collections.abc import Mapping, Sequence

from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

# Block elements become line breaks, so that "<p>850709</p><p>1232</p>" does not read as one number,
# while inline ones vanish, so that "<b>850709</b>-1232" still does.
BLOCK_TAG = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|br|hr|blockquote|table|tr|td|th)\b[^>]*>", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")
LINK_TARGET = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def html_to_text(markup):
    """The text of an HTML fragment, followed by its link targets ("mailto:…", "tel:…") on lines of their own."""
    targets = [double or single for double, single in LINK_TARGET.findall(markup)]
    return html.unescape("\n".join([TAG.sub("", BLOCK_TAG.sub("\n", markup)), *targets]))


def texts_in(value, *, is_html=False):
    """Yield every piece of text in a value, looking into StreamField blocks, lists and structs."""
    if isinstance(value, str):
        yield html_to_text(value) if is_html else value
    elif isinstance(value, RichText):
        yield html_to_text(value.source)
    elif isinstance(value, StreamValue):
        for child in value:
            yield from texts_in(child.value)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from texts_in(item, is_html=is_html)
    elif isinstance(value, Sequence):
        for item in value:
            yield from texts_in(item, is_html=is_html)


def plain_text(value, *, is_html=False):
    """All the text in a value, one piece a line; "" when it holds none."""
    return "\n".join(text for text in texts_in(value, is_html=is_html) if text)
