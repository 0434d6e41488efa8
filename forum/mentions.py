"""@mentions: who a post names, what to type to name someone, and the post's HTML with each mention a link.

A colleague is mentioned by full name ("@Anna Larsson"), by full name and municipality when the name is shared
("@Anna Larsson (Järfälla)"), by the part of their address before @ ("@anna.larsson") or by the whole address
("@anna.larsson@jarfalla.se"). A mention in a block quote is someone else's words: it is a link, but it notifies
nobody and is never a problem to point out. Mentions in code and in links are plain text.
"""

import re
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse

from accounts.profiles import person_page_url
from knowledge.markdown import render_markdown

# Each mention costs up to three queries; a post notifies a bounded number of people.
MAX_MENTIONS = 20
# Names of more words than this are mentioned by address.
MAX_NAME_WORDS = 4
# Ambiguous mentions list at most this many people to choose from.
MAX_CHOICES = 6

_NAME_WORD = r"[^\W\d_][\w'’-]*"
_SEPARATOR = r"[ \u00a0]"
MENTION_PATTERN = re.compile(
    r"(?<![\w@.])@(?:"
    r"(?P<address>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    rf"|(?P<words>[^\W\d_][\w.'’-]*(?:{_SEPARATOR}{_NAME_WORD}){{0,{MAX_NAME_WORDS - 1}}})"
    rf"(?:{_SEPARATOR}\((?P<place>[^\W\d_][^()\n]{{0,40}})\))?"
    r")"
)
_WHOLE_NAME = re.compile(rf"{_NAME_WORD}(?:{_SEPARATOR}{_NAME_WORD}){{0,{MAX_NAME_WORDS - 1}}}")


def person_url(person):
    """Where a mention of the person links: their profile page (accounts.profiles), else the forum's stand-in."""
    return (person.is_active and person_page_url(person)) or reverse("forum:person", args=[person.pk])


def mention_count(body):
    """How many distinct mentions a text makes, counted on the text as written (for the limit of the form)."""
    return len({match.group(0) for match in MENTION_PATTERN.finditer(body)})


@dataclass
class Mention:
    """One @mention as written, and whom it names: one person, nobody, or several (`choices`)."""

    text: str
    quoted: bool = False
    person: object = None
    choices: list = field(default_factory=list)
    out_of_reach: bool = False  # the person may not read where the post goes (set by `ReadPost.keep_to`)

    @property
    def is_problem(self):
        return (self.person is None or self.out_of_reach) and not self.quoted

    @property
    def more_choices(self):
        """Whether it may mean more people than `choice_handles` lists."""
        return len(self.choices) > MAX_CHOICES

    @property
    def choice_handles(self):
        """What to write instead, one handle per person it may mean."""
        return [f"@{handle}" for handle in handles_of(self.choices[:MAX_CHOICES]).values()]


@dataclass
class ReadPost:
    """A post's text read for mentions: its HTML, and every mention it makes in order."""

    html: str
    mentions: list

    @property
    def notified(self):
        """The people the post notifies: named, each once, outside quotes (those out of reach are left out when the
        notification is made)."""
        named = [mention.person for mention in self.mentions if mention.person and not mention.quoted]
        return list({person.pk: person for person in named}.values())

    @property
    def reached(self):
        """The people the post notifies, less those marked out of reach."""
        out = {mention.person.pk for mention in self.mentions if mention.out_of_reach}
        return [person for person in self.notified if person.pk not in out]

    def keep_to(self, readers):
        """Mark the mentions of people not among `readers` (a queryset of who may read the post) as out of reach."""
        named = [mention for mention in self.mentions if mention.person and not mention.quoted]
        if not named:
            return
        may_read = set(readers.filter(pk__in=[mention.person.pk for mention in named]).values_list("pk", flat=True))
        for mention in named:
            mention.out_of_reach = mention.person.pk not in may_read

    @property
    def problems(self):
        """Mentions outside quotes that name nobody, several people or someone out of reach, each once."""
        return list({mention.text: mention for mention in self.mentions if mention.is_problem}.values())

    @property
    def problem_texts(self):
        return sorted({mention.text for mention in self.problems})


def _active_people():
    return get_user_model().objects.filter(is_active=True).select_related("municipality")


def _spellings(word):
    # SQLite's LIKE folds only a–z: "@åsa" finds "Åsa" by the spellings people use, not by folding.
    return {word, word.capitalize(), word.lower()}


def _full_name(person):
    return " ".join(person.get_full_name().split()).casefold()


def _same_place(person, place):
    name = person.municipality.name if person.municipality else ""
    return re.sub(r"[\s-]", "", name).casefold() == re.sub(r"[\s-]", "", place).casefold()


def _by_full_name(words, place):
    """(consumed words, place used, people) for the longest run of words that is somebody's full name."""
    first = words[0]
    first_name = Q(first_name__in=_spellings(first)) | Q(first_name__iexact=first)
    first_name |= Q(first_name__istartswith=f"{first} ")
    last_name = Q()
    for word in words[1:]:
        last_name |= Q(last_name__in=_spellings(word)) | Q(last_name__istartswith=word)
    candidates = list(_active_people().filter(first_name, last_name)[:200])
    for length in range(len(words), 1, -1):
        name = " ".join(words[:length]).casefold()
        people = [person for person in candidates if _full_name(person) == name]
        if people and place and length == len(words):
            in_place = [person for person in people if _same_place(person, place)]
            if in_place:
                return length, True, in_place
        if people:
            return length, False, people
    return 0, False, []


def _resolve(match, quoted):
    if match.group("address"):
        people = list(_active_people().filter(email__iexact=match.group("address"))[:2])
        return Mention(match.group(0), quoted, *_one_or_choices(people))
    words = match.group("words").split()
    place = match.group("place")
    if len(words) > 1 and "." not in words[0]:
        length, used_place, people = _by_full_name(words, place)
        if people:
            text = "@" + " ".join(words[:length]) + (f" ({place})" if used_place else "")
            return Mention(text, quoted, *_one_or_choices(people))
    handle = words[0].rstrip(".")
    people = list(_active_people().filter(email__istartswith=f"{handle}@")[: MAX_CHOICES + 1])
    if not people and "." not in handle:
        people = list(
            _active_people().filter(Q(first_name__in=_spellings(handle)) | Q(first_name__iexact=handle))[
                : MAX_CHOICES + 1
            ]
        )
    if people:
        return Mention(f"@{handle}", quoted, *_one_or_choices(people))
    # Named nobody: the capitalised words after the first are likely part of the intended name.
    named = [handle]
    for word in words[1:]:
        if not word[0].isupper():
            break
        named.append(word)
    return Mention("@" + " ".join(named), quoted)


def _one_or_choices(people):
    return (people[0], []) if len(people) == 1 else (None, people)


class _MentionLinker:
    """Turns the mentions of plain text into links, resolving each distinct one once and at most MAX_MENTIONS."""

    def __init__(self):
        self.mentions = []
        self.resolved = {}

    def __call__(self, text, *, quoted):
        pieces, position = [], 0
        for match in MENTION_PATTERN.finditer(text):
            mention = self._mention(match, quoted)
            if mention is None:
                continue
            end = match.start() + len(mention.text)
            pieces.append(text[position : match.start()])
            pieces.append((mention.text, person_url(mention.person)) if mention.person else mention.text)
            position = end
        pieces.append(text[position:])
        return [piece for piece in pieces if piece]

    def _mention(self, match, quoted):
        key = (match.group(0), quoted)
        if key not in self.resolved:
            if len(self.resolved) >= MAX_MENTIONS:
                return None
            self.resolved[key] = _resolve(match, quoted)
            self.mentions.append(self.resolved[key])
        return self.resolved[key]


def read_post(body):
    """The post's HTML with mentions as links, and the mentions it makes."""
    linker = _MentionLinker()
    html = render_markdown(body, link_text=linker)
    return ReadPost(html=html, mentions=linker.mentions)


def mentioned_users(body):
    """The active people a text notifies by mentioning them (outside quotes), at most MAX_MENTIONS mentions of it."""
    return read_post(body).notified


def handles_of(people):
    """What to type after @ to mention each person, by pk: the full name when only they have it, the name and
    municipality when that tells them apart, else the address."""
    people = list(people)
    if not people:
        return {}
    same_name = Q(pk__in=[])
    for person in people:
        same_name |= Q(first_name__iexact=person.first_name, last_name__iexact=person.last_name)
    namesakes = get_user_model().objects.filter(same_name, is_active=True)
    by_name = {}
    for namesake in namesakes:
        by_name.setdefault(_full_name(namesake), []).append(namesake.municipality_id)
    return {person.pk: _handle(person, by_name.get(_full_name(person), [])) for person in people}


def _handle(person, namesakes_municipalities):
    name = " ".join(person.get_full_name().split())
    if _WHOLE_NAME.fullmatch(name):
        if len(namesakes_municipalities) <= 1:
            return name
        if person.municipality_id and namesakes_municipalities.count(person.municipality_id) == 1:
            return f"{name} ({person.municipality.name})"
    return person.email
