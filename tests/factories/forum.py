"""Threads and replies, made through the forum's own services so that they are indexed and notified as in use."""

from forum import services
from forum.models import Category
from tests.factories.people import UserFactory


def forum_category(slug="barn-och-unga"):
    return Category.objects.get(slug=slug)


def start_thread(
    author=None,
    *,
    category=None,
    title="Hur pratar ni med barn om våld hemma?",
    body="Vi vill lära av er.",
    kind="question",
    tags=(),
    **kwargs,
):
    """A thread with its first post."""
    return services.start_thread(
        author=author or UserFactory(),
        category=category or forum_category(),
        title=title,
        kind=kind,
        body=body,
        tags=tags,
        **kwargs,
    )


def add_replies(thread, count, *, author=None):
    """`count` replies, taking turns between up to three authors."""
    authors = [author or UserFactory() for _ in range(min(count, 3))]
    return [
        services.reply(thread, author=authors[index % len(authors)], body=f"Svar nummer {index + 1}.")
        for index in range(count)
    ]
