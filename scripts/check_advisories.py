#!/usr/bin/env python3
"""Check the pinned versions against a dated advisory snapshot, offline.

Reads every `name==version` in requirements*.txt and `security/advisories.json` (made by
`scripts/snapshot_advisories.py`), prints what it checked and against which snapshot, and fails when a
pinned version lies in an advisory's affected range — unless `security/advisories-accepted.json`
names that advisory with a reason.
"""

import json
import sys
from pathlib import Path

from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from pins import pinned_versions  # noqa: E402


def in_range(version, events):
    """OSV ECOSYSTEM events: affected from an `introduced` up to, not including, `fixed`, or through `last_affected`."""
    affected = False
    for event in events:
        kind, bound = next(iter(event.items()))
        try:
            bound_version = Version("0") if bound == "0" else Version(str(bound))
        except InvalidVersion:
            continue
        if kind == "introduced" and version >= bound_version:
            affected = True
        elif kind == "fixed" and version >= bound_version or kind == "last_affected" and version > bound_version:
            affected = False
    return affected


def is_affected(version_text, advisory):
    if version_text in advisory["versions"]:
        return True
    try:
        version = Version(version_text)
    except InvalidVersion:
        return False
    return any(in_range(version, events) for events in advisory["ranges"])


def main():
    snapshot = json.loads((ROOT / "security/advisories.json").read_text(encoding="utf-8"))
    accepted_path = ROOT / "security/advisories-accepted.json"
    accepted = json.loads(accepted_path.read_text(encoding="utf-8")) if accepted_path.exists() else {}
    pins = pinned_versions(ROOT)
    print(
        f"Advisory snapshot: {snapshot['source']} at {snapshot['commit'][:12]}, dated {snapshot['date']}, "
        f"{len(snapshot['advisories'])} advisories for {len(snapshot['packages'])} packages."
    )
    missing = sorted(set(pins) - set(snapshot["packages"]))
    if missing:
        print(f"Not in the snapshot (refresh it with scripts/snapshot_advisories.py): {', '.join(missing)}")
    print(f"Checked {len(pins)} pinned packages: " + ", ".join(f"{name}=={pins[name]}" for name in sorted(pins)))
    findings = [
        advisory
        for advisory in snapshot["advisories"]
        if advisory["package"] in pins and is_affected(pins[advisory["package"]], advisory)
    ]
    failed = False
    for advisory in findings:
        reason = accepted.get(advisory["id"])
        marker = f"accepted: {reason}" if reason else "FAIL"
        failed = failed or not reason
        pin = f"{advisory['package']}=={pins[advisory['package']]}"
        print(f"  {pin}: {advisory['id']} {advisory['summary']} [{marker}]")
    print("No pinned version is affected." if not findings else f"{len(findings)} finding(s).")
    return 1 if failed or missing else 0


if __name__ == "__main__":
    sys.exit(main())
