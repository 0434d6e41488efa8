"""Hypothesis strategies for hostile requests: what a browser never sends, but a person with curl might.

Values are bytes on the wire, so that lone surrogates and broken UTF-8 reach the site as they would
from outside (the test client itself refuses to encode a lone surrogate).
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote_from_bytes

from hypothesis import strategies as st

from django.urls import resolve
from django.urls.exceptions import Resolver404

from tests.intranet.test_login_wall import GROUP, SAMPLES, reaches, resolvable_path

# The names the views read from a query string or a form (grep GET.get / POST.get / getlist), and the
# facets of the knowledge bank, the thread list and the search page.
PARAMETERS = [
    "page", "p", "q", "sida", "citera", "tagg", "kategori", "typ", "kommun", "status", "ordning", "malgrupp",
    "alder", "vald", "verksamhet", "prevention", "kunskapslage", "foljer", "next", "type", "municipality", "tag",
    "term", "search", "position", "visa", "use", "follow", "helpful", "answer", "action", "preview", "ordering",
    "sort", "id", "parent_page_id", "locale", "content_type", "model", "format", "export",
]  # fmt: skip
# Model fields no form of the site offers to the person sending it.
MODEL_FIELDS = [
    "is_superuser", "is_staff", "is_active", "groups", "user_permissions", "municipality", "author", "thread",
    "is_hidden", "is_locked", "is_pinned", "version", "restricted_to_groups", "password", "email", "user",
    "created_at", "owner", "live", "locked", "number", "helpful_count", "post_count", "answer", "last_login",
]  # fmt: skip
# The first is what Hypothesis's simplest example sends everywhere.
HOSTILE = [
    "²", "①", "١", "１", "١٢", "１２３", "²³", "⁹⁹",
    "", " ", "0", "-1", "-0", "1.5", "1e9", "NaN", "null", "true", "[]", "{}",
    "9" * 25, str(2**63), str(-(2**63) - 1), "0" * 40 + "1",
    "\x00", "a\x00b", "\x1f", "\x7f", "\u202e", "\ufeff", "\u200b", "\r\n", "\t",
    "ʼʼ", "--", "-", "_", "ǅ", "🙂", "İ", "ß" * 3,
    "../", "..%2f", "//evil.example/", "https://evil.example/", "javascript:alert(1)", "/\\evil.example",
    "<script>alert(1)</script>", "' OR 1=1 --", "%", "%00", "%ff", "a" * 5000, "å" * 1000,
]  # fmt: skip
METHODS = ["PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "PROPFIND"]
BOUNDARY = "FuzzBoundary7MA4YWxk"
FORM = "application/x-www-form-urlencoded"
CONTENT_TYPES = [
    "application/json",
    "text/plain",
    "application/xml",
    "text/xml; charset=utf-8",
    "",
    f"{FORM}; charset=no-such-charset",
    f"{FORM}; charset=utf-16",
    f"multipart/form-data; boundary={BOUNDARY}",
    "multipart/form-data",
    "application/octet-stream",
]
SURROGATES = st.characters(categories=["Cs"])


def as_bytes(value):
    return value.encode("utf-8", "surrogatepass")


values = st.one_of(
    st.sampled_from(HOSTILE),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.text(max_size=40),
    st.lists(SURROGATES, min_size=1, max_size=3).map("".join),
    st.lists(st.one_of(st.sampled_from("²①١１-_ ʼ"), SURROGATES, st.characters()), max_size=12).map("".join),
).map(as_bytes)


def pairs(names):
    """Name/value pairs, a name repeated as often as it is drawn (repeated parameters)."""
    return st.lists(st.tuples(st.sampled_from(names).map(as_bytes), values), min_size=1, max_size=8)


def urlencoded(fields):
    return "&".join(f"{quote_from_bytes(name)}={quote_from_bytes(value)}" for name, value in fields)


def multipart(fields, files=()):
    lines = []
    for name, value in fields:
        lines += [f"--{BOUNDARY}".encode(), b'Content-Disposition: form-data; name="' + name + b'"', b"", value]
    for name, filename, content in files:
        lines += [
            f"--{BOUNDARY}".encode(),
            b'Content-Disposition: form-data; name="' + name + b'"; filename="' + filename + b'"',
            b"Content-Type: application/pdf",
            b"",
            content,
        ]
    return b"\r\n".join([*lines, f"--{BOUNDARY}--".encode(), b""])


@dataclass
class Request:
    method: str
    path: str
    query: str = ""
    body: bytes = b""
    content_type: str = ""

    def send(self, client):
        extra = {"QUERY_STRING": self.query}
        if self.body:
            return client.generic(self.method, self.path, self.body, content_type=self.content_type, **extra)
        return client.generic(self.method, self.path, **extra)

    def __str__(self):
        body = f" {self.content_type!r} {self.body[:300]!r}" if self.body else ""
        return f"{self.method} {self.path}?{self.query[:300]}{body}"


@dataclass
class World:
    """The rows a path's ids and slugs may point at, so that fuzzed requests reach real objects."""

    ids: list = field(default_factory=list)
    slugs: list = field(default_factory=list)
    page_paths: list = field(default_factory=list)
    people: dict = field(default_factory=dict)
    replies: list = field(default_factory=list)


