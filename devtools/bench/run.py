"""The benchmark harness: `make bench` (the page table) and `make bench-search` (search against raw full text).

One run, from nothing to a report:

1. creates its own PostgreSQL database (bench_…), migrates it and fills it with `seed_scale` under the
   development settings (production's refuse made-up data);
2. `bench_plan` chooses a reader and the address of each page (devtools/bench/pages.py);
3. starts gunicorn with the bench settings (production's, plus the framework floor and a query count on
   request: intranet/settings/bench.py) with sync workers on a free loopback port;
4. signs in once as the reader and hands the session's cookies to wrk (Debian's), which loads each page
   from loopback clients; each page's query count is read once from the bench middleware's header;
5. prints the table, the targets met or missed, and writes the results with the machine's facts as JSON.

Whatever happens, even Ctrl-C, gunicorn is stopped, the database dropped and the run's cache keys removed.
Exit status: 0 when the harness ran (missed targets included, unless --strict), 1 for missed targets under
--strict, 2 when the harness itself broke.
"""

import argparse
import contextlib
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import psycopg
import redis
import requests
from psycopg import sql

from . import machine
from .middleware import REQUEST_HEADER, RESPONSE_HEADER
from .pages import FLOOR, PAGE_SET, PAGES, SEARCH_QUERIES, SEARCH_SET
from .results import judge_pages, judge_search, print_pages, print_search, read_wrk, say

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / ".bench"
REPORT_SCRIPT = Path(__file__).with_name("report.lua")
BIN = Path(sys.executable).parent
DEV_SETTINGS = "intranet.settings.dev"
BENCH_SETTINGS = "intranet.settings.bench"
JSON_MARK = "BENCH_JSON "
# What the harness sets itself; the caller's values would point the run at another database or cache.
OWN_VARIABLES = ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS")


class HarnessError(Exception):
    """The harness could not measure (not a page that missed its target)."""


