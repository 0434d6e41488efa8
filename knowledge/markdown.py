"""Markdown to HTML that is safe to show, for imported pages and forum posts."""

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "blockquote",
    "code",
    "pre",
    "br",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener noreferrer"


def keep_headings_below_the_title(state):
    # The page title is the page's only h1, and the editor offers no h5 or h6.
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            level = int(token.tag[1])
            token.tag = f"h{min(max(level, 2), 4)}"


def image_as_link(renderer, tokens, idx, options, env):
    # Pictures from elsewhere are not embedded: they would load from outside the intranet.
    image = tokens[idx]
    source = image.attrGet("src") or ""
    text = renderer.renderInlineAsText(image.children or [], options, env) or source
    return f'<a href="{escapeHtml(source)}">{escapeHtml(text)}</a>'


parser = MarkdownIt("commonmark", {"html": False, "linkify": False})
parser.core.ruler.push("keep_headings_below_the_title", keep_headings_below_the_title)
parser.add_render_rule("image", image_as_link)


def render_markdown(text):
    """Render Markdown as HTML: raw HTML shows as text, and only plain tags and web or mail links remain."""
    return nh3.clean(
        parser.render(text),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
    ).strip()