EDGE_IDS = ["0", "1", "9" * 25, "00000000000000000001"]
EDGE_SLUGS = ["-", "_", "a" * 300]
FILENAMES = [b"handbok.pdf", b"", b"..", b"../../etc/passwd", b"a\x00.pdf", as_bytes("ʼʼ.pdf"), b"x" * 300]


@st.composite
def route_path(draw, regex, pattern, world):
    """A path reaching the route, its ids and slugs drawn from the world's rows and their edges."""

    def fill(match):
        group = match.group(0)
        if "\\w" in group:
            return draw(st.sampled_from(world.page_paths))
        if "a-z" in group or "[^/]" in group:
            return draw(st.sampled_from(world.slugs + [str(pk) for pk in world.ids] + EDGE_SLUGS + SAMPLES[:6]))
        if "0-9" in group or "\\d" in group:
            return draw(st.sampled_from([str(pk) for pk in world.ids] + EDGE_IDS))
        return draw(st.sampled_from(world.slugs + EDGE_SLUGS + SAMPLES[:6]))

    path = "/" + GROUP.sub(fill, regex.replace("^", "").replace("$", ""))
    path = path.replace("\\.", ".").replace("\\-", "-").replace("\\", "").replace("?", "")
    try:
        resolve(path)
    except Resolver404:
        return resolvable_path(regex, pattern)
    return path if reaches(path, pattern) else resolvable_path(regex, pattern)


@st.composite
def requests(draw, regex, pattern, world, form_names):
    """A GET, a POST and one other method to the route, with hostile parameters and bodies."""
    path = draw(route_path(regex, pattern, world))
    names = PARAMETERS + MODEL_FIELDS + form_names
    query = lambda: urlencoded(draw(pairs(names)))  # noqa: E731
    sent = [Request(draw(st.sampled_from(["GET", "GET", "HEAD"])), path, query())]
    fields = draw(pairs(names))
    kind = draw(st.sampled_from(["form", "form", "multipart", "other"]))
    if kind == "form":
        sent.append(Request("POST", path, query(), urlencoded(fields).encode() or b"", FORM))
    elif kind == "multipart":
        files = draw(st.lists(st.tuples(st.sampled_from(names).map(as_bytes), st.sampled_from(FILENAMES), values)))
        sent.append(
            Request("POST", path, query(), multipart(fields, files), f"multipart/form-data; boundary={BOUNDARY}")
        )
    else:
        sent.append(Request("POST", path, query(), draw(bodies()), draw(st.sampled_from(CONTENT_TYPES))))
    sent.append(
        Request(
            draw(st.sampled_from(METHODS)), path, query(), draw(bodies()), draw(st.sampled_from(CONTENT_TYPES + [FORM]))
        )
    )
    return sent


def bodies():
    return st.one_of(
        st.just(b""),
        st.sampled_from(
            [b"{}", b'{"is_superuser": true, "email": "x@example.org"}', b"[1,2]", b"<a>&xxe;</a>", b"\x00\xff"]
        ),
        st.binary(max_size=200),
    )


FORM_NAME = re.compile(r'\bname="([^"]{1,100})"')


def form_names(html):
    """The field names of the forms on a page (so that a route's POSTs try its own fields)."""
    return sorted(set(FORM_NAME.findall(html)) - {"csrfmiddlewaretoken"})


class FormReader(HTMLParser):
    """The fields a browser would send for each POST form of a page, as it stands."""

    def __init__(self):
        super().__init__()
        self.forms, self.fields, self.select, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.fields = []
            self.forms.append(self.fields)
        if self.fields is None or ("name" not in attrs and tag != "option"):
            return
        if tag == "input" and attrs.get("type") not in ("submit", "button", "file", "image"):
            if attrs.get("type") not in ("checkbox", "radio"):
                self.fields.append((attrs["name"], attrs.get("value") or ""))
            elif "checked" in attrs:
                self.fields.append((attrs["name"], attrs.get("value") or "on"))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs.get("value") or ""))

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.fields = None


def form_fields(html, containing):
    """The fields of the page's POST form that has a field named `containing`."""
    reader = FormReader()
    reader.feed(html)
    return next(form for form in reader.forms if containing in dict(form))
