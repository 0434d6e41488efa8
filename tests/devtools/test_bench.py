"""The benchmark harness (devtools/bench): the floor only under the bench settings, the query count, the plan, wrk's
report and how figures are judged. The whole run (`make bench`) is too long for the suite; it is run by hand."""

import json
import os
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import roles
from devtools.bench import results, run
from devtools.bench.middleware import REQUEST_HEADER, RESPONSE_HEADER
from devtools.bench.pages import FLOOR, FLOOR_URL, PAGES, SEARCH_TARGET_RATIO
from forum.models import Notification

ROOT = Path(__file__).resolve().parents[2]
BENCH_URLS = {
    "ROOT_URLCONF": "devtools.bench.urls",
    "MIDDLEWARE": ["devtools.bench.middleware.QueryCountMiddleware", *settings.MIDDLEWARE],
}
WHERE_THE_FLOOR_GOES = """
import sys
import django
django.setup()
from django.conf import settings
from django.urls import resolve
match = resolve("{url}")
print(settings.ROOT_URLCONF)
print(match.func.__module__ + "." + match.func.__name__)
print(settings.MIDDLEWARE[0])
print(sorted(name for name in sys.modules if name.startswith("devtools")))
"""


def settings_say(module):
    """What a fresh process with `module` as its settings makes of the floor's address."""
    environ = {
        **{name: value for name, value in os.environ.items() if name not in ("DATABASE_URL", "REDIS_URL")},
        "DJANGO_SETTINGS_MODULE": module,
        "SECRET_KEY": "only-for-this-test-" + "x" * 40,
        "ALLOWED_HOSTS": "intranet.example",
    }
    finished = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", WHERE_THE_FLOOR_GOES.format(url=FLOOR_URL)],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        check=True,
    )
    return finished.stdout.splitlines()


def test_production_urls_have_no_framework_floor_and_never_load_the_bench_code():
    urlconf, view, first_middleware, devtools_modules = settings_say("intranet.settings.production")
    assert urlconf == "intranet.urls"
    assert view != "devtools.bench.views.floor"  # Wagtail's page tree answers the address, with a 404
    assert first_middleware != "devtools.bench.middleware.QueryCountMiddleware"
    assert devtools_modules == "[]"


def test_the_bench_settings_are_production_with_the_floor_in_front_and_the_query_count_first():
    urlconf, view, first_middleware, _modules = settings_say("intranet.settings.bench")
    assert urlconf == "devtools.bench.urls"
    assert view == "devtools.bench.views.floor"
    assert first_middleware == "devtools.bench.middleware.QueryCountMiddleware"


@override_settings(**BENCH_URLS)
def test_the_floor_is_behind_the_sign_in_like_every_page(client, member):
    assert client.get(FLOOR_URL).status_code == 302
    client.force_login(member)
    answer = client.get(FLOOR_URL)
    assert (answer.status_code, answer.content) == (200, b"floor")
    assert answer["Cache-Control"] == client.get(reverse("forum:index"))["Cache-Control"]


@override_settings(**BENCH_URLS)
def test_the_query_count_is_given_only_when_asked_and_is_every_query_of_the_request(member_client):
    url = reverse("forum:index")
    assert RESPONSE_HEADER not in member_client.get(url)
    with CaptureQueriesContext(connection) as queries:
        answer = member_client.get(url, headers={REQUEST_HEADER: "1"})
    assert int(answer[RESPONSE_HEADER]) == len(queries) > 0


