"""Search result snippets: the stretch of a text with the most matching words, the matches marked."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import analysis

# Control characters count as space: they would only show up as boxes in a snippet.
SPACE = re.compile(r"[\s\x00-\x1f\x7f]+")
CUT = "…"


def snippet_forms(words: list[str]) -> set[str]:
    """What `highlight` should mark for these query words (or phrases): each word and its stem."""
    forms = set()
    for word in words:
        for token in analysis.tokens(word):
            if token not in analysis.STOPWORDS:
                forms |= {token, analysis.stem(token)}
    return forms


def highlight(text: str, forms: set[str], *, length: int = 240, lexicon: frozenset[str] | None = None) -> SafeString:
    """About `length` characters of `text` around its matches, HTML-escaped, matching words in <mark>."""
    text = SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    if not text:
        return mark_safe("")  # noqa: S308 - nothing of the text is in it  # nosec B308
    length = max(length, 1)
    matches = _Matcher(forms, lexicon)
    chunks = text.split(" ")
    scores = [sum(map(matches, analysis.WORD.findall(chunk))) for chunk in chunks]
    window = _best_window(chunks, scores, length)
    if window is None:
        return _cut_inside(chunks, scores, length, matches)
    first, last = _centre(chunks, *window, length)
    pieces = [CUT + " " if first > 0 else ""]
    pieces.append(" ".join(_marked(chunk, matches) for chunk in chunks[first:last]))
    pieces.append(" " + CUT if last < len(chunks) else "")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of the text went through escape()  # nosec B308 B703


class _Matcher:
    """Whether a word matches: its lower case, its stem, a compound part or a part's stem is a form."""

    def __init__(self, forms: set[str], lexicon: frozenset[str] | None):
        self.forms = forms
        self.lexicon = lexicon
        self.seen: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        if word not in self.seen:
            self.seen[word] = bool(self.forms) and self._matches(word.lower())
        return self.seen[word]

    def _matches(self, word: str) -> bool:
        if word in self.forms or analysis.stem(word) in self.forms:
            return True
        if self.lexicon is None:
            self.lexicon = analysis.lexicon()
        parts = analysis.split_compound(word, self.lexicon)
        return any(part in self.forms or analysis.stem(part) in self.forms for part in parts)


def _best_window(chunks: list[str], scores: list[int], length: int) -> tuple[int, int] | None:
    """The first run of chunks that fits in `length` and holds the most matches, trimmed to them."""
    best, best_score = None, -1
    start, size, score = 0, -1, 0
    for end, chunk in enumerate(chunks):
        size += len(chunk) + 1
        score += scores[end]
        while size > length and start <= end:
            size -= len(chunks[start]) + 1
            score -= scores[start]
            start += 1
        if start <= end and score > best_score:
            best, best_score = (start, end + 1), score
    if best_score <= 0:
        # No match, or matches only inside a chunk too long to show whole.
        return (0, 1) if not any(scores) and len(chunks[0]) <= length else None
    first, last = best
    while not scores[first]:
        first += 1
    while not scores[last - 1]:
        last -= 1
    return first, last


def _centre(chunks: list[str], first: int, last: int, length: int) -> tuple[int, int]:
    """Widen the window with whole chunks, as evenly on both sides as they fit."""
    room = length - (sum(map(len, chunks[first:last])) + last - first - 1)
    left = room // 2
    while first > 0 and len(chunks[first - 1]) + 1 <= left:
        first -= 1
        left -= len(chunks[first]) + 1
        room -= len(chunks[first]) + 1
    while last < len(chunks) and len(chunks[last]) + 1 <= room:
        room -= len(chunks[last]) + 1
        last += 1
    while first > 0 and len(chunks[first - 1]) + 1 <= room:
        first -= 1
        room -= len(chunks[first]) + 1
    return first, last


def _cut_inside(chunks: list[str], scores: list[int], length: int, matches: _Matcher) -> SafeString:
    # A single "word" longer than the snippet (a pasted link, a row of dashes) has to be cut inside.
    index = scores.index(max(scores))
    chunk = chunks[index]
    found = next((word for word in analysis.WORD.finditer(chunk) if matches(word.group())), None)
    start = 0 if found is None else max(0, min(found.start() - length // 2, len(chunk) - length))
    end = start + length
    pieces = [CUT + " " if index > 0 or start > 0 else ""]
    pieces.append(_marked(chunk[start:end], matches))
    pieces.append(" " + CUT if end < len(chunk) or index < len(chunks) - 1 else "")
    return mark_safe("".join(pieces))  # noqa: S308 - the text went through escape()  # nosec B308 B703


def _marked(chunk: str, matches: _Matcher) -> str:
    pieces, position = [], 0
    for word in analysis.WORD.finditer(chunk):
        if matches(word.group()):
            pieces += [escape(chunk[position : word.start()]), "<mark>", escape(word.group()), "</mark>"]
            position = word.end()
    pieces.append(escape(chunk[position:]))
    return "".join(pieces)
