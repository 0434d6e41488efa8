"""The facts of the machine a run measured on, kept with its figures: they vary between machines."""

import contextlib
import importlib.metadata
import os
import platform
import socket
import subprocess
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def facts(*, postgresql):
    """What the figures depend on, besides the code: the machine, the versions, the commit measured."""
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "cpu": cpu_model(),
        "memory_gb": memory_gb(),
        "postgresql": postgresql,
        "python": platform.python_version(),
        "django": importlib.metadata.version("django"),
        "wagtail": importlib.metadata.version("wagtail"),
        "gunicorn": importlib.metadata.version("gunicorn"),
        "wrk": wrk_version(),
        "git_commit": git("rev-parse", "HEAD"),
        "git_uncommitted_changes": bool(git("status", "--porcelain", "--untracked-files=no")),
    }


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cpu_model():
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def memory_gb():
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    return None


def wrk_version():
    finished = subprocess.run(["wrk", "-v"], capture_output=True, text=True)  # noqa: S607 - Debian's wrk on PATH  # nosec B603 B607
    first = (finished.stdout or finished.stderr).splitlines()
    return first[0].split(" Copyright")[0] if first else "wrk"


def git(*arguments):
    finished = subprocess.run(["git", *arguments], cwd=ROOT, capture_output=True, text=True)  # noqa: S603 S607 - git on PATH  # nosec B603 B607
    return finished.stdout.strip()
