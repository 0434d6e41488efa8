"""Reading what a request sends: one parser for every id and page number, one rule for where to go next.

`str.isdigit()` says yes to "²" and "①", which `int()` then refuses; a parameter is a
number here only when it is plain ASCII digits, and never longer than a database id.
"""

import re

from django.utils.http import url_has_allowed_host_and_scheme

NUMBER = re.compile(r"[0-9]{1,18}")


def positive_int(value, default=None):
    """The whole number >= 1 that `value` spells in ASCII digits, else `default`."""
    if not isinstance(value, str):
        return default
    value = value.strip()
    if not NUMBER.fullmatch(value):
        return default
    number = int(value)
    return number if number >= 1 else default


def positive_ints(text, *, limit):
    """The numbers in a comma-separated list, at most `limit` of them, in order, each once."""
    numbers = []
    for part in (text or "").split(",")[: limit * 4]:
        number = positive_int(part)
        if number is not None and number not in numbers:
            numbers.append(number)
    return numbers[:limit]


def safe_next(request, default):
    """Where to go after a POST: the `next` field (or parameter) if it points inside this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return default
