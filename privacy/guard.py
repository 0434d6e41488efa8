"""Inspect a text for personal data: identity numbers block a save, private contact details warn.

Nothing here logs, and a Finding never holds the value it found, only a
masked form of it, so the number cannot leak through a message or a log.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .contacts import EMAIL, PHONE, find_private_emails, find_private_phones
from .identity import COORDINATION_NUMBER, PERSONAL_IDENTITY_NUMBER, find_identity_numbers, is_valid_identity_number

__all__ = [
    "COORDINATION_NUMBER",
    "EMAIL",
    "PERSONAL_IDENTITY_NUMBER",
    "PHONE",
    "Finding",
    "Inspection",
    "inspect",
    "inspect_many",
    "is_valid_identity_number",
]

BLOCKING_KINDS = frozenset({PERSONAL_IDENTITY_NUMBER, COORDINATION_NUMBER})
MESSAGES = {
    PERSONAL_IDENTITY_NUMBER: _(
        "The text contains a personal identity number (%(fragment)s). Remove it before saving."
    ),
    COORDINATION_NUMBER: _("The text contains a coordination number (%(fragment)s). Remove it before saving."),
    EMAIL: _("The text may contain a private e-mail address (%(fragment)s)."),
    PHONE: _("The text may contain a private phone number (%(fragment)s)."),
}


@dataclass(frozen=True)
class Finding:
    """One piece of personal data in a text: its kind, a masked form and where it is."""

    kind: str  # PERSONAL_IDENTITY_NUMBER, COORDINATION_NUMBER, EMAIL or PHONE
    masked: str  # "850709-****", "a***@gmail.com", "070-*** ** 67"; never the whole value
    start: int  # offsets in the inspected text
    end: int

    @property
    def blocks(self) -> bool:
        return self.kind in BLOCKING_KINDS

    @property
    def message(self) -> str:
        return MESSAGES[self.kind] % {"fragment": self.masked}


@dataclass(frozen=True)
class Inspection:
    """What the guard found in one or more texts."""

    findings: tuple[Finding, ...] = ()

    @property
    def blocking(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.blocks)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if not finding.blocks)

    @property
    def blocked(self) -> bool:
        return any(finding.blocks for finding in self.findings)

    def __bool__(self):
        return bool(self.findings)


def inspect(text: str) -> Inspection:
    """Find identity numbers, private e-mail addresses and private phone numbers in the text."""
    if not text:
        return Inspection()
    numbers = [Finding(*match) for match in find_identity_numbers(text)]
    contacts = [Finding(*match) for match in [*find_private_emails(text), *find_private_phones(text)]]
    # A number that is an identity number is reported as one, not also as a phone number.
    contacts = [finding for finding in contacts if not any(overlap(finding, number) for number in numbers)]
    return Inspection(tuple(sorted(numbers + contacts, key=lambda finding: finding.start)))


def inspect_many(texts: Iterable[str]) -> Inspection:
    """Inspect several texts at once; each finding's offsets are in its own text."""
    return Inspection(tuple(finding for text in texts for finding in inspect(text).findings))


def overlap(one, other):
    return one.start < other.end and other.start < one.end
