import re
from io import StringIO

import pytest

from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_bench_growth_times_the_forum_pages_at_two_sizes_and_prints_ratios():
    out = StringIO()
    call_command("bench_growth", small=2, large=6, runs=1, stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split()[0:2] for line in lines[1:4]] == [["Forum", "list"], ["Thread", "page"], ["Thread,", "last"]]
    for line in lines[1:4]:
        small, large, small_queries, large_queries, ratio = re.search(
            r"(\d+)\s+(\d+)\s+(\d+)→(\d+)\s+([\d.]+)$", line
        ).groups()
        assert (small, large) == ("2", "6") and small_queries == large_queries and float(ratio) > 0


def test_bench_growth_refuses_a_database_with_a_forum_in_it(member):
    from tests.factories import start_thread

    start_thread(member)
    with pytest.raises(CommandError):
        call_command("bench_growth", small=2, large=6, runs=1, stdout=StringIO())
