"""What `make bench` and `make bench-search` measure, and the targets of issue 16 they are held to.

Plain data without Django, read by the harness (`run`) and by `bench_plan`, which finds each page's address.
"""

from typing import NamedTuple

# The framework floor's address: in the bench URLconf only (devtools/bench/urls.py), never in production's.
FLOOR_URL = "/bench/floor/"
# Where the framework floor is, as a page key.
FLOOR = "floor"


class Page(NamedTuple):
    key: str
    label: str
    # The least share of the floor's requests per second the page must reach; None: no target.
    target: float | None = None


PAGES = [
    Page(FLOOR, "framework floor"),
    Page("thread", "thread page (20 posts)", 0.25),
    Page("forum_list", "forum list (one category)", 0.25),
    Page("start", "start page", 0.15),
    Page("method_listing", "method listing (facets)", 0.15),
    Page("search", "search “samverkan”", None),
    Page("experience", "experience page", 0.15),
    Page("method", "method page", 0.15),
    Page("notifications", "notification centre", None),
    Page("long_thread", "long thread, 10th page", None),
]

SEARCH_WORD = "samverkan"  # the search of the page table

# The searches timed against PostgreSQL's own full-text query: broad single words first (the worst today),
# then several words.
SEARCH_QUERIES = [
    "samverkan",
    "barn",
    "våld",
    "oro för barn hedersförtryck",
    "samverkan socialtjänst polis",
    "barn som upplever våld",
]
# A search page's p95 may be at most this many times the raw full-text query's p95.
SEARCH_TARGET_RATIO = 2.0

# The data sets (seed_scale's options): the page table's, and the search comparison's.
PAGE_SET = {"pages": 200, "threads": 2000, "posts": 20000, "long_thread": 300}
SEARCH_SET = {"pages": 2000, "threads": 20000, "posts": 200000, "long_thread": 300}
