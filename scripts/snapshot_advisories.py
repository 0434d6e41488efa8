#!/usr/bin/env python3
"""Write the advisory snapshot that `scripts/check_advisories.py` reads, from a checkout of
https://github.com/pypa/advisory-database (the Python Packaging Authority's advisories, CC-BY 4.0).

    git clone https://github.com/pypa/advisory-database /tmp/advisory-database
    .venv/bin/python scripts/snapshot_advisories.py /tmp/advisory-database > security/advisories.json

Only the packages pinned in requirements*.txt are kept, and of each advisory only what the check needs:
its id, aliases, the affected ranges and versions, and one line of summary.
"""

import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from pins import pinned_versions  # noqa: E402


def first_line(text):
    return " ".join((text or "").split())[:200]


def git(checkout, *arguments):
    # The checkout is a path the developer gives on the command line, and no shell is involved.
    return subprocess.run(["git", "-C", checkout, *arguments], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607


def main(checkout):
    commit, date = git(checkout, "log", "-1", "--format=%H %cs").split()
    advisories = []
    for package in sorted(pinned_versions(ROOT)):
        # Read through git, so that a bare mirror works as well as a clone.
        for path in sorted(git(checkout, "ls-tree", "--name-only", commit, f"vulns/{package}/").split()):
            record = yaml.safe_load(git(checkout, "show", f"{commit}:{path}"))
            if record.get("withdrawn"):
                continue
            for affected in record.get("affected", []):
                advisories.append(
                    {
                        "id": record["id"],
                        "aliases": record.get("aliases", []),
                        "package": package,
                        "summary": first_line(record.get("summary") or record.get("details")),
                        "ranges": [r["events"] for r in affected.get("ranges", []) if r.get("type") == "ECOSYSTEM"],
                        "versions": [str(v) for v in affected.get("versions", [])],
                    }
                )
    snapshot = {
        "source": "https://github.com/pypa/advisory-database",
        "commit": commit,
        "date": date,
        "packages": sorted(pinned_versions(ROOT)),
        "advisories": advisories,
    }
    json.dump(snapshot, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
