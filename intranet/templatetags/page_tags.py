"""What every page's frame asks of what the page holds: whether it shows errors, which language its content is in;
and the parts of the frame kept rendered (`frame_part`)."""

import re
import secrets

from django import template
from django.forms import BaseForm
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _

from common import addresses, language, versions
from common.kept import KeptInProcess

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


# Parts of the frame drawn alike for many people, kept rendered in each process's memory (`frame_part`). The most
# recently used are kept; a part is a few hundred bytes to a few kilobytes.
KEPT_PARTS = KeptInProcess(size=256)


def forget():
    """Drop the kept parts and addresses (tests that change the settings or URLs they are drawn from)."""
    KEPT_PARTS.clear()
    addresses.forget()


# Where a part's own bits (`{% own %}`) go in the text kept: a mark with a nonce of this process's, which no text
# a person wrote can hold, since the part was drawn before anyone could read the nonce.
OWN_MARK_NONCE = secrets.token_hex(8)
OWN_MARK = re.compile(f"\x00{OWN_MARK_NONCE}:(\\d+)\x00")


class FramePartNode(template.Node):
    def __init__(self, nodelist, name, values, version_names):
        self.nodelist, self.name, self.values, self.version_names = nodelist, name, values, version_names
        # The own bits inside the part, not inside a part nested in it (which has claimed them already).
        self.own = [node for node in nodelist.get_nodes_by_type(OwnNode) if node.part is None]
        for number, node in enumerate(self.own):
            node.part, node.number = self, number

    def render(self, context):
        values = tuple(value.resolve(context) for value in self.values)
        tokens = tuple(versions.tokens(*self.version_names)) if self.version_names else ()
        key = (self.name, translation.get_language(), values, tokens)
        drawn = KEPT_PARTS.get(key, lambda: self.draw(context))
        if not self.own:
            return drawn
        return "".join(piece if type(piece) is str else self.own[piece].nodelist.render(context) for piece in drawn)

    def draw(self, context):
        """The part as everyone it is kept for sees it: its text, or, with own bits, the pieces of text between them
        and each own bit's number."""
        if not self.own:
            return self.nodelist.render(context)
        with context.push({OwnNode.DRAWING: self}):
            text = self.nodelist.render(context)
        pieces = OWN_MARK.split(text)
        # split() gives the text, then each mark's number and the text after it, in turn.
        return tuple(piece if position % 2 == 0 else int(piece) for position, piece in enumerate(pieces))


class OwnNode(template.Node):
    """A bit of a frame part that is the person's own (their name, a CSRF token, what they asked): drawn anew on
    every request, into the part kept for everyone."""

    DRAWING = "_frame_part_drawing"

    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.part, self.number = None, None

    def render(self, context):
        if self.part is not None and context.get(self.DRAWING) is self.part:
            return f"\x00{OWN_MARK_NONCE}:{self.number}\x00"
        return self.nodelist.render(context)


@register.tag
def frame_part(parser, token):
    """`{% frame_part "name" value … versions "support pages" %}…{% end_frame_part %}`: the part rendered once per
    process for each language, each combination of the values and each token of the named versions
    (common/versions.py), then given as it was, but for its own bits (`{% own %}…{% end_own %}`), drawn on every
    request.

    Only for what depends on nothing else: the language, the values named (which must be few: a flag, which link
    is current) and the data whose version tokens are named. A person's name, a CSRF token, what they asked, or a
    permission not among the values go inside `{% own %}`, in the same template as the part. Translations and the
    addresses of routes change only with a new deployment, which starts new processes.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("frame_part needs a name")
    name, rest, version_names = bits[1].strip("\"'"), bits[2:], ()
    if "versions" in rest:
        at = rest.index("versions")
        version_names = tuple(rest[at + 1].strip("\"'").split())
        rest = rest[:at] + rest[at + 2 :]
    nodelist = parser.parse(("end_frame_part",))
    parser.delete_first_token()
    return FramePartNode(nodelist, name, [parser.compile_filter(bit) for bit in rest], version_names)


@register.tag
def own(parser, token):
    """`{% own %}…{% end_own %}` inside a frame part: the person's own bit, drawn on every request (elsewhere simply
    drawn)."""
    nodelist = parser.parse(("end_own",))
    parser.delete_first_token()
    return OwnNode(nodelist)


@register.simple_tag
def address(route):
    """The address of a route without arguments, reversed once per process (`{% url %}` walks the patterns)."""
    return addresses.address(route)


# The main navigation's links, and which of them a path is: the part keeps one rendering per current link.
MAIN_NAV = (("start", None), ("bank", "knowledge:bank"), ("forum", "forum:index"), ("people", "people:directory"))


@register.simple_tag
def current_main_nav(path):
    """Which main navigation link is the page at `path` ("start", "bank", "forum", "people"), or ""."""
    for name, route in MAIN_NAV:
        if path == ("/" if route is None else addresses.address(route)):
            return name
    return ""
