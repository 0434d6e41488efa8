"""The soak's criteria, judged from what the run recorded, and the summary it prints.

Times are seconds on the run's clock. A request counts as inside the outage when any part of it overlaps the
window from the moment PostgreSQL was told to restart to the moment it answered again (pg_isready).
"""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass

RECOVERY_LIMIT = 10.0  # seconds after PostgreSQL answers again
RESPAWN_LIMIT = 15.0  # seconds for gunicorn's master to replace a killed worker


@dataclass
class Criterion:
    name: str
    passed: bool
    figure: str


def overlaps(item, start, end):
    return item["started"] <= end and item["ended"] >= start


def status_class(status):
    return "no answer" if status is None else f"{status // 100}xx"


def server_errors_outside(items, outage):
    return [
        item
        for item in items
        if item["status"] is not None
        and item["status"] >= 500
        and not overlaps(item, outage["started"], outage["ready"])
    ]


def unanswered_outside(requests, outage, kill):
    """Requests that got no answer, other than those in the outage or in flight on the worker that was killed."""
    return [
        request
        for request in requests
        if request["status"] is None
        and not overlaps(request, outage["started"], outage["ready"])
        and not (request["started"] <= kill["at"] <= request["ended"])
    ]


def surely_down(down_checks):
    """From the answer of the first pg_isready that found PostgreSQL down to the question of the last one: the
    span in which it was down for certain (each check found it down at some moment between asking and answering,
    so a check's own span may still hold a moment it was up)."""
    if not down_checks:
        return 0, -1
    return min(answered for _asked, answered in down_checks), max(asked for asked, _answered in down_checks)


def health_during_outage(probes, outage, down_checks, ports):
    """Per port: the 503s answered during the outage, and any other answer given wholly while pg_isready found
    PostgreSQL down (a 200 then would send a load balancer's traffic to an instance that cannot serve it)."""
    first, last = surely_down(down_checks)
    result = {}
    for port in ports:
        mine = [probe for probe in probes if probe["port"] == port]
        result[port] = {
            "503": sum(
                probe["status"] == 503 and overlaps(probe, outage["started"], outage["ready"]) for probe in mine
            ),
            "other": sorted(
                {
                    probe["status"]
                    for probe in mine
                    if first <= probe["started"] and probe["ended"] <= last and probe["status"] != 503
                },
                key=str,
            ),
        }
    return result


def recovery(items, ports, ready, served):
    """Per port: seconds from PostgreSQL answering to the first answer that `served` accepts, or None."""
    result = {}
    for port in ports:
        after = [item for item in items if item["port"] == port and item["started"] >= ready and served(item)]
        result[port] = round(min(item["ended"] for item in after) - ready, 2) if after else None
    return result


def judge(run):
    """The criteria of docs/operations.md, each with the figure it was judged on."""
    requests, probes, outage, kill = run["requests"], run["probes"], run["outage"], run["kill"]
    ports, findings = run["ports"], run["check"]
    criteria = []

    errors = server_errors_outside(requests, outage) + server_errors_outside(probes, outage)
    inside = [
        item
        for item in requests
        if item["status"] and item["status"] >= 500 and overlaps(item, outage["started"], outage["ready"])
    ]
    criteria.append(
        Criterion("No 5xx outside the outage window", not errors, f"{len(errors)} outside, {len(inside)} inside")
    )

    health = health_during_outage(probes, outage, run["postgres_down"], ports)
    healthy = bool(run["postgres_down"]) and all(value["503"] and not value["other"] for value in health.values())
    criteria.append(
        Criterion(
            "/healthz answers 503 while PostgreSQL is down",
            healthy,
            ", ".join(
                f"port {port}: {value['503']}×503, other {value['other'] or 'none'}" for port, value in health.items()
            ),
        )
    )

    health_back = recovery(probes, ports, outage["ready"], lambda probe: probe["status"] == 200)
    pages_back = recovery(requests, ports, outage["ready"], lambda request: 200 <= (request["status"] or 0) < 400)
    back = [*health_back.values(), *pages_back.values()]
    criteria.append(
        Criterion(
            f"Serving again within {RECOVERY_LIMIT:.0f} s after PostgreSQL returns",
            all(seconds is not None and seconds <= RECOVERY_LIMIT for seconds in back),
            "healthz "
            + ", ".join(f"{port}: {seconds} s" for port, seconds in health_back.items())
            + "; pages "
            + ", ".join(f"{port}: {seconds} s" for port, seconds in pages_back.items()),
        )
    )

    missing = findings["writes_missing"]
    criteria.append(
        Criterion(
            "Every acknowledged write is in the database (row by row)",
            findings["writes_checked"] > 0 and not missing and not findings["counters"],
            f"{findings['writes_checked'] - len(missing)} of {findings['writes_checked']} found; "
            f"counters: {len(findings['counters'])} wrong",
        )
    )
    criteria.append(
        Criterion("No write refused (form shown again)", not run["refused"], f"{len(run['refused'])} refused")
    )

    mail = findings["mail"]
    criteria.append(
        Criterion(
            "The task worker resumes and sends every queued e-mail once",
            run["worker_alive"]
            and findings["queue_drained_after_seconds"] is not None
            and mail["expected"] > 0
            and not mail["problems"],
            f"worker {'alive' if run['worker_alive'] else 'gone'}, queue empty after "
            f"{findings['queue_drained_after_seconds']} s; {mail['sent_once']} of {mail['expected']} sent once, "
            f"{mail['duplicates']} duplicates",
        )
    )

    respawned = kill.get("respawned_after")
    criteria.append(
        Criterion(
            "The killed gunicorn worker is replaced",
            respawned is not None and respawned <= RESPAWN_LIMIT,
            f"pid {kill.get('pid')} killed at {kill['at']:.1f} s, replaced after {respawned} s",
        )
    )
    lost = unanswered_outside(requests, outage, kill)
    criteria.append(
        Criterion(
            "Every request answered, outside the outage and the killed worker's own",
            not lost,
            f"{len(lost)} unanswered outside, {sum(request['status'] is None for request in requests)} in all",
        )
    )
    criteria.append(
        Criterion("Everyone signed in", not run["sign_in_failed"], f"{len(run['sign_in_failed'])} could not sign in")
    )
    return criteria


