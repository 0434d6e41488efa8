"""Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).

Either is a date, YYMMDD or YYYYMMDD (a coordination number adds 60 to the
day), a three-digit serial and a Luhn check digit computed over the 10-digit
form. Between date and serial people write "-", "+", a space or nothing;
texts pasted from word processors bring en dashes and no-break spaces too.
"""

import re
from datetime import date
from typing import NamedTuple

PERSONAL_IDENTITY_NUMBER = "personal_identity_number"
COORDINATION_NUMBER = "coordination_number"

SEPARATORS = "-+ \u00a0\u202f\u2010\u2011\u2012\u2013\u2212"
CANDIDATE = re.compile(
    r"(?<![0-9])(?P<century>18|19|20)?(?P<date>[0-9]{6})"
    rf"(?P<separator>[{re.escape(SEPARATORS)}]?)(?P<serial>[0-9]{{4}})(?![0-9])"
)
COORDINATION_DAY_OFFSET = 60


class Match(NamedTuple):
    kind: str
    masked: str
    start: int
    end: int


def luhn_is_valid(digits):
    """True if the last digit is the Luhn check digit of the others."""
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def date_kind(years, month, day):
    """The kind of number the date part makes in any of the possible years, or None if it is no date."""
    kind = PERSONAL_IDENTITY_NUMBER
    if day > COORDINATION_DAY_OFFSET:
        kind, day = COORDINATION_NUMBER, day - COORDINATION_DAY_OFFSET
    for year in years:
        try:
            date(year, month, day)
        except ValueError:
            continue
        return kind
    return None


def number_kind(century, yymmdd, serial):
    """PERSONAL_IDENTITY_NUMBER, COORDINATION_NUMBER or None for the parts of a candidate."""
    if not luhn_is_valid(yymmdd + serial):
        return None
    yy, month, day = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    # A 10-digit number leaves the century open; the date only has to exist in one of them.
    years = [int(century) * 100 + yy] if century else [1900 + yy, 2000 + yy]
    return date_kind(years, month, day)


def is_valid_identity_number(digits: str) -> bool:
    """True for a valid personal identity or coordination number, 10 or 12 digits, with or without separator."""
    match = CANDIDATE.fullmatch(digits.strip())
    return bool(match) and number_kind(match["century"], match["date"], match["serial"]) is not None


def find_identity_numbers(text):
    """Yield a Match for every valid identity or coordination number in the text, masked to its date."""
    for candidate in CANDIDATE.finditer(text):
        kind = number_kind(candidate["century"], candidate["date"], candidate["serial"])
        if kind:
            masked = f"{candidate['century'] or ''}{candidate['date']}{candidate['separator']}****"
            yield Match(kind, masked, candidate.start(), candidate.end())
