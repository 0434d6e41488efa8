"""A reader's own marks on the threads a page shows: how far they have read, whether they follow or saved the thread
(or follow the category or tag listed), and which posts they found helpful.

The pages kept for many readers (forum/caching.py) fill these in on every request. Each page asks them in one small
query, branches of one UNION of fixed text with placeholders for every value, where querysets cost a query built
anew each time for each mark. Whether a thread is unread is then `threads.is_unread`, the rule `with_reading_state`
writes in SQL, asked in Python of the thread as the page keeps it.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection

from .bookmarks import Bookmark
from .following import ForumMember, Subscription, ThreadRead
from .threads import Reaction, is_unread

MEMBERS = ForumMember._meta.db_table
READS = ThreadRead._meta.db_table
SUBSCRIPTIONS = Subscription._meta.db_table
BOOKMARKS = Bookmark._meta.db_table
REACTIONS = Reaction._meta.db_table
# What a list may be narrowed to and followed, by the column of a subscription that names it.
FOLLOWED_COLUMNS = {"category": "category_id", "tag": "tag_id"}


@dataclass
class Marks:
    all_read_at: datetime | None = None
    # The number of the last post read, by thread; a thread not named is not read at all.
    last_read: dict = field(default_factory=dict)
    following: bool = False
    saved: bool = False
    helpful: set = field(default_factory=set)

    def last_read_number(self, thread_id):
        return self.last_read.get(thread_id, 0)

    def is_unread(self, thread_id, *, last_post_number, last_activity_at):
        return is_unread(
            last_post_number=last_post_number,
            last_activity_at=last_activity_at,
            last_read_number=self.last_read_number(thread_id),
            all_read_at=self.all_read_at,
        )


def marks_of(user, thread_id, *, post_ids=()):
    """The reader's marks on one thread, and which of these posts they found helpful."""
    read = f"SELECT 'read', thread_id, last_read_number, NULL FROM {READS} WHERE user_id = %s AND thread_id = %s"  # noqa: S608 - only placeholders and fixed names go into the text  # nosec B608
    following = (
        f"SELECT 'following', 0, 0, NULL FROM {SUBSCRIPTIONS} WHERE user_id = %s AND thread_id = %s AND is_active"  # noqa: S608 - only placeholders and fixed names go into the text  # nosec B608
    )
    saved = f"SELECT 'saved', 0, 0, NULL FROM {BOOKMARKS} WHERE user_id = %s AND thread_id = %s"  # noqa: S608 - only placeholders and fixed names go into the text  # nosec B608
    branches = [(read, [user.pk, thread_id]), (following, [user.pk, thread_id]), (saved, [user.pk, thread_id])]
    if post_ids:
        posts = _placeholders(post_ids)
        helpful = f"SELECT 'helpful', post_id, 0, NULL FROM {REACTIONS} WHERE user_id = %s AND post_id IN ({posts})"  # noqa: S608 - only placeholders and fixed names go into the text  # nosec B608
        branches.append((helpful, [user.pk, *post_ids]))
    return _read(user, branches)


def list_marks_of(user, thread_ids, *, followed=None):
    """The reader's marks on the threads of a list, and whether they follow what it is narrowed to: `followed` is
    (kind, id), a kind of FOLLOWED_COLUMNS, or None."""
    ids = _placeholders(thread_ids)
    read = f"SELECT 'read', thread_id, last_read_number, NULL FROM {READS} WHERE user_id = %s AND thread_id IN ({ids})"  # noqa: S608 - only placeholders and fixed names go into the text  # nosec B608
    branches = [(read, [user.pk, *thread_ids])] if thread_ids else []
    if followed is not None:
        kind, pk = followed
        column = FOLLOWED_COLUMNS[kind]
        following = (
            f"SELECT 'following', 0, 0, NULL FROM {SUBSCRIPTIONS} WHERE user_id = %s AND {column} = %s AND is_active"  # noqa: S608 - only placeholders and fixed names go into the text  # nosec B608
        )
        branches.append((following, [user.pk, pk]))
    return _read(user, branches)


def _placeholders(values):
    return ", ".join(["%s"] * len(values))


def _read(user, branches):
    """One query: the person's "all read" time first, whose row gives the columns their types, then each branch's
    rows of (kind, key, number, NULL)."""
    first = (f"SELECT 'all_read', 0, 0, all_read_at FROM {MEMBERS} WHERE user_id = %s", [user.pk])  # noqa: S608 - only placeholders and fixed names go into the text  # nosec B608
    parts = [first, *branches]
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join(text for text, _ in parts), [value for _, values in parts for value in values]
        )
        rows = cursor.fetchall()
    marks = Marks()
    for kind, key, number, moment in rows:
        if kind == "all_read":
            marks.all_read_at = _as_time(moment)
        elif kind == "read":
            marks.last_read[key] = number
        elif kind == "following":
            marks.following = True
        elif kind == "saved":
            marks.saved = True
        else:
            marks.helpful.add(key)
    return marks


def _as_time(value):
    """A time as Django reads the column: SQLite answers raw SQL with text, which the backend's own converter reads."""
    column = ForumMember._meta.get_field("all_read_at").get_col(MEMBERS)
    for converter in connection.ops.get_db_converters(column):
        value = converter(value, column, connection)
    return value
