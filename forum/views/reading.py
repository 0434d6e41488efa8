"""The reader's own bits of the forum's pages, filled into the HTML the cache keeps for many readers.

A thread's page of posts is kept for every reader of a kind (forum/views/threads.py): each post's author, text,
date, counts and the links every reader of its kind has (quote, report; the moderators' history link). Filled in
here, per request: whether a post is new to the reader, a hidden post's place (its author reads why it was hidden
and may ask for it back), the helpful button with whether the reader pressed it and their CSRF token, and "mark as
the answer" and "edit" for whom they are for. The words are the templates' own msgids; the HTML is the one
components/forum/post.html drew before it was kept. So is the rest of the thread's page: filled in here, the CSRF
tokens, the address to come back to and the drafts to forget; chosen here, which of its sections the reader sees
(the pages it discusses and became, following or not, saved or not, the jump to the first unread post).

The forum's list is kept for everyone who sees the same categories; filled in here: whether each thread is unread
(and where its link leads) and the CSRF token; chosen here, the state of the follow button of the category or tag.
So are the links to threads on the start page and tag pages (forum/templatetags/forum_tags.py); filled in here:
which are unread.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from django.middleware.csrf import get_token
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from common.addresses import address_of

from .. import permissions
from ..caching import Holes
from ..models import Report
from ..models.marks import list_marks_of

# The holes of components/forum/post.html, each keyed on the post's id.
POST_HOLES = ("new_class", "new_badge", "hidden", "helpful", "own")
# The holes of the thread's writing form (components/forum/compose.html); its CSRF token's is every form's.
REPLY_HOLES = ("csrf_token", "draft_key", "submission_key")
# The holes of the rest of the thread's page (components/forum/thread_page.html).
PAGE_HOLES = ("sent_drafts", "next")
# The holes of components/forum/thread_row.html, each keyed on the thread's id.
ROW_HOLES = ("unread_class", "href", "unread_badge")
FOLLOW_ROUTES = {"category": "forum:follow_category", "tag": "forum:follow_tag"}


def sees_section(sees, section):
    """Whether a reader sees a section of a kept part (`Holes.when`): `sees[name]` for the section `name`, and its
    opposite for `not_name` (each state of a button has its own: following or not, saved or not)."""
    if section.startswith("not_"):
        return not sees[section.removeprefix("not_")]
    return sees[section]


def csrf_input(token):
    """What {% csrf_token %} draws, for a token from `get_token`."""
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)


@dataclass
class PostFacts:
    """What filling a kept post's holes needs to know of it; kept with the post's HTML, so as fresh as it is."""

    pk: int
    number: int
    author_id: int
    is_hidden: bool
    hidden_reason: str
    helpful_count: int

    @classmethod
    def of(cls, post):
        return cls(post.pk, post.number, post.author_id, post.is_hidden, post.hidden_reason, post.helpful_count)

    @property
    def is_first(self):
        return self.number == 1


class PostReader:
    """One reader's bits of one page of kept posts: their marks (`marked`: the posts they found helpful) come with
    the page's one query of them (models/marks.py); a second asks for their requests to show a hidden post again,
    only when a post of theirs on the page is hidden."""

    def __init__(self, request, thread, facts, *, moderator, last_read, marked, draft):
        self.request = request
        self.draft = draft
        self.user = request.user
        self.thread = thread
        self.facts = facts
        for post in facts.values():
            post.thread = thread  # as permissions.may_edit reads it
        self.moderator = moderator
        self.last_read = last_read
        self.may_post = permissions.may_post_in(self.user, thread, seen=True)
        self.may_accept_answer = permissions.may_accept_answer(self.user, thread)
        self.marked = marked
        own_hidden = [pk for pk, post in facts.items() if post.is_hidden and post.author_id == self.user.pk]
        self.asked_back = set(
            Report.objects.open().restore_requests().filter(post_id__in=own_hidden).values_list("post_id", flat=True)
            if own_hidden and not moderator
            else ()
        )
        # One masked token for every form the reader's bits hold (get_token masks anew, at a price, on each call).
        self.token = get_token(request)
        self.csrf_input = csrf_input(self.token)
        self.helpful_word = conditional_escape(_("Helpful"))

    def fillers(self):
        return {name: getattr(self, name) for name in (*POST_HOLES, *REPLY_HOLES)}

    def csrf_token(self, _key):
        return self.token

    def draft_key(self, _key):
        return self.draft

    def submission_key(self, _key):
        return uuid.uuid4()

    def _is_new(self, pk):
        return self.facts[pk].number > self.last_read

    def new_class(self, pk):
        return " post--new" if self._is_new(pk) else ""

    def new_badge(self, pk):
        return format_html('<span class="badge badge--new">{}</span>', _("New")) if self._is_new(pk) else ""

    def hidden(self, pk):
        """A hidden post's place for a member: its author reads why, and may change it and ask for it back."""
        post = self.facts[pk]
        if post.author_id != self.user.pk:
            return format_html('<p class="post__body muted">{}</p>', _("This post has been hidden by a moderator."))
        if pk in self.asked_back:
            then = format_html(
                "<p><strong>{}</strong></p>",
                _("You have asked for it to be shown again. The moderators have not answered yet."),
            )
        elif not self.thread.is_locked:
            then = format_html(
                '<p><a href="{}">{}</a></p>',
                address_of("forum:edit_post", pk),
                _("Change it and ask for it to be shown again"),
            )
        else:
            then = ""
        why = _("A moderator has hidden your post. The reason: %(reason)s") % {
            "reason": conditional_escape(post.hidden_reason)
        }
        return format_html(
            '<div class="post__body notice"><p>{}</p><p>{}</p>{}</div>',
            mark_safe(why),  # noqa: S308  # nosec B308 B703 — our own words, the reason escaped above
            _("Only you and the moderators see this note; others see that a post is hidden."),
            then,
        )

    def helpful(self, pk):
        """Others press "Helpful" (again, to take it back); the author sees how many did."""
        post = self.facts[pk]
        if post.author_id != self.user.pk:
            marked = pk in self.marked
            pressed = "true" if marked else "false"
            # Twenty on a page: put together from an address of digits, fixed words and what was escaped once per
            # request (the token's input, the button's word), without format_html's escaping of each part.
            return (
                f'<form method="post" action="{address_of("forum:helpful", pk)}" class="form--inline">'
                f'{self.csrf_input}<input type="hidden" name="helpful" value="{"0" if marked else "1"}">'
                f'<button class="button button--secondary" type="submit" aria-pressed="{pressed}">'
                f'{self.helpful_word} <span class="post__count">({int(post.helpful_count)})</span></button></form>'
            )
        if post.helpful_count:
            words = ngettext(
                "%(counter)s colleague found this helpful",
                "%(counter)s colleagues found this helpful",
                post.helpful_count,
            )
            return format_html('<span class="post__count">{}</span>', words % {"counter": post.helpful_count})
        return ""

    def own(self, pk):
        """ "Mark as the answer" for the thread's author and the moderators; "Edit" for whom permissions.may_edit
        allows."""
        post = self.facts[pk]
        parts = []
        if self.may_accept_answer and not post.is_first:
            is_answer = self.thread.answer_id == pk
            parts.append(
                format_html(
                    '<form method="post" action="{}" class="form--inline">{}'
                    '<input type="hidden" name="answer" value="{}">'
                    '<button class="button button--secondary" type="submit">{}</button></form>',
                    address_of("forum:accept_answer", pk),
                    self.csrf_input,
                    "0" if is_answer else "1",
                    _("Unmark as the answer") if is_answer else _("Mark as the answer"),
                )
            )
        if permissions.may_edit(self.user, post):
            parts.append(format_html('<a href="{}">{}</a>', address_of("forum:edit_post", pk), _("Edit")))
        return mark_safe("\n".join(parts))  # noqa: S308  # nosec B308 B703 — each part built by format_html


