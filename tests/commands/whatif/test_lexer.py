"""Numbers, lengths of time and dates in what-ifs: read exactly, or refused naming the number."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commands.context import Context
from commands.whatif import ask
from commands.whatif.edits import Duration
from commands.whatif.errors import ScenarioError
from commands.whatif.lexer import (
    check_numbers,
    find_date,
    find_duration,
    find_month,
    find_year_end,
    number,
)
from tests.commands.conftest import TODAY


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("6", 6),
        ("six", 6),
        ("twenty-one", 21),
        ("twenty one", 21),
        ("a", 1),
        ("another", 1),
        ("half a", 0.5),
        ("a couple of", 2),
        ("a dozen", 12),
        ("1.5", 1.5),
        ("1,000", 1000),
        ("10 000", 10000),
        ("2 million", 2e6),
        ("a billion", 1e9),
        ("minus 5", -5),
        ("negative 2", -2),
        ("-3", -3),
        ("six and a half", 6.5),
    ],
)
def test_numbers_in_digits_and_words(text: str, value: float) -> None:
    assert number(text) == value


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("slips 6 months", 6, "month"),
        ("slips a month", 1, "month"),
        ("a 6-month delay", 6, "month"),
        ("for a year and a half", 1.5, "year"),
        ("for half a year", 0.5, "year"),
        ("by 1 year and 2 months", 14, "month"),
        ("by 2 weeks", 2, "week"),
        ("by a quarter", 3, "month"),
        ("by 3 months 5 days", 96, "day"),
        ("another year", 1, "year"),
        ("slips minus 5 months", -5, "month"),
        ("slips a billion years", 1e9, "year"),
    ],
)
def test_durations(text: str, amount: float, unit: str) -> None:
    got = find_duration(text)
    assert got is not None
    assert (got[0].amount, got[0].unit) == (amount, unit)


@given(st.integers(1, 10_000), st.sampled_from(["days", "weeks", "months", "years"]))
def test_any_whole_number_of_units_is_read_exactly(n: int, unit: str) -> None:
    got = find_duration(f"crs-35 slips {n} {unit} then")
    assert got is not None
    assert got[0] == Duration(n, unit.rstrip("s"), f"{n} {unit}")


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("slips 10^9 years", "10^9"),
        ("slips 10**9 years", "10**9"),
        ("slips 1e308 days", "1e308"),
        ("slips 1.5e3", "1.5e3"),
        ("slips 2E6 days", "2E6"),
        ("slips nan days", "nan"),
        ("slips inf days", "inf"),
        ("slips infinity years", "infinity"),
        ("slips ∞ years", "∞"),
        ("slips 1,5 months", "1,5"),
        ("slips 1/2 month", "1/2 month"),
        ("slips few months", "few months"),
        ("slips several weeks", "several weeks"),
        ("moves to 3/1/2027", "3/1/2027"),
        ("moves to 1.3.2027", "1.3.2027"),
    ],
)
def test_numbers_the_lexer_cannot_read_are_refused_by_name(text: str, named: str) -> None:
    with pytest.raises(ScenarioError) as err:
        check_numbers(text)
    assert err.value.part == named
    assert f"“{named}”" in err.value.message


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("what if progress ms-33 slips 10^9 years", "10^9"),
        ("what if crs-35 slips 1e308 days", "1e308"),
        ("what if crs-35 slips 1.5e3", "1.5e3"),
        ("what if crs-35 slips minus 5 months", "minus 5 months"),
        ("what if crs-35 slips nan days", "nan"),
        ("what if water recovery 150%", "150%"),
        ("what if crs-35 slips a billion years", "a billion years"),
        ("what if crs-35 slips 3 months 7", "7"),
        ("what if the crew is 4 and a half", "4 and a half"),
        ("what if ms-36 is lost 5 times", "5 times"),
    ],
)
def test_the_issue_13_numbers_are_refused_naming_them(ctx: Context, text: str, named: str) -> None:
    r = ask(ctx, text, TODAY)
    assert r.kind == "error", r.plain()
    assert named in r.text
    assert r.suggestions  # runnable alternatives


def test_a_number_understood_is_used_exactly(ctx: Context) -> None:
    r = ask(ctx, "what if crs-35 slips 1500 days details", TODAY)
    assert r.kind == "whatif", r.plain()
    scen = next(f.value for f in r.fields if f.name == "Scenario")
    assert "CRS-35 slips 1500 days" in scen


@pytest.mark.parametrize(
    ("text", "day", "typed"),
    [
        ("to 2027-03-15", dt.date(2027, 3, 15), "2027-03-15"),
        ("to mid-March 2027", dt.date(2027, 3, 15), "mid-March 2027"),
        ("to 15 March 2027", dt.date(2027, 3, 15), "15 March 2027"),
        ("to March 15, 2027", dt.date(2027, 3, 15), "March 15, 2027"),
        ("to Q1 2027", dt.date(2027, 1, 1), "Q1 2027"),
        ("to the second quarter of 2027", dt.date(2027, 4, 1), "the second quarter of 2027"),
        ("until late January 2027", dt.date(2027, 1, 21), "late January 2027"),
        ("until the end of February 2027", dt.date(2027, 2, 28), "end of February 2027"),
        ("until 2028", dt.date(2028, 1, 1), "2028"),
    ],
)
def test_dates(text: str, day: dt.date, typed: str) -> None:
    got = find_date(text)
    assert got is not None
    assert got[0] == day
    assert got[1].text == typed


def test_a_month_with_no_year_needs_a_preposition() -> None:
    got = find_month("until March")
    assert got is not None
    assert got[0].resolve(dt.date(2026, 11, 30)) == dt.date(2027, 3, 1)
    assert find_month("crs-35 may slip") is None
    assert find_month("the troops march on") is None
    up = find_month("moves up to mid-May", direction=-1)
    assert up is not None
    assert up[0].resolve(dt.date(2026, 10, 13)) == dt.date(2026, 5, 15)


def test_the_rest_of_a_year_runs_to_its_end() -> None:
    for text in ("for the rest of 2027", "through 2027", "until the end of 2027"):
        got = find_year_end(text)
        assert got is not None
        assert got[0] == dt.date(2028, 1, 1)
