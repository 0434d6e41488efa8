"""E-mail addresses and phone numbers that may belong to a private person.

Only addresses and numbers of organisations are let through: e-mail addresses
at the domains in the setting PRIVACY_PUBLIC_EMAIL_DOMAINS (or one of their
subdomains), the well-known public numbers in PUBLIC_PHONE_NUMBERS (plus any in
the setting PRIVACY_PUBLIC_PHONE_NUMBERS, as digits dialled within Sweden, such
as a municipality's switchboard), and Swedish toll-free, shared-cost and
premium numbers (020, 077, 0900, 0939, 0944), which only organisations have.
Everything else (a gmail address, a role address like info@bris.se, a
mobile or landline number) is worth a second look, so it warns.
"""

import re

from django.conf import settings

from .identity import Match

EMAIL = "email"
PHONE = "phone"

# The six municipalities, the region, the police, national agencies in the field and the site itself:
# staff addresses there are no client data.
DEFAULT_PUBLIC_EMAIL_DOMAINS = (
    "jarfalla.se",
    "sollentuna.se",
    "sigtuna.se",
    "sundbyberg.se",
    "upplands-bro.se",
    "upplandsvasby.se",
    "regionstockholm.se",
    "polisen.se",
    "socialstyrelsen.se",
    "lansstyrelsen.se",
    "brottsoffermyndigheten.se",
    "jamstalldhetsmyndigheten.se",
    "kunskapsforum.example",
)

# Support lines everyone may call, as digits in the national form. Spacing and hyphens do not matter.
PUBLIC_PHONE_NUMBERS = frozenset(
    {
        "112",  # SOS Alarm
        "11414",  # Polisen
        "11313",  # information at serious events
        "1177",  # Vårdguiden
        "0771117700",  # Vårdguiden from abroad
        "116006",  # Brottsofferjouren
        "116111",  # BRIS
        "020505050",  # Kvinnofridslinjen
        "90101",  # Mind Självmordslinjen
    }
)
ORGANISATION_PREFIXES = ("020", "077", "0900", "0939", "0944")

EMAIL_CANDIDATE = re.compile(r"(?<![\w.+-])(?P<local>[\w.+-]+)@(?P<domain>(?:[\w-]+\.)+[^\W\d_]{2,})(?![\w-])")

# A phone number is a chain of digit groups joined by a space, a hyphen or brackets: "070-123 45 67",
# "08-12 34 56", "+46 (0)70 123 45 67". It may not continue a number, a date or a decimal ("2026-11-01").
GROUP_SEPARATOR = r"[ \u00a0\u202f\-\u2010\u2011\u2013]"
PHONE_CANDIDATE = re.compile(
    r"(?<![\w+])(?<![0-9][-/.,:\u2013 ])"
    rf"(?P<plus>\+{GROUP_SEPARATOR}?)?\(?[0-9]+\)?(?:(?:{GROUP_SEPARATOR}|(?<=\))|(?=\())\(?[0-9]+\)?)*"
)
GROUP = re.compile(r"[0-9]+")
MOBILE_DIGITS = 10
NATIONAL_DIGITS = range(8, 11)
FOREIGN_DIGITS = range(8, 16)
AREA_CODE_DIGITS = range(2, 5)
MAX_GROUPS = 7  # "+46 (0)70 123 45 67" has six


def public_email_domains():
    domains = getattr(settings, "PRIVACY_PUBLIC_EMAIL_DOMAINS", DEFAULT_PUBLIC_EMAIL_DOMAINS)
    return (*domains, *getattr(settings, "PRIVACY_EXTRA_PUBLIC_EMAIL_DOMAINS", ()))


def is_public_email_domain(domain):
    domain = domain.lower()
    return any(domain == public or domain.endswith(f".{public}") for public in public_email_domains())


def find_private_emails(text):
    """Yield a Match for every e-mail address outside the public domains, masked to its first letter."""
    for candidate in EMAIL_CANDIDATE.finditer(text):
        if not is_public_email_domain(candidate["domain"]):
            masked = f"{candidate['local'][0]}***@{candidate['domain']}"
            yield Match(EMAIL, masked, candidate.start(), candidate.end())


def national_form(digits, international):
    """The digits as dialled within Sweden ("070…"), None for a foreign number, "" for no phone number."""
    if international or digits.startswith("00"):
        digits = digits.removeprefix("00")
        if not digits.startswith("46"):
            return None if len(digits) in FOREIGN_DIGITS and digits[0] != "0" else ""
        digits = "0" + digits[2:].removeprefix("0")  # "+46 (0)70" is "070"
    if digits.startswith("00") or not digits.startswith("0"):
        return ""
    wanted = [MOBILE_DIGITS] if digits.startswith("07") and not digits.startswith("077") else NATIONAL_DIGITS
    return digits if len(digits) in wanted else ""


def is_private(national):
    configured = getattr(settings, "PRIVACY_PUBLIC_PHONE_NUMBERS", ())
    public = PUBLIC_PHONE_NUMBERS | {re.sub(r"[^0-9]", "", number) for number in configured}
    return national not in public and not national.startswith(ORGANISATION_PREFIXES)


def mask_phone(written, keep):
    """Keep the first `keep` characters and the last two digits: "070-123 45 67" → "070-*** ** 67"."""
    digits_left = sum(character.isdigit() for character in written[keep:])
    masked = []
    for character in written[keep:]:
        if character.isdigit():
            digits_left -= 1
            character = character if digits_left < 2 else "*"
        masked.append(character)
    return written[:keep] + "".join(masked)


def phone_in(text, start, groups, international):
    """The longest run of groups from the first that makes a private phone number, as a Match, or None."""
    for count in range(len(groups), 0, -1):
        national = national_form("".join(group.group() for group in groups[:count]), international)
        # A national number written in groups starts with its area code: "08-", "070 ", "0171-".
        grouped_like_a_phone = count == 1 or international or len(groups[0].group()) in AREA_CODE_DIGITS
        if national == "" or not grouped_like_a_phone:
            continue
        if national is not None and not is_private(national):
            return None
        end = groups[count - 1].end()
        # Keep the area code ("070-"), or the country and area codes ("+46 70 "), and the last two digits.
        shown = 2 if international else 1
        keep = groups[shown].start() - start if count > shown else min(3, end - start)
        return Match(PHONE, mask_phone(text[start:end], keep), start, end)
    return None


def find_private_phones(text):
    """Yield a Match for every phone number that may be a private person's."""
    for candidate in PHONE_CANDIDATE.finditer(text):
        groups = list(GROUP.finditer(text, candidate.start(), candidate.end()))
        first = 0
        while first < len(groups):
            start = candidate.start() if first == 0 else groups[first].start()
            international = first == 0 and bool(candidate["plus"])
            match = phone_in(text, start, groups[first : first + MAX_GROUPS], international)
            # The rest of a chain may still hold a number: "mötet 2026-11-26 070-123 45 67".
            first += 1
            if match:
                yield match
                while first < len(groups) and groups[first].start() < match.end:
                    first += 1
