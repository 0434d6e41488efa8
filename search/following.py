"""Followed searches: follow the words (and filters) of a search, and hear of new matches through the forum's
notifications.

New matches are found by `notify_new_matches`, run from cron (`manage.py notify_followed_searches`, see the
README): each followed search is searched again as its owner, newest first, so a person is only ever told of
what they may see (the engine's own permission checks, `search.permissions`). A match is new when its date
(published, written, last active) is after the previous run; the forum's verb tells of each thread, post or
page once. Running the searches on a schedule keeps the cost off the pages people use: publishing a page or
writing a post costs no more than before, and a search page's queries stay as they were.
"""

from urllib.parse import urlencode

from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone

from forum.models import Post, Thread
from forum.notifications import notify_of_search_matches
from privacy import guard

from . import engine, filters
from .dialects import NEWEST
from .models import FollowedSearch
from .models.following import MAX_FILTERS_LENGTH
from .querylog import normalise

# Matches looked at per followed search and run: more new matches than this between two runs are told next time.
MATCHES_PER_RUN = engine.MAX_PAGE_SIZE


def filters_of(params):
    """The filters of a search's address, in a fixed order, as FollowedSearch.filters keeps them."""
    return urlencode(sorted((key, value) for key in filters.PARAMETERS for value in params.getlist(key)))[
        :MAX_FILTERS_LENGTH
    ]


def followed(user, text, params):
    """The person's active follow of this search (words and filters), or None."""
    return FollowedSearch.objects.of(user).filter(text=normalise(text), filters=filters_of(params)).first()


def follow(user, text, params):
    """Follow a search; returns it, or None when there is nothing to follow or the words hold personal data."""
    text = normalise(text)
    if not text or guard.inspect(text):
        return None
    try:
        with transaction.atomic():
            search, _created = FollowedSearch.objects.get_or_create(
                user=user, text=text, filters=filters_of(params), is_active=True
            )
    except IntegrityError:  # followed in another tab at the same moment
        search = followed(user, text, params)
    return search


def unfollow(user, pk):
    """Stop following; the row stays, inactive. Returns whether anything changed."""
    return bool(FollowedSearch.objects.filter(user=user, pk=pk, is_active=True).update(is_active=False))


def new_matches(search, *, since):
    """The hits of a followed search, searched as its owner, dated after `since` (newest first)."""
    chosen, _names, _unknown = filters.read_filters(QueryDict(search.filters), search.user)
    results = engine.search(
        search.user, search.text, filters=chosen, per_page=MATCHES_PER_RUN, order=NEWEST, forgiving=False
    )
    return [hit for hit in results.hits if hit.date is not None and hit.date > since]


def notify_new_matches(*, now=None):
    """Tell every follower of the new matches of their searches; returns how many notifications were made."""
    now = now or timezone.now()
    made = 0
    for search in FollowedSearch.objects.active().select_related("user").order_by("pk").iterator():
        hits = new_matches(search, since=search.checked_at)
        made += len(
            notify_of_search_matches(
                search.user,
                posts=[hit.obj for hit in hits if isinstance(hit.obj, Post)],
                threads=[hit.obj for hit in hits if isinstance(hit.obj, Thread)],
                pages=[hit.obj for hit in hits if not isinstance(hit.obj, Post | Thread)],
            )
        )
        FollowedSearch.objects.filter(pk=search.pk).update(checked_at=now)
    return made
