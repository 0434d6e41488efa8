"""What the soak watches while the people work: /healthz on every instance, and whether PostgreSQL answers.

Both watchers write down every observation with the soak's clock, so that the verdict can line them up with the
people's requests and with the outage the run caused.
"""

import threading
import time
from dataclasses import asdict, dataclass

import requests

# A restart keeps PostgreSQL down for a few tenths of a second here: often enough to see each instance say so.
HEALTH_INTERVAL = 0.1
# As long as a load balancer's health check waits for an answer (5 s is a common default).
HEALTH_TIMEOUT = 5
POSTGRES_INTERVAL = 0.1


@dataclass
class Probe:
    port: int
    started: float
    ended: float
    status: int | None  # None: no answer


class Watcher(threading.Thread):
    interval = 1.0

    def __init__(self, clock):
        super().__init__(daemon=True)
        self.clock = clock
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            self.observe()
            self.stopping.wait(self.interval)

    def stop(self):
        self.stopping.set()
        self.join()


class HealthWatcher(Watcher):
    """Asks one instance's /healthz every 0.1 s, as a load balancer would (one watcher per instance, so that a slow
    answer from one never delays the questions to the other)."""

    interval = HEALTH_INTERVAL

    def __init__(self, clock, port):
        super().__init__(clock)
        self.port = port
        self.probes = []
        self.session = requests.Session()

    def observe(self):
        started = self.clock()
        try:
            status = self.session.get(f"http://127.0.0.1:{self.port}/healthz", timeout=HEALTH_TIMEOUT).status_code
        except requests.RequestException:
            status = None
        self.probes.append(Probe(self.port, started, self.clock(), status))

    def as_json(self):
        return [asdict(probe) for probe in self.probes]


class PostgresWatcher(Watcher):
    """Asks PostgreSQL (pg_isready) every 0.1 s whether it takes connections; keeps when each question that found
    it not taking them was asked and answered (starting pg_isready takes tens of milliseconds on a loaded machine,
    so the moment it was found down lies somewhere between the two)."""

    interval = POSTGRES_INTERVAL

    def __init__(self, clock, postgresql):
        super().__init__(clock)
        self.postgresql = postgresql
        self.down = []  # [asked, answered] of each question it did not answer

    def observe(self):
        asked = self.clock()
        if not self.postgresql.is_ready():
            self.down.append([asked, self.clock()])


def wait_until(condition, timeout, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()