@pytest.mark.django_db
def test_the_plan_names_a_reader_who_can_sign_in_and_read_every_page_of_the_bench(client, tmp_path):
    call_command("seed_scale", pages=12, threads=20, posts=300, long_thread=200, no_index=True, stdout=StringIO())
    path = tmp_path / "plan.json"
    call_command("bench_plan", output=str(path), notifications=8, stdout=StringIO())
    plan = json.loads(path.read_text())
    assert list(plan["urls"]) == [page.key for page in PAGES]
    assert plan["urls"][FLOOR] == FLOOR_URL
    assert plan["urls"]["long_thread"].endswith("?page=10")
    assert plan["data"] == {"threads": 20, "posts": 300, "knowledge_pages": 12, "reader_notifications": 8}
    reader = plan["reader"]
    signed_in = client.post(plan["login_url"], {"username": reader["email"], "password": reader["password"]})
    assert signed_in.status_code == 302
    user = signed_in.wsgi_request.user
    assert [group.name for group in user.groups.all()] == [roles.EMPLOYEE]
    assert Notification.objects.filter(recipient=user, read_at__isnull=True).count() == 4
    with override_settings(**BENCH_URLS):
        answers = {key: client.get(url).status_code for key, url in plan["urls"].items()}
    assert answers == dict.fromkeys(plan["urls"], 200)


def test_wrk_figures_are_read_in_milliseconds_and_requests_per_second():
    line = (
        '{"requests": 600, "duration_us": 12000000, "bytes": 1, "p50_us": 12500, "p95_us": 40250, "p99_us": 80000, '
        '"max_us": 90000, "not_ok": 2, "socket_errors": 1}'
    )
    assert results.read_wrk(line) == {
        "requests": 600,
        "seconds": 12.0,
        "requests_per_second": 50.0,
        "p50_ms": 12.5,
        "p95_ms": 40.2,
        "p99_ms": 80.0,
        "not_200": 3,
    }


def page_row(key, requests_per_second, not_200=0):
    return {"key": key, "requests_per_second": requests_per_second, "not_200": not_200}


def test_each_page_is_judged_by_its_share_of_the_floor_measured_in_the_same_run():
    targets = {page.key: page.target for page in PAGES}
    assert targets["thread"] == targets["forum_list"] == 0.25
    assert targets["start"] == targets["method_listing"] == targets["method"] == targets["experience"] == 0.15
    judged = results.judge_pages(
        [
            page_row(FLOOR, 800.0),
            page_row("thread", 200.0),  # exactly a quarter
            page_row("forum_list", 199.0),
            page_row("start", 130.0, not_200=1),  # fast, but something else than the page answered
            page_row("notifications", 8.0),  # no target
        ]
    )
    rows = {row["key"]: row for row in judged["pages"]}
    assert rows["thread"]["share_of_floor"] == 0.25 and rows["thread"]["passed"] is True
    assert rows["forum_list"]["passed"] is False
    assert rows["start"]["share_of_floor"] == 0.1625 and rows["start"]["passed"] is False
    assert rows["notifications"]["passed"] is None and rows[FLOOR]["share_of_floor"] == 1.0
    assert judged["passed"] is False
    assert results.judge_pages([page_row(FLOOR, 800.0), page_row("thread", 200.0)])["passed"] is True


def test_a_page_measured_with_the_floor_beside_it_is_a_share_of_that_floor_and_the_floors_spread_is_told():
    judged = results.judge_pages(
        [
            page_row(FLOOR, 900.0),
            {**page_row("thread", 200.0), "floor_beside": 800.0},
            {**page_row("start", 100.0), "floor_beside": 600.0},
        ]
    )
    rows = {row["key"]: row for row in judged["pages"]}
    assert rows["thread"]["share_of_floor"] == 0.25 and rows["thread"]["passed"] is True
    assert rows["start"]["share_of_floor"] == 0.1667 and rows["start"]["passed"] is True
    assert rows[FLOOR]["share_of_floor"] == 1.0
    assert judged["floor"] == {"first": 900.0, "lowest": 600.0, "highest": 900.0, "spread": 0.333}


