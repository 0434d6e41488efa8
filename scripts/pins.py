"""The exact versions the requirements files pin: `name==version`, names normalised as PyPI does."""

import re
from pathlib import Path

PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*==\s*([^\s;#]+)")


def normalised(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned_versions(root):
    pins = {}
    for requirements in sorted(Path(root).glob("requirements*.txt")):
        for line in requirements.read_text(encoding="utf-8").splitlines():
            if match := PIN.match(line):
                pins[normalised(match.group(1))] = match.group(2)
    return pins
