"""Properties of the guard: every valid identity number in any spelling blocks, and look-alikes do not."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from privacy.guard import (
    COORDINATION_NUMBER,
    PERSONAL_IDENTITY_NUMBER,
    Finding,
    Inspection,
    inspect,
    inspect_many,
    is_valid_identity_number,
)

SEPARATORS = ["-", "+", " ", ""]
WORDS = ["mamman", "barnet", "ärendet", "socialtjänsten", "skolan", "fritidsgården", "hedersnormer", "stöd", "och"]
FEW = hypothesis_settings(max_examples=150, deadline=None)


def check_digit(nine_digits):
    """The Luhn check digit, computed here without the guard's code."""
    total = 0
    for position, digit in enumerate(nine_digits):
        product = int(digit) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    return str(-total % 10)


def is_a_date(yy, month, day):
    for year in (1900 + yy, 2000 + yy):
        try:
            date(year, month, day)
        except ValueError:
            continue
        return True
    return False


@st.composite
def identity_numbers(draw):
    """(written number, date part as written, serial, kind) for a valid number in one of the spellings."""
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    coordination = draw(st.booleans())
    day = born.day + (60 if coordination else 0)
    yymmdd = f"{born:%y%m}{day:02d}"
    serial = f"{draw(st.integers(0, 999)):03d}"
    serial += check_digit(yymmdd + serial)
    date_part = f"{born.year // 100}{yymmdd}" if draw(st.booleans()) else yymmdd
    separator = draw(st.sampled_from(SEPARATORS))
    kind = COORDINATION_NUMBER if coordination else PERSONAL_IDENTITY_NUMBER
    return date_part + separator + serial, date_part + separator, serial, kind


swedish_text = st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join)
punctuation = st.sampled_from(["", " ", ", ", ": ", " (", "\n"])


@FEW
@given(identity_numbers(), swedish_text, punctuation, swedish_text)
def test_every_valid_identity_number_in_any_spelling_blocks(number, before, opening, after):
    written, shown, serial, kind = number
    text = f"{before}{opening}{written} {after}"

    inspection = inspect(text)

    assert inspection.blocked
    [finding] = inspection.findings  # not also a phone number
    assert finding.kind == kind
    assert text[finding.start : finding.end] == written
    assert finding.masked == shown + "****"  # the date part only, never the last four digits
    assert written not in finding.message and finding.masked in finding.message
    assert is_valid_identity_number(written)


@FEW
@given(identity_numbers(), st.integers(1, 9), swedish_text)
def test_a_wrong_check_digit_does_not_block(number, change, after):
    written = number[0]
    wrong = written[:-1] + str((int(written[-1]) + change) % 10)

    assert not inspect(f"nummer {wrong} {after}").blocked
    assert not is_valid_identity_number(wrong)


@st.composite
def impossible_dates(draw):
    """Six digits that are no date in any century, even as a coordination number."""
    yy, month, day = draw(st.integers(0, 99)), draw(st.integers(0, 99)), draw(st.integers(0, 99))
    coordination_day = day - 60 if day > 60 else day
    if is_a_date(yy, month, coordination_day):
        month = draw(st.sampled_from([0, 13, 19, 20, 42, 99]))
    return f"{yy:02d}{month:02d}{day:02d}"


@FEW
@given(impossible_dates(), st.integers(0, 999), st.sampled_from(SEPARATORS))
def test_numbers_with_impossible_dates_do_not_block(yymmdd, serial, separator):
    serial = f"{serial:03d}"
    written = yymmdd + separator + serial + check_digit(yymmdd + serial)
    assert not inspect(f"Ärende {written} gäller stöd").blocked


@st.composite
def organisation_numbers(draw):
    """Swedish organisation numbers: the third digit is 2 or more, so no date, and a Luhn check digit."""
    digits = draw(st.sampled_from("12356789")) + str(draw(st.integers(0, 9))) + str(draw(st.integers(2, 9)))
    digits += f"{draw(st.integers(0, 999_999)):06d}"
    digits += check_digit(digits)
    separator = draw(st.sampled_from(["-", ""]))
    return digits[:6] + separator + digits[6:]


@FEW
@given(organisation_numbers(), swedish_text)
def test_organisation_numbers_trigger_nothing(number, after):
    assert not inspect(f"Föreningens org.nr {number} {after}")


