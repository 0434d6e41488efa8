"""`address_of` gives what `reverse` gives, for every key, under any script prefix."""

import pytest

from django.urls import clear_script_prefix, reverse, set_script_prefix

from common.addresses import address_of


@pytest.mark.parametrize("route", ["forum:thread", "forum:helpful", "forum_admin:post", "people:profile"])
@pytest.mark.parametrize("pk", [1, 7, 987654321, 987654321987])
def test_the_address_is_the_one_reverse_gives(route, pk):
    assert address_of(route, pk) == reverse(route, args=[pk])


def test_a_script_prefix_is_kept():
    set_script_prefix("/intranat/")
    try:
        assert address_of("forum:thread", 12) == "/intranat/forum/trad/12/" == reverse("forum:thread", args=[12])
    finally:
        clear_script_prefix()
    assert address_of("forum:thread", 12) == "/forum/trad/12/"
