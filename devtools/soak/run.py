"""Run the soak from start to end: set up, load, faults, check, verdict, clean up (`make soak`).

The timeline of the load phase (default 60 s): at 15 s one worker of the first instance is killed with SIGKILL,
at 30 s PostgreSQL is restarted. Whatever happens, the machine's PostgreSQL is running again at the end and the
throwaway database is dropped. Exit status: 0 when every criterion holds, 1 when one fails, 2 when the soak could
not run at all.
"""

import argparse
import contextlib
import json
import os
import random
import shutil
import socket
import sys
import time
from pathlib import Path

import redis

from . import verdict
from .people import Person, Records, run_people, sign_in_everyone
from .stack import DEVELOPMENT, PRODUCTION, PostgreSQL, SoakError, Stack
from .watch import HealthWatcher, PostgresWatcher, wait_until

ROOT = Path(__file__).resolve().parents[2]
RESTART_LIMIT = 120  # seconds for PostgreSQL to stop and start again
QUEUE_WAIT = 60  # seconds for the worker to empty the queue after the load


def arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m devtools.soak", description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--ports", default="8161,8162", help="The two instances' ports (default 8161,8162).")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per instance (default 2).")
    parser.add_argument("--kill-at", type=float, default=15, help="Second of the run to kill a worker at.")
    parser.add_argument("--restart-at", type=float, default=30, help="Second of the run to restart PostgreSQL at.")
    parser.add_argument(
        "--no-restart",
        action="store_true",
        help="Leave PostgreSQL alone (to try the load generator; the outage criteria then fail).",
    )
    parser.add_argument(
        "--postgres-url", default=os.environ.get("SOAK_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
    )
    parser.add_argument(
        "--cluster",
        default=os.environ.get("SOAK_POSTGRES_CLUSTER", "main"),
        help="The Debian cluster (pg_lsclusters) serving --postgres-url, which the soak restarts (default main).",
    )
    parser.add_argument("--redis-url", default=os.environ.get("SOAK_REDIS_URL", "redis://127.0.0.1:6379/12"))
    parser.add_argument("--seed", type=int, default=None, help="Random seed of the people (default: new each run).")
    parser.add_argument("--work", type=Path, default=ROOT / ".soak", help="Where logs, mail and results go.")
    return parser.parse_args(argv)


class Clock:
    """Seconds since the load began (sign-in comes before it, at negative times)."""

    def __init__(self):
        self.origin = time.monotonic()

    def restart(self, records):
        """Make now 0, and move what was recorded so far to the new zero (it then lies before it)."""
        now = time.monotonic()
        for request in records.requests:
            request.started -= now - self.origin
            request.ended -= now - self.origin
        self.origin = now

    def __call__(self):
        return time.monotonic() - self.origin


def preflight(args, postgresql, ports):
    if not postgresql.is_ready():
        raise SoakError(f"PostgreSQL does not answer at {args.postgres_url}.")
    if not args.no_restart and postgresql.cannot_restart():
        raise SoakError(postgresql.cannot_restart())
    try:
        redis.Redis.from_url(args.redis_url, socket_timeout=5).ping()
    except redis.RedisError as error:
        raise SoakError(f"Redis does not answer at {args.redis_url}: {error}") from error
    for port in ports:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                raise SoakError(f"Port {port} is taken; choose others with --ports.")


# The demo's own background work (search index, notices to its editors) is done while it is made, and its e-mail
# dropped: the queue and the mail folder hold the soak's alone.
SEEDING = {
    "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}


def set_up(stack, work, people):
    stack.manage("migrate", "--no-input", "-v0", **SEEDING)
    stack.manage("seed_demo", "-v0", **SEEDING)
    stack.manage("soak_world", "--people", str(people), "--out", str(work / "world.json"))
    stack.manage("collectstatic", "--no-input", "-v0", settings=PRODUCTION)


def kill_a_worker(stack, port, rng, clock, workers):
    pid = stack.kill_one_worker(port, rng)
    kill = {"at": clock(), "port": port, "pid": pid, "respawned_after": None}

    def replaced():
        pids = stack.worker_pids(port)
        return pid not in pids and len(pids) == workers

    if wait_until(replaced, timeout=verdict.RESPAWN_LIMIT * 2):
        kill["respawned_after"] = round(clock() - kill["at"], 2)
    return kill


def restart_postgresql(postgresql, clock):
    """Restart PostgreSQL; the outage lasts from the order to the first moment pg_isready is answered again."""
    outage = {"started": clock()}
    command = postgresql.start_restart()
    seen_down = False
    while True:
        ready = postgresql.is_ready()
        seen_down = seen_down or not ready
        if ready and (seen_down or command.poll() is not None):
            break
        if clock() - outage["started"] > RESTART_LIMIT:
            raise SoakError(f"PostgreSQL did not answer within {RESTART_LIMIT} s of its restart.")
        time.sleep(0.05)
    outage["ready"] = clock()
    if command.wait(RESTART_LIMIT) != 0:
        raise SoakError(f"pg_ctlcluster restart failed: {command.stderr.read().decode(errors='replace')}")
    return outage


def run_faults(args, stack, postgresql, clock, rng, ports):
    """Kill a worker and restart PostgreSQL on the timeline; returns what happened when."""
    happened = {"kill": {"at": args.kill_at}, "outage": {"started": args.restart_at, "ready": args.restart_at}}
    time.sleep(max(0.0, args.kill_at - clock()))
    happened["kill"] = kill_a_worker(stack, ports[0], rng, clock, args.workers)
    if not args.no_restart:
        time.sleep(max(0.0, args.restart_at - clock()))
        happened["outage"] = restart_postgresql(postgresql, clock)
    return happened


def soak(args, stack, postgresql, ports, work):
    rng = random.Random(args.seed)  # noqa: S311 - the run's choices, not a secret
    started = time.monotonic()
    set_up(stack, work, args.people)
    for port in ports:
        stack.start_instance(port)
    stack.start_worker()
    stack.wait_until_serving()
    setup_seconds = time.monotonic() - started
    print(f"Set up in {setup_seconds:.0f} s; signing in {args.people} people …", flush=True)

    world = json.loads((work / "world.json").read_text(encoding="utf-8"))
    clock = Clock()
    records = Records(clock)
    people = [
        Person(number, account, stack.password, world, ports, records, seed=rng.random())
        for number, account in enumerate(world["people"], start=1)
    ]
    signing_in = time.monotonic()
    sign_in_failed = sign_in_everyone(people)
    sign_in_seconds = time.monotonic() - signing_in

    health = [HealthWatcher(clock, port) for port in ports]
    database = PostgresWatcher(clock, postgresql)
    clock.restart(records)
    for watcher in [*health, database]:
        watcher.start()
    print(
        f"Load for {args.seconds:.0f} s: a worker is killed at {args.kill_at:.0f} s, "
        f"PostgreSQL restarts at {args.restart_at:.0f} s …",
        flush=True,
    )
    living = run_people([person for person in people if person.email not in sign_in_failed], until=args.seconds)
    happened = run_faults(args, stack, postgresql, clock, rng, ports)
    for thread in living:
        thread.join(timeout=args.seconds + 60)
    for watcher in [*health, database]:
        watcher.stop()
    worker_alive = stack.running("worker")

    run = {
        "people": args.people,
        "seconds": args.seconds,
        "ports": ports,
        "workers": args.workers,
        "cores": os.cpu_count(),
        "setup_seconds": setup_seconds,
        "sign_in_seconds": sign_in_seconds,
        "sign_in_failed": sign_in_failed,
        **records.as_json(),
        "probes": [probe for watcher in health for probe in watcher.as_json()],
        "postgres_down": database.down,
        **happened,
    }
    (work / "run.json").write_text(json.dumps(run, ensure_ascii=False), encoding="utf-8")
    print("Checking the database and the e-mail …", flush=True)
    stack.manage(
        "soak_check",
        "--writes",
        str(work / "run.json"),
        "--mail-dir",
        str(stack.mail_dir),
        "--out",
        str(work / "check.json"),
        # A worker that is gone empties no queue: then there is nothing to wait for.
        "--wait",
        str(QUEUE_WAIT if worker_alive else 0),
        settings=DEVELOPMENT,
    )
    run["check"] = json.loads((work / "check.json").read_text(encoding="utf-8"))
    run["worker_alive"] = worker_alive and stack.running("worker")
    return run, started


def main(argv=None):
    args = arguments(argv)
    ports = [int(port) for port in args.ports.split(",")]
    work = args.work
    shutil.rmtree(work, ignore_errors=True)
    (work / "mail").mkdir(parents=True)
    postgresql = PostgreSQL(args.postgres_url, args.cluster)
    stack = Stack(
        root=ROOT,
        work=work,
        postgres_url=args.postgres_url,
        database=f"soak_{os.getpid()}",
        redis_url=args.redis_url,
        ports=ports,
        workers=args.workers,
    )
    created = False
    try:
        preflight(args, postgresql, ports)
        stack.create_database()
        created = True
        stack.flush_redis()
        run, started = soak(args, stack, postgresql, ports, work)
    except SoakError as error:
        print(f"The soak could not run: {error}", file=sys.stderr)
        return 2
    finally:
        stack.stop_all()
        if not postgresql.ensure_running():
            print("PostgreSQL is not running after the soak: start it by hand.", file=sys.stderr)
        if created:
            stack.drop_database()
        # Nothing of the run's that matters is left there if Redis is gone: it would expire.
        with contextlib.suppress(redis.RedisError):
            stack.flush_redis()
    run["total_seconds"] = time.monotonic() - started
    criteria = verdict.judge(run)
    run["criteria"] = [criterion.__dict__ for criterion in criteria]
    for line in verdict.summary(run, criteria):
        print(line)
    results = {key: value for key, value in run.items() if key not in {"requests", "probes", "postgres_down"}}
    results["requests_by_kind"] = {
        kind: {"count": row["count"], "statuses": dict(row["statuses"])}
        for kind, row in verdict.by_kind(run["requests"]).items()
    }
    (work / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    print(f"Results: {work / 'results.json'} (every request: {work / 'run.json'})")
    return 0 if all(criterion.passed for criterion in criteria) else 1


if __name__ == "__main__":
    sys.exit(main())
