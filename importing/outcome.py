"""The two ways an import ends: an ImportReport, or ImportFailed with every reason."""

from collections import Counter
from dataclasses import dataclass, field


class ImportFailed(Exception):
    """The file cannot be imported; `errors` says every reason, and nothing was written."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@dataclass
class ImportReport:
    """What an import wrote (or, in a dry run, would write), counted by kind of page."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    warnings: list = field(default_factory=list)
    dry_run: bool = False