def options(argv=None):
    environ = os.environ
    parser = argparse.ArgumentParser(prog="python -m devtools.bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=["pages", "search"], help="the page table, or search against raw full text")
    parser.add_argument("--postgres", default=environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument(
        "--redis",
        default=environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"),
        help="Redis for cache and sessions, as production has it; empty: local memory and database sessions",
    )
    parser.add_argument("--seconds", type=int, default=int(environ.get("BENCH_SECONDS", "12")))
    parser.add_argument("--warm-up", type=int, default=int(environ.get("BENCH_WARMUP_SECONDS", "2")))
    parser.add_argument("--floor-seconds", type=int, default=int(environ.get("BENCH_FLOOR_SECONDS", "4")))
    parser.add_argument("--clients", type=int, default=int(environ.get("BENCH_CLIENTS", "8")))
    parser.add_argument("--workers", type=int, default=int(environ.get("BENCH_WORKERS", "2")))
    parser.add_argument("--search-seconds", type=int, default=int(environ.get("BENCH_SEARCH_SECONDS", "8")))
    parser.add_argument("--search-runs", type=int, default=int(environ.get("BENCH_SEARCH_RUNS", "20")))
    parser.add_argument(
        "--keep",
        action="store_true",
        default=environ.get("BENCH_KEEP", "") == "1",
        help="keep the database (bench_pages or bench_search) and reuse it next time, seeded once",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        default=environ.get("BENCH_STRICT", "") == "1",
        help="exit 1 when a page misses its target",
    )
    parser.add_argument("--output", type=Path, help="the JSON results (default .bench/results[-search].json)")
    return parser.parse_args(argv)


class Run:
    def __init__(self, args):
        self.args = args
        self.database = f"bench_{args.kind}" if args.keep else f"bench_{args.kind}_{os.getpid()}"
        self.database_url = f"{args.postgres.rstrip('/')}/{self.database}"
        self.cache_prefix = f"bench-{self.database}"
        self.server = None
        self.server_log = None
        self.created = False
        self.redis_url = ""
        self.base = ""
        self.session = None
        self.cookie = ""

    # Setting up

    def environment(self, settings, **extra):
        environ = {name: value for name, value in os.environ.items() if name not in OWN_VARIABLES}
        return {**environ, "DJANGO_SETTINGS_MODULE": settings, "DATABASE_URL": self.database_url, **extra}

    def manage(self, *arguments, settings=DEV_SETTINGS, **extra):
        """A manage.py command on the run's database; its output goes to the terminal (progress bars)."""
        command = [sys.executable, "manage.py", *arguments]
        finished = subprocess.run(command, cwd=ROOT, env=self.environment(settings, DEBUG="false", **extra))  # noqa: S603 - our own command line  # nosec B603
        if finished.returncode:
            raise HarnessError(f"`manage.py {' '.join(arguments)}` failed (exit {finished.returncode})")

    def server_connection(self, database="postgres"):
        try:
            return psycopg.connect(f"{self.args.postgres.rstrip('/')}/{database}", autocommit=True, connect_timeout=10)
        except psycopg.OperationalError as error:
            raise HarnessError(f"PostgreSQL at {self.args.postgres} does not answer: {error}") from error

    def prepare_database(self, data_set):
        """Create, migrate and seed the run's database (a kept one is reused once seeded)."""
        with self.server_connection() as connection:
            exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.database]).fetchone()
            if not exists:
                say(f"Creating the database {self.database}")
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.database)))
            self.created = not self.args.keep
        say("Migrating")
        self.manage("migrate", "--no-input", "-v0")
        if self.args.keep and self.seeded():
            say(f"Reusing the data set already in {self.database} (--keep)")
            return
        say("Making the data set with seed_scale: " + ", ".join(f"{value} {name}" for name, value in data_set.items()))
        self.manage(
            "seed_scale",
            *(f"--{name.replace('_', '-')}={value}" for name, value in data_set.items()),
        )

    def seeded(self):
        with self.server_connection(self.database) as connection:
            return connection.execute("SELECT EXISTS (SELECT 1 FROM forum_post)").fetchone()[0]

    def plan(self):
        say("Choosing the reader and the pages (bench_plan)")
        path = OUT / "plan.json"
        self.manage("bench_plan", f"--output={path}")
        return json.loads(path.read_text(encoding="utf-8"))

    def choose_redis(self):
        url = self.args.redis
        if not url:
            return ""
        try:
            redis.Redis.from_url(url, socket_connect_timeout=2).ping()
        except redis.RedisError as error:
            print(f"Redis at {url} does not answer ({error}): running with local memory cache and database sessions.")
            return ""
        return url

    def start_server(self):
        self.redis_url = self.choose_redis()
        port = machine.free_port()
        self.base = f"http://127.0.0.1:{port}"
        extra = {
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Plain http on loopback, as `make serve`.
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "REDIS_URL": self.redis_url,
            "BENCH_CACHE_PREFIX": self.cache_prefix,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": str(self.args.workers),
            "GUNICORN_THREADS": "1",  # one thread: gunicorn's sync worker
        }
        say("Collecting static files for the bench settings")
        self.manage("collectstatic", "--no-input", "-v0", settings=BENCH_SETTINGS, **extra)
        say(f"Starting gunicorn (bench settings, {self.args.workers} sync workers) on {self.base}")
        self.server_log = (OUT / "gunicorn.log").open("w", encoding="utf-8")
        # Workers are not recycled during a run (production's max_requests): a restart in the middle of the
        # floor's 10 000 requests would measure gunicorn's start-up, not the page.
        command = [str(BIN / "gunicorn"), "-c", "intranet/gunicorn.conf.py", "--max-requests", "0"]
        self.server = subprocess.Popen(  # noqa: S603 - our own command line  # nosec B603
            command,
            cwd=ROOT,
            env=self.environment(BENCH_SETTINGS, **extra),
            stdout=self.server_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as one, and Ctrl-C reaches it through us
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                status = self.server.returncode
                raise HarnessError(f"gunicorn stopped at start (exit {status}): see .bench/gunicorn.log")
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{self.base}/healthz", timeout=2).status_code == 200:
                    return
            time.sleep(0.5)
        raise HarnessError("gunicorn did not answer /healthz within 60 s: see .bench/gunicorn.log")

    def sign_in(self, plan):
        say(f"Signing in as {plan['reader']['email']}")
        session = requests.Session()
        login = self.base + plan["login_url"]
        session.get(login, timeout=30)
        answer = session.post(
            login,
            data={
                "username": plan["reader"]["email"],
                "password": plan["reader"]["password"],
                "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
            },
            headers={"Referer": login},
            allow_redirects=False,
            timeout=30,
        )
        if answer.status_code != 302 or "sessionid" not in session.cookies:
            raise HarnessError(f"signing in failed: {answer.status_code} from {plan['login_url']}")
        self.session = session
        self.cookie = "; ".join(f"{cookie.name}={cookie.value}" for cookie in session.cookies)

    # Measuring

    def fetch(self, url):
        """One signed-in request, counted by the bench middleware: (queries, bytes). Refuses anything but 200."""
        answer = self.session.get(self.base + url, headers={REQUEST_HEADER: "1"}, allow_redirects=False, timeout=60)
        if answer.status_code != 200:
            raise HarnessError(f"{url} answered {answer.status_code} to the signed-in reader")
        return int(answer.headers[RESPONSE_HEADER]), len(answer.content)

    def load(self, url, *, seconds, clients):
        """wrk against one address: requests per second, latency percentiles and what was not a 200."""
        command = [
            "wrk",
            "-t1",
            f"-c{clients}",
            f"-d{seconds}s",
            "--timeout",
            "30s",
            "-s",
            str(REPORT_SCRIPT),
            "-H",
            f"Cookie: {self.cookie}",
            self.base + url,
        ]
        finished = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)  # noqa: S603 - our own command line  # nosec B603
        lines = [line for line in finished.stdout.splitlines() if line.startswith(JSON_MARK)]
        if finished.returncode or not lines:
            raise HarnessError(f"wrk failed on {url}: {finished.stderr.strip() or finished.stdout.strip()}")
        return read_wrk(lines[-1][len(JSON_MARK) :])

    def measure_pages(self, plan):
        urls = plan["urls"]
        say("Reading each page: status and query count")
        counted = {}
        for page in PAGES:
            # A page's first request in a worker fills what that worker keeps in its memory (and the shared cache);
            # the count is of a page drawn again, as under load. Requests land on any worker, so of one read more
            # than there are workers, one was a worker's second read of the page: the fewest queries are its.
            counted[page.key] = min(self.fetch(urls[page.key]) for _ in range(self.args.workers + 1))
        rows = []
        a = self.args
        say(
            f"Loading each page: {a.clients} clients for {a.seconds} s after {a.warm_up} s of warm-up, "
            f"then the floor beside it for {a.floor_seconds} s after as much warm-up"
        )
        for page in PAGES:
            url = urls[page.key]
            if a.warm_up:
                self.load(url, seconds=a.warm_up, clients=a.clients)
            measured = self.load(url, seconds=a.seconds, clients=a.clients)
            queries, size = counted[page.key]
            rows.append({"key": page.key, "label": page.label, "url": url, **measured, "queries": queries})
            rows[-1]["bytes"] = size
            line = f"    {page.label:30} {measured['requests_per_second']:8.1f} req/s"
            if page.key != FLOOR:
                # The floor right after the page: on a machine others use too, the share stays of the same minute.
                # Its warm-up lets the workers finish the page's last requests, which wrk leaves behind unread.
                if a.warm_up:
                    self.load(urls[FLOOR], seconds=a.warm_up, clients=a.clients)
                beside = self.load(urls[FLOOR], seconds=a.floor_seconds, clients=a.clients)
                rows[-1]["floor_beside"] = beside["requests_per_second"]
                line += f"   (floor beside it {beside['requests_per_second']:.1f})"
            print(line, flush=True)
        for page in PAGES:
            self.fetch(urls[page.key])  # still signed in: the load measured pages, not the sign-in page
        return judge_pages(rows)

    def measure_search(self, plan):
        a = self.args
        rows = []
        say(f"Loading the search page: one client for {a.search_seconds} s per query (its latency alone)")
        for query in SEARCH_QUERIES:
            url = f"{plan['search_url']}?{urlencode({'q': query})}"
            self.fetch(url)
            queries, size = self.fetch(url)
            self.load(url, seconds=1, clients=1)
            measured = self.load(url, seconds=a.search_seconds, clients=1)
            rows.append({"query": query, "url": url, "page": measured, "queries": queries, "bytes": size})
            print(f"    {query:32} p50 {measured['p50_ms']:8.1f} ms  p95 {measured['p95_ms']:8.1f} ms", flush=True)
        say(f"Timing the raw full-text queries in process ({a.search_runs} runs each; bench_search)")
        raw_path = OUT / "search-raw.json"
        self.manage(
            "bench_search",
            f"--runs={a.search_runs}",
            *(f"--query={query}" for query in SEARCH_QUERIES),
            f"--json={raw_path}",
        )
        raw = {row["query"]: row for row in json.loads(raw_path.read_text(encoding="utf-8"))["queries"]}
        return judge_search(rows, raw)

    # The run

    def go(self):
        started = time.monotonic()
        OUT.mkdir(exist_ok=True)
        facts = {"load_average_before": os.getloadavg()}
        data_set = PAGE_SET if self.args.kind == "pages" else SEARCH_SET
        self.prepare_database(data_set)
        plan = self.plan()
        self.start_server()
        self.sign_in(plan)
        results = self.measure_pages(plan) if self.args.kind == "pages" else self.measure_search(plan)
        facts = {**self.machine_facts(), **facts, "load_average_after": os.getloadavg()}
        report = {
            "kind": self.args.kind,
            "machine": facts,
            "conditions": {
                "settings": BENCH_SETTINGS,
                "gunicorn_sync_workers": self.args.workers,
                "clients": self.args.clients if self.args.kind == "pages" else 1,
                "seconds": self.args.seconds if self.args.kind == "pages" else self.args.search_seconds,
                "warm_up_seconds": self.args.warm_up if self.args.kind == "pages" else 1,
                "cache": self.redis_url or "local memory (no Redis), database sessions",
                "data_set": data_set,
            },
            "data": plan["data"],
            **results,
            "harness_seconds": round(time.monotonic() - started),
        }
        if self.args.kind == "pages":
            print_pages(report)
        else:
            print_search(report)
        output = self.args.output or OUT / ("results.json" if self.args.kind == "pages" else "results-search.json")
        output.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\nResults written to {output} ({report['harness_seconds']} s in all).")
        return report

    def machine_facts(self):
        with self.server_connection(self.database) as connection:
            return machine.facts(postgresql=connection.execute("SHOW server_version").fetchone()[0])

    # Cleaning up

    def clean_up(self):
        if self.server is not None and self.server.poll() is None:
            say("Stopping gunicorn")
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.server.pid, signal.SIGTERM)
            try:
                self.server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.server.pid, signal.SIGKILL)
                self.server.wait()
        if self.server_log:
            self.server_log.close()
        if self.redis_url:
            with contextlib.suppress(redis.RedisError):
                client = redis.Redis.from_url(self.redis_url, socket_connect_timeout=2)
                for key in client.scan_iter(f"{self.cache_prefix}:*", count=1000):
                    client.delete(key)
        if self.created:
            say(f"Dropping the database {self.database}")
            with contextlib.suppress(HarnessError, psycopg.Error), self.server_connection() as connection:
                connection.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.database))
                )


def main(argv=None):
    args = options(argv)
    # A plain `kill` (and make's own on Ctrl-C) ends the run through the same clean-up as an error.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    run = Run(args)
    try:
        report = run.go()
    except HarnessError as error:
        print(f"\nbench: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nbench: interrupted", file=sys.stderr)
        return 130
    finally:
        run.clean_up()
    return 1 if args.strict and not report["passed"] else 0


if __name__ == "__main__":
    sys.exit(main())
