"""Markdown to HTML that is safe to show, for imported pages and forum posts."""

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

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


def _text_as_links(children, link_text, quoted):
    """The inline tokens with each plain text outside a link passed through `link_text`."""
    inside_link = 0
    result = []
    for token in children:
        inside_link += {"link_open": 1, "link_close": -1}.get(token.type, 0)
        if token.type != "text" or inside_link:
            result.append(token)
            continue
        for piece in link_text(token.content, quoted=quoted):
            if isinstance(piece, str):
                result.append(Token("text", "", 0, content=piece))
            else:
                label, href = piece
                result.append(Token("link_open", "a", 1, attrs={"href": href}))
                result.append(Token("text", "", 0, content=label))
                result.append(Token("link_close", "a", -1))
    return result


def render_markdown(text, *, link_text=None):
    """Render Markdown as HTML: raw HTML shows as text, and only plain tags and web or mail links remain.

    `link_text(text, quoted=…)` may turn words of the plain text into links (the forum's @mentions): it returns the
    text in pieces, each a string or a (label, href) pair. It never sees code, text already in a link, or the URL of
    one; `quoted` tells whether the text stands in a block quote.
    """
    tokens = parser.parse(text)
    if link_text:
        quote_depth = 0
        for token in tokens:
            quote_depth += {"blockquote_open": 1, "blockquote_close": -1}.get(token.type, 0)
            if token.type == "inline" and token.children:
                token.children = _text_as_links(token.children, link_text, quoted=quote_depth > 0)
    return nh3.clean(
        parser.renderer.render(tokens, parser.options, {}),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
    ).strip()
