"""What a run found: wrk's figures read, each page and search judged against its target, and the tables printed."""

import json

from .pages import FLOOR, PAGES, SEARCH_TARGET_RATIO

# A floor whose readings during a run differ by more than this share is worth a warning.
FLOOR_SPREAD_WARNING = 0.15


def percent(share):
    return f"{share * 100:.0f} %"


def say(text):
    print(f"\n==> {text}", flush=True)


def read_wrk(text):
    """wrk's JSON line (devtools/bench/report.lua) in the units of the report."""
    raw = json.loads(text)
    seconds = raw["duration_us"] / 1e6
    return {
        "requests": raw["requests"],
        "seconds": round(seconds, 2),
        "requests_per_second": round(raw["requests"] / seconds, 1) if seconds else 0.0,
        "p50_ms": round(raw["p50_us"] / 1000, 1),
        "p95_ms": round(raw["p95_us"] / 1000, 1),
        "p99_ms": round(raw["p99_us"] / 1000, 1),
        "not_200": raw["not_ok"] + raw["socket_errors"],
    }


def judge_pages(rows):
    """Each page's share of the floor and whether it met its target; a page that answered other than 200 failed.

    A page with `floor_beside` (the floor measured right after it) is a share of that one: on a machine
    others use too, its load changes during a run, and the share stays of the same minute. The floor's
    readings, from lowest to highest, say how much it changed.
    """
    targets = {page.key: page.target for page in PAGES}
    first = next(row for row in rows if row["key"] == FLOOR)["requests_per_second"]
    for row in rows:
        target = targets[row["key"]]
        floor = row.get("floor_beside") or first
        row["share_of_floor"] = round(row["requests_per_second"] / floor, 4) if floor else 0.0
        row["target_share"] = target
        row["passed"] = None if target is None else (row["share_of_floor"] >= target and not row["not_200"])
        if row["not_200"]:
            row["passed"] = False
    judged = [row["passed"] for row in rows if row["passed"] is not None]
    readings = [first, *(row["floor_beside"] for row in rows if row.get("floor_beside"))]
    return {
        "pages": rows,
        "floor": {
            "first": first,
            "lowest": min(readings),
            "highest": max(readings),
            "spread": round(1 - min(readings) / max(readings), 3) if max(readings) else 0.0,
        },
        "passed": all(judged) and not any(row["not_200"] for row in rows),
    }


def judge_search(rows, raw):
    """Each query's page p95 against the raw full-text query's p95 (SEARCH_TARGET_RATIO at most)."""
    for row in rows:
        timings = raw[row["query"]]
        row["hits"] = timings["hits"]
        row["tsquery"] = timings["tsquery"]
        row["raw"], row["plain"], row["engine"] = timings["raw"], timings["plain"], timings["engine"]
        row["engine_again"], row["page_first"] = timings["kept"], timings["page"]
        row["p50_ratio"] = round(row["page"]["p50_ms"] / row["raw"]["p50_ms"], 2)
        row["p95_ratio"] = round(row["page"]["p95_ms"] / row["raw"]["p95_ms"], 2)
        # The page asked first (in process: nothing kept of the question, as after a write of the index).
        row["first_p95_ratio"] = round(row["page_first"]["p95_ms"] / row["raw"]["p95_ms"], 2)
        row["passed"] = row["p95_ratio"] <= SEARCH_TARGET_RATIO and not row["page"]["not_200"]
    return {"queries": rows, "target_ratio": SEARCH_TARGET_RATIO, "passed": all(row["passed"] for row in rows)}


def verdict(passed):
    return {True: "met", False: "MISSED", None: ""}[passed]


def print_pages(report):
    say("Results")
    conditions, data = report["conditions"], report["data"]
    print(
        f"{conditions['gunicorn_sync_workers']} sync workers, {conditions['clients']} loopback clients for "
        f"{conditions['seconds']} s per page, signed in; {data['threads']} threads, {data['posts']} posts, "
        f"{data['knowledge_pages']} knowledge pages; cache: {conditions['cache']}\n"
    )
    header = f"{'page':30} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'% of floor':>11}  {'target':>7}"
    print(header + "  result")
    print("-" * (len(header) + 8))
    for row in report["pages"]:
        target = f"≥ {percent(row['target_share'])}" if row["target_share"] is not None else ""
        note = f"  ({row['not_200']} not 200)" if row["not_200"] else ""
        print(
            f"{row['label']:30} {row['requests_per_second']:8.1f} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} "
            f"{row['queries']:8d} {percent(row['share_of_floor']):>11}  {target:>7}  {verdict(row['passed'])}{note}"
        )
    floor = report["floor"]
    print(
        f"\nShares are of the floor measured right after each page: it read {floor['lowest']:.1f} to "
        f"{floor['highest']:.1f} req/s during the run."
    )
    if floor["spread"] > FLOOR_SPREAD_WARNING:
        print(
            f"The floor changed by {floor['spread'] * 100:.0f} % during the run (other work on the machine): "
            "measure again on a quiet machine before comparing absolute figures."
        )
    print_machine(report)


def print_search(report):
    say("Results: the search page (one client) against the raw full-text query (in process)")
    data = report["data"]
    print(f"{data['threads']} threads, {data['posts']} posts, {data['knowledge_pages']} knowledge pages\n")
    header = (
        f"{'query':30} {'hits':>6} {'queries':>7} {'page p50':>9} {'page p95':>9} {'raw p50':>8} {'raw p95':>8} "
        f"{'p95 ×raw':>9}  target"
    )
    print(header + f"  result  {'first p95':>9} {'×raw':>5}")
    print("-" * (len(header) + 25))
    for row in report["queries"]:
        print(
            f"{row['query'][:30]:30} {row['hits']:6d} {row['queries']:7d} {row['page']['p50_ms']:9.1f} "
            f"{row['page']['p95_ms']:9.1f} {row['raw']['p50_ms']:8.1f} {row['raw']['p95_ms']:8.1f} "
            f"{row['p95_ratio']:9.2f}  ≤ {report['target_ratio']:.0f}×  {verdict(row['passed']):6}  "
            f"{row['page_first']['p95_ms']:9.1f} {row['first_p95_ratio']:5.2f}"
        )
    print(
        "(milliseconds; raw: the search's own tsquery, ten best by ts_rank, over the index table; page: gunicorn, the"
        "\n same address again and again, as a question many ask; first: the page in process with nothing kept of the"
        "\n question, as the first to ask it after a write of the index)"
    )
    print_machine(report)


def print_machine(report):
    machine = report["machine"]
    changes = " with uncommitted changes" if machine["git_uncommitted_changes"] else ""
    print(
        f"\nMachine: {machine['cores']} cores ({machine['cpu']}), {machine['memory_gb']} GB, PostgreSQL "
        f"{machine['postgresql']}, Python {machine['python']}, Django {machine['django']}, Wagtail "
        f"{machine['wagtail']}, gunicorn {machine['gunicorn']}, {machine['wrk']}; commit "
        f"{machine['git_commit'][:12]}{changes}; load average before {machine['load_average_before'][0]:.2f}, "
        f"after {machine['load_average_after'][0]:.2f}"
    )
    print("Targets: " + ("all met." if report["passed"] else "some missed (BENCH_STRICT=1 makes that fail)."))
