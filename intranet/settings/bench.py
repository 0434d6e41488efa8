"""Benchmark settings (`make bench` only): production's, with the framework floor and a query count on request.

The floor is a bare view at devtools.bench.pages.FLOOR_URL that runs every middleware and the session but
nothing of its own; each page is measured as a share of it. Production's settings and URLconf name neither
(tests/intranet/test_bench_settings.py); only DJANGO_SETTINGS_MODULE=intranet.settings.bench brings them.
"""

from .production import *  # noqa: F403

ROOT_URLCONF = "devtools.bench.urls"
# First of all, so that it counts every query, the session's and the sign-in checks' too.
MIDDLEWARE = ["devtools.bench.middleware.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405

# Collected apart from `make serve`'s, in the harness's own folder.
STATIC_ROOT = BASE_DIR / ".bench" / "static"  # noqa: F405

# A run's cache keys, sessions included, apart from anything else in the same Redis database: the harness
# removes them afterwards.
if REDIS_URL:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = os.environ.get("BENCH_CACHE_PREFIX", "bench")  # noqa: F405