def by_kind(requests):
    rows = defaultdict(lambda: {"count": 0, "statuses": Counter(), "durations": [], "retried": 0})
    for request in requests:
        row = rows[request["kind"]]
        row["count"] += 1
        row["retried"] += bool(request["retried_after"])
        row["statuses"][status_class(request["status"])] += 1
        row["durations"].append(request["ended"] - request["started"])
    return dict(sorted(rows.items()))


def percentile(values, share):
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def request_table(requests):
    classes = ["2xx", "3xx", "4xx", "5xx", "no answer"]
    lines = [
        f"{'kind':<16}{'count':>7}"
        + "".join(f"{name:>10}" for name in classes)
        + f"{'retried':>9}{'p50 ms':>9}{'p95 ms':>9}"
    ]
    total = {"count": 0, "statuses": Counter(), "durations": [], "retried": 0}
    for kind, row in by_kind(requests).items():
        lines.append(_row(kind, row, classes))
        total["count"] += row["count"]
        total["retried"] += row["retried"]
        total["statuses"].update(row["statuses"])
        total["durations"] += row["durations"]
    lines.append(_row("all", total, classes))
    return lines


def _row(kind, row, classes):
    return (
        f"{kind:<16}{row['count']:>7}"
        + "".join(f"{row['statuses'][name]:>10}" for name in classes)
        + f"{row['retried']:>9}"
        + f"{percentile(row['durations'], 0.5) * 1000:>9.0f}{percentile(row['durations'], 0.95) * 1000:>9.0f}"
    )


def summary(run, criteria):
    outage, findings = run["outage"], run["check"]
    mail = findings["mail"]
    lines = [
        "",
        f"Soak: {run['people']} people for {run['seconds']:.0f} s against ports {', '.join(map(str, run['ports']))} "
        f"({run['workers']} workers each), {run['cores']} cores; set-up {run['setup_seconds']:.0f} s, "
        f"sign-in {run['sign_in_seconds']:.1f} s, whole run {run['total_seconds']:.0f} s",
        "",
        *request_table(run["requests"]),
        "",
        f"Answers 4xx during the outage: {_client_errors_inside(run['requests'], outage)} (a session that could not "
        "be saved ends its request with 400); dropped connections tried again: "
        f"{sum(bool(request['retried_after']) for request in run['requests'])}",
        f"Worker killed: pid {run['kill'].get('pid')} on port {run['kill'].get('port')} at {run['kill']['at']:.1f} s",
        f"PostgreSQL restart: told at {outage['started']:.1f} s, answering again at {outage['ready']:.1f} s "
        f"(outage {outage['ready'] - outage['started']:.1f} s; pg_isready saw it down for "
        f"{_down_span(run['postgres_down'])})",
        f"Writes checked: {findings['writes_checked']} "
        f"({', '.join(f'{kind} {count}' for kind, count in sorted(findings['writes_by_kind'].items()))})",
        f"E-mail: {mail['expected']} expected, {mail['sent_once']} sent once, {mail['duplicates']} duplicates, "
        f"{mail['messages']} messages in all; tasks {mail['tasks']}; "
        f"notifications that never reached the queue: {mail['notifications_not_queued']}",
        "",
    ]
    for criterion in criteria:
        lines.append(f"[{'PASS' if criterion.passed else 'FAIL'}] {criterion.name}: {criterion.figure}")
    problems = findings["writes_missing"][:10] + findings["counters"][:10] + mail["problems"][:10] + run["refused"][:10]
    if problems:
        lines += ["", "First problems:", *(f"  {problem}" for problem in problems)]
    lines.append("")
    return lines


def _client_errors_inside(requests, outage):
    return sum(
        400 <= (request["status"] or 0) < 500 and overlaps(request, outage["started"], outage["ready"])
        for request in requests
    )


def _down_span(down_checks):
    if not down_checks:
        return "never"
    first, last = surely_down(down_checks)
    return f"{max(0.0, last - first):.1f} s"