class ThreadPageReader(PostReader):
    """One reader's bits of a kept thread page: their posts' bits, and the page's own. `sees` says which of the
    page's sections (components/forum/thread_page.html) they see; `sent_drafts` are the drafts their browser may
    forget (views/writing.py)."""

    def __init__(self, request, thread, facts, *, sees, sent_drafts, **reading):
        super().__init__(request, thread, facts, **reading)
        self.sees = sees
        self.forget = sent_drafts

    def fillers(self):
        return {**super().fillers(), **{name: getattr(self, name) for name in PAGE_HOLES}}

    def shown(self, section):
        return sees_section(self.sees, section)

    def sent_drafts(self, _key):
        if not self.forget:
            return ""
        return format_html('<div hidden data-forget-drafts="{}"></div>', " ".join(self.forget))

    def next(self, _key):
        return conditional_escape(self.request.get_full_path())


@dataclass
class FollowFacts:
    """What a kept list is narrowed to, that the reader may follow: a category or a tag."""

    kind: str
    pk: int
    slug: str


class ListReader:
    """One reader's bits of a kept page of the forum's list, from one query of their marks (models/marks.py): how
    far they read each thread, and whether they follow the category or tag listed. Whether a thread is unread is
    `with_reading_state`'s rule asked in Python of the thread as the part keeps it (`ListedThread`)."""

    def __init__(self, request, part):
        self.request = request
        listed = part["threads"]
        facts = part["follow"]
        followed = (facts.kind, facts.pk) if facts else None
        marks = list_marks_of(request.user, list(listed), followed=followed)
        self.reading = {
            pk: (marks.is_unread(pk, **thread._asdict()), marks.last_read_number(pk)) for pk, thread in listed.items()
        }
        self.sees = {"following": marks.following}
        self.token = get_token(request)
        self.badges = {
            True: format_html('<span class="badge badge--new">{}</span>', _("New posts")),
            False: format_html('<span class="badge badge--new">{}</span>', _("Unread")),
        }

    def fillers(self):
        return {
            "unread_class": self.unread_class,
            "href": self.href,
            "unread_badge": self.unread_badge,
            "csrf_token": lambda _key: self.token,
        }

    def shown(self, section):
        return sees_section(self.sees, section)

    def unread_class(self, pk):
        return " thread-row--unread" if self.reading[pk][0] else ""

    def href(self, pk):
        """Straight to the first unread post when the reader has read some of the thread before."""
        unread, read = self.reading[pk]
        return address_of("forum:first_unread" if unread and read else "forum:thread", pk)

    def unread_badge(self, pk):
        unread, read = self.reading[pk]
        return self.badges[bool(read)] if unread else ""


class UnreadLinks:
    """One reader's bits of a kept list of links to threads (the start page's active discussions, a tag page's): how
    far they read each, from one query of their marks, and `with_reading_state`'s rule asked in Python of the thread
    as the part keeps it, as the forum's list does."""

    def __init__(self, request, part):
        listed = part["threads"]
        marks = list_marks_of(request.user, list(listed)) if listed else None
        self.unread = {pk for pk, thread in listed.items() if marks.is_unread(pk, **thread._asdict())}

    def fillers(self):
        return {"unread": self.unread_mark}

    def unread_mark(self, pk):
        return format_html(" · {}", pgettext("unread thread", "new")) if pk in self.unread else ""


class ListedThread(NamedTuple):
    """What deciding whether a listed thread is unread needs to know of it; kept with the list."""

    last_post_number: int
    last_activity_at: datetime

    @classmethod
    def of(cls, thread):
        return cls(thread.last_post_number, thread.last_activity_at)


def fill(part, reader, name="html"):
    """The kept part's HTML `name` with the reader's own bits in its holes, and the sections they see (a reader with
    a `shown`)."""
    return Holes(part["nonce"]).fill(part[name], reader.fillers(), getattr(reader, "shown", None))
