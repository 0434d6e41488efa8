"""The posting limit holds when one person's posts arrive at the same moment, each on its own connection.

SQLite's IMMEDIATE transactions let one writer at a time, so only PostgreSQL can show the race;
CI runs the suite on both.
"""

import threading

import pytest

from django.db import connection, connections

from forum import permissions, services
from forum.models import Post
from tests.factories import UserFactory, forum_category, start_thread

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises all writers; PostgreSQL does not"),
    # Serialised like every other transactional test here: their flushes then leave the tables as each expects.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PARALLEL = 8


def test_parallel_posts_by_one_person_stop_at_the_limit(member, settings):
    settings.FORUM_POSTS_PER_MINUTE = 3
    thread = start_thread(UserFactory())
    category = forum_category()
    start = threading.Barrier(PARALLEL)
    refusals = []

    def write(index):
        try:
            start.wait()
            if index % 2:
                services.reply(thread, author=member, body=f"Svar nummer {index}")
            else:
                services.start_thread(
                    author=member, category=category, title=f"Tråd nummer {index}", kind="question", body="Text"
                )
        except permissions.TooManyPosts:
            refusals.append(index)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=write, args=(index,)) for index in range(PARALLEL)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert Post.objects.filter(author=member).count() == 3
    assert len(refusals) == PARALLEL - 3
