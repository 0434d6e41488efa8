"""The processes of a soak run: a throwaway database, two gunicorn instances, the task worker, and the faults.

The app servers and the worker run with the production settings, as `make serve` and `make worker` run them, and
share one PostgreSQL database and one Redis database (sessions, cache and sign-in limits), so that a person's
requests may land on either instance. Mail goes to files (Django's file backend), one message per send, so that
the check can count how often each e-mail went out.
"""

import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import redis
import requests

PRODUCTION = "intranet.settings.production"
# Migrations, the demo content and the checks need the developer tools, which production never installs.
DEVELOPMENT = "intranet.settings.dev"
STOP_SECONDS = 20


class SoakError(Exception):
    """The soak could not be set up or run (as opposed to a criterion that failed)."""


class Stack:
    def __init__(self, *, root, work, postgres_url, database, redis_url, ports, workers):
        self.root = Path(root)
        self.work = Path(work)
        self.postgres_url = postgres_url.rstrip("/")
        self.database = database
        self.redis_url = redis_url
        self.ports = ports
        self.workers = workers
        self.mail_dir = self.work / "mail"
        # Made for this run only: the people's password, and the key both instances sign sessions with.
        self.password = secrets.token_urlsafe(18)
        self.secret_key = secrets.token_urlsafe(50)
        self.processes = {}
        self.python = str(self.root / ".venv" / "bin" / "python")
        if not Path(self.python).exists():
            self.python = sys.executable

    @property
    def database_url(self):
        return f"{self.postgres_url}/{self.database}"

    def environment(self, settings):
        """The production environment of `make serve`, with the run's database, Redis, queue and mail folder."""
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings,
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis_url,
            "SECRET_KEY": self.secret_key,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "SOAK_PASSWORD": self.password,
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }

    def manage(self, *args, settings=DEVELOPMENT, **extra):
        """Run a management command to its end; its output goes to the run's log, and a failure stops the soak."""
        log = self.work / "setup.log"
        with log.open("a") as out:
            out.write(f"\n$ manage.py {' '.join(args)}\n")
            out.flush()
            completed = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
                [self.python, "manage.py", *args],
                cwd=self.root,
                env={**self.environment(settings), **extra},
                stdout=out,
                stderr=subprocess.STDOUT,
                check=False,
            )
        if completed.returncode != 0:
            raise SoakError(f"manage.py {args[0]} failed (exit {completed.returncode}); see {log}")

    # --- the shared services ---------------------------------------------------------------------------------

    def create_database(self):
        with psycopg.connect(f"{self.postgres_url}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.database}"')

    def drop_database(self):
        with psycopg.connect(f"{self.postgres_url}/postgres", autocommit=True, connect_timeout=10) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')

    def flush_redis(self):
        """Empty the run's own Redis database (never another one): sessions and cache start clean."""
        redis.Redis.from_url(self.redis_url, socket_timeout=5).flushdb()

    # --- app servers and the worker --------------------------------------------------------------------------

    def start(self, name, command, settings=PRODUCTION, **extra):
        log = (self.work / f"{name}.log").open("w")
        self.processes[name] = subprocess.Popen(  # noqa: S603 - our own interpreter and programs
            command,
            cwd=self.root,
            env={**self.environment(settings), **extra},
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def start_instance(self, port):
        gunicorn = str(Path(self.python).with_name("gunicorn"))
        self.start(
            f"gunicorn-{port}",
            # gunicorn's control socket is one path per user unless named: each instance gets its own.
            [gunicorn, "-c", "intranet/gunicorn.conf.py", "--control-socket", str(self.work / f"gunicorn-{port}.ctl")],
            GUNICORN_BIND=f"127.0.0.1:{port}",
            GUNICORN_WORKERS=str(self.workers),
        )

    def start_worker(self):
        self.start("worker", [self.python, "manage.py", "db_worker", "--interval", "0.5", "--no-reload"])

    def running(self, name):
        return name in self.processes and self.processes[name].poll() is None

    def wait_until_serving(self, timeout=60):
        deadline = time.monotonic() + timeout
        for port in self.ports:
            while True:
                if not self.running(f"gunicorn-{port}"):
                    raise SoakError(f"gunicorn on port {port} stopped; see {self.work}/gunicorn-{port}.log")
                try:
                    if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                if time.monotonic() > deadline:
                    raise SoakError(f"gunicorn on port {port} did not answer /healthz within {timeout} s")
                time.sleep(0.3)

    def worker_pids(self, port):
        """The worker processes of one instance: the children of its master."""
        return children_of(self.processes[f"gunicorn-{port}"].pid)

    def kill_one_worker(self, port, rng):
        pid = rng.choice(self.worker_pids(port))
        os.kill(pid, signal.SIGKILL)
        return pid

    def stop(self, name):
        process = self.processes.get(name)
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def stop_all(self):
        for name in list(self.processes):
            self.stop(name)


def children_of(pid):
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            # The parent is the second field after the command, which is in brackets and may hold spaces.
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            children.append(int(entry.name))
    return sorted(children)


# --- PostgreSQL, the machine's own server ------------------------------------------------------------------------


class PostgreSQL:
    """The cluster behind the soak's database, restarted as an operator would (Debian's pg_ctlcluster)."""

    def __init__(self, url, cluster="main"):
        parts = urlsplit(url)
        self.cluster_name = cluster
        self.host = parts.hostname or "127.0.0.1"
        self.port = str(parts.port or 5432)
        versions = sorted(os.listdir("/etc/postgresql")) if Path("/etc/postgresql").is_dir() else []
        self.version = versions[-1] if versions else None
        self.pg_isready = shutil.which("pg_isready") or "/usr/bin/pg_isready"
        self.pg_ctlcluster = shutil.which("pg_ctlcluster")

    def cannot_restart(self):
        """Why this process cannot restart the cluster, or an empty text when it can."""
        if self.version is None or self.pg_ctlcluster is None:
            return "The soak restarts PostgreSQL with Debian's pg_ctlcluster, which this machine lacks."
        config = Path("/etc/postgresql") / self.version / self.cluster_name / "postgresql.conf"
        if not config.exists():
            return f"There is no cluster {self.version}/{self.cluster_name} (pg_lsclusters lists them)."
        if os.geteuid() not in {0, config.stat().st_uid}:
            return "Restarting PostgreSQL takes root or the cluster's owner: run `sudo make soak`."
        return ""

    def is_ready(self):
        completed = subprocess.run(  # noqa: S603 - Debian's PostgreSQL client
            [self.pg_isready, "-q", "-h", self.host, "-p", self.port, "-t", "1"], check=False
        )
        return completed.returncode == 0

    def cluster(self, action):
        subprocess.run(  # noqa: S603 - Debian's cluster tool, as the operations guide names it
            [self.pg_ctlcluster, "--skip-systemctl-redirect", self.version, self.cluster_name, action],
            check=True,
            capture_output=True,
        )

    def start_restart(self):
        """Begin the restart; returns the running pg_ctlcluster, which ends once the server is up again."""
        return subprocess.Popen(  # noqa: S603 - Debian's cluster tool, as the operations guide names it
            [self.pg_ctlcluster, "--skip-systemctl-redirect", self.version, self.cluster_name, "restart"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def ensure_running(self, timeout=60):
        """Start the server if it is down (a soak that failed midway must not leave the machine without it)."""
        if self.is_ready():
            return True
        # It may be starting already: wait for it below either way.
        with contextlib.suppress(subprocess.CalledProcessError):
            self.cluster("start")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.is_ready():
                return True
            time.sleep(0.5)
        return False