def test_a_search_passes_when_its_page_p95_is_within_twice_the_raw_full_text_p95():
    assert SEARCH_TARGET_RATIO == 2.0

    def timings(query, raw_p95):
        return {
            "query": query,
            "tsquery": f"'{query}'",
            "hits": 10,
            "raw": {"p50_ms": 10.0, "p95_ms": raw_p95},
            "plain": {"p50_ms": 9.0, "p95_ms": 11.0},
            "engine": {"p50_ms": 15.0, "p95_ms": 19.0},
            "kept": {"p50_ms": 2.0, "p95_ms": 3.0},
            "page": {"p50_ms": 50.0, "p95_ms": 60.0},
        }

    rows = [
        {"query": query, "page": {"p50_ms": 30.0, "p95_ms": 40.0, "not_200": 0}, "queries": 30}
        for query in ("barn", "våld")
    ]
    judged = results.judge_search(rows, {"barn": timings("barn", 20.0), "våld": timings("våld", 19.9)})
    barn, vald = judged["queries"]
    assert (barn["p95_ratio"], barn["p50_ratio"], barn["passed"]) == (2.0, 3.0, True)
    assert barn["first_p95_ratio"] == 3.0 and barn["page_first"] == {"p50_ms": 50.0, "p95_ms": 60.0}
    assert (vald["p95_ratio"], vald["passed"]) == (2.01, False)
    assert judged["passed"] is False


class Answers(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.send_response(200 if self.path == "/page/" else 302)
        if self.path != "/page/":
            self.send_header("Location", "/logga-in/")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # wrk drops its connections when its time is up


@pytest.fixture
def little_server():
    server = QuietServer(("127.0.0.1", 0), Answers)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.wrk
def test_wrk_reports_p50_p95_and_counts_a_redirect_to_the_sign_in_as_not_200(little_server):
    if not shutil.which("wrk"):
        pytest.fail("Debian's wrk is not installed; `make test` installs it (scripts/ensure-test-tools).")
    harness = run.Run(run.options(["pages"]))
    harness.base, harness.cookie = little_server, "sessionid=abc"
    page = harness.load("/page/", seconds=1, clients=2)
    assert page["requests"] > 0 and page["not_200"] == 0
    assert 0 < page["p50_ms"] <= page["p95_ms"] <= page["p99_ms"]
    redirected = harness.load("/elsewhere/", seconds=1, clients=2)
    assert redirected["not_200"] == redirected["requests"] > 0


def test_the_table_shows_each_page_with_its_figures_target_and_verdict_and_warns_of_a_changing_floor(capsys):
    rows = [
        {**page_row(FLOOR, 900.0), "p50_ms": 8.0, "p95_ms": 12.0, "queries": 1},
        {**page_row("thread", 150.0), "p50_ms": 50.0, "p95_ms": 80.0, "queries": 20, "floor_beside": 700.0},
    ]
    judged = results.judge_pages(rows)
    for row, label in zip(judged["pages"], ("framework floor", "thread page (20 posts)"), strict=True):
        row["label"] = label
    machine = {
        "cores": 2,
        "cpu": "a CPU",
        "memory_gb": 8,
        "postgresql": "15.20",
        "python": "3.11",
        "django": "5.2",
        "wagtail": "7.4",
        "gunicorn": "27",
        "wrk": "wrk 4.1.0",
        "git_commit": "0123456789abcdef",
        "git_uncommitted_changes": False,
        "load_average_before": [0.5, 0.5, 0.5],
        "load_average_after": [1.5, 1.0, 0.5],
    }
    conditions = {"gunicorn_sync_workers": 2, "clients": 8, "seconds": 12, "cache": "redis"}
    data = {"threads": 2000, "posts": 20000, "knowledge_pages": 200}
    results.print_pages({**judged, "machine": machine, "conditions": conditions, "data": data})
    printed = capsys.readouterr().out
    assert "framework floor                   900.0      8.0     12.0        1       100 %" in printed
    assert "thread page (20 posts)            150.0     50.0     80.0       20        21 %   ≥ 25 %  MISSED" in printed
    assert "right after each page: it read 700.0 to 900.0 req/s during the run." in printed
    assert "The floor changed by 22 % during the run" in printed
    assert "commit 0123456789ab;" in printed and "Targets: some missed" in printed