@FEW
@given(
    st.sampled_from(["070", "072", "073", "076", "079"]),
    st.integers(0, 9_999_999),
    st.sampled_from(["{a}-{b} {c} {d}", "{a} {b} {c} {d}", "{a}-{b}{c}{d}", "+46 {a2} {b} {c} {d}"]),
)
def test_mobile_numbers_warn_and_show_only_their_last_two_digits(prefix, subscriber, style):
    digits = f"{subscriber:07d}"
    written = style.format(a=prefix, a2=prefix[1:], b=digits[:3], c=digits[3:5], d=digits[5:])

    inspection = inspect(f"ring mig på {written} i kväll")

    assert not inspection.blocked
    [finding] = inspection.warnings
    assert finding.kind == "phone"
    assert finding.masked.endswith(digits[-2:])
    assert digits[:5] not in finding.masked.replace(" ", "")


def test_known_identity_numbers_are_valid_in_every_form():
    for number in ["850709-1232", "8507091232", "19850709-1232", "198507091232", "121212-1212", "850275-1236"]:
        assert is_valid_identity_number(number)
    for number in ["850709-1233", "851309-1234", "212000-0142", "1234567890", "85070912"]:
        assert not is_valid_identity_number(number)


def test_a_finding_shows_only_the_masked_form():
    [finding] = inspect("Pappan har personnummer 19850709-1232.").findings
    assert finding == Finding(PERSONAL_IDENTITY_NUMBER, "19850709-****", 24, 37)
    assert finding.blocks
    assert "1232" not in repr(finding)


def test_an_inspection_sorts_its_findings_into_blocking_and_warnings():
    inspection = inspect("Ring 070-123 45 67 eller mejla anna@gmail.com om 850275-1236.")
    assert bool(inspection) and inspection.blocked
    assert [finding.kind for finding in inspection.blocking] == [COORDINATION_NUMBER]
    assert [finding.masked for finding in inspection.warnings] == ["070-*** ** 67", "a***@gmail.com"]
    assert not Inspection() and not inspect("")


def test_inspect_many_collects_the_findings_of_every_text():
    inspection = inspect_many(["Rubrik", "Ring 070-123 45 67", "", "Pnr 850709-1232"])
    assert [finding.kind for finding in inspection.findings] == ["phone", PERSONAL_IDENTITY_NUMBER]


def test_a_number_pasted_with_an_en_dash_or_no_break_space_still_blocks():
    assert inspect("pnr 850709\u20131232").blocked
    assert inspect("pnr 850709\u00a01232").blocked


def test_a_day_after_the_last_of_the_month_is_no_date():
    yymmdd = "850431"  # 31 April
    serial = "123" + check_digit(yymmdd + "123")
    assert not inspect(f"{yymmdd}-{serial}").blocked


def test_29_february_is_a_date_only_in_leap_years():
    for yymmdd, blocks in [("040229", True), ("000229", True), ("030229", False)]:
        serial = "123" + check_digit(yymmdd + "123")
        assert inspect(f"{yymmdd}-{serial}").blocked is blocks


def test_a_coordination_number_three_weeks_after_birth_is_found():
    born = date(1992, 1, 1) + timedelta(days=20)
    yymmdd = f"{born:%y%m}{born.day + 60}"
    serial = "222" + check_digit(yymmdd + "222")
    [finding] = inspect(f"samordningsnummer {yymmdd}-{serial}").findings
    assert finding.kind == COORDINATION_NUMBER


def test_the_public_e_mail_domains_and_phone_numbers_can_be_set(settings):
    text = "Mejla vald@jarfalla.se eller samordnare@example.org, ring växeln 08-580 285 00."
    assert [finding.kind for finding in inspect(text).findings] == ["email", "phone"]

    settings.PRIVACY_PUBLIC_EMAIL_DOMAINS = ["example.org"]
    settings.PRIVACY_PUBLIC_PHONE_NUMBERS = ["0858028500"]

    assert [finding.masked for finding in inspect(text).findings] == ["v***@jarfalla.se"]


def test_configured_switchboards_and_domains_never_warn(settings):
    from privacy.guard import inspect

    text = "Ring växeln på 08-590 000 00 eller mejla samordnare@partner.example."
    assert len(inspect(text).warnings) == 2
    settings.PRIVACY_PUBLIC_PHONE_NUMBERS = ["08-590 000 00"]
    settings.PRIVACY_EXTRA_PUBLIC_EMAIL_DOMAINS = ["partner.example"]
    assert not inspect(text)
