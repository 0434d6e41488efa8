"""Search's part of a person's data (accounts/rights.py): the searches they follow. The query log keeps no one's
name (search/querylog.py counts words per day)."""

from accounts.rights import iso

from .models import FollowedSearch


def export(person):
    return {
        "followed_searches": [
            {
                "words": search.text,
                "filters": search.filters,
                "active": search.is_active,
                "since": iso(search.created_at),
            }
            for search in FollowedSearch.objects.filter(user=person).order_by("created_at", "pk")
        ]
    }


def remove(person, *, now):
    FollowedSearch.objects.filter(user=person).delete()
