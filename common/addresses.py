"""The address of one object's page or action, for lists that draw many: `reverse` once per route and process.

Django's `reverse` walks the URL patterns on every call; a page of twenty posts with six actions each called it a
hundred times. Here a route is reversed once with a stand-in key, and each object's address is that text with its
own key in the stand-in's place. Only for routes whose single argument is an integer key.
"""

from functools import lru_cache

from django.urls import get_script_prefix, reverse

STAND_IN = "987654321987"


@lru_cache(maxsize=256)
def _pattern(route, script_prefix):
    return reverse(route, args=[int(STAND_IN)])


def address_of(route, pk):
    """`reverse(route, args=[pk])`, without walking the URL patterns again."""
    return _pattern(route, get_script_prefix()).replace(STAND_IN, str(int(pk)))


@lru_cache(maxsize=256)
def _address(route, script_prefix):
    return reverse(route)


def address(route):
    """`reverse(route)` for a route without arguments, once per process (the frame's links on every page)."""
    return _address(route, get_script_prefix())


def forget():
    """Reverse every route afresh (tests that change the URLs)."""
    _pattern.cache_clear()
    _address.cache_clear()
