"""FuzzyDate: parsing, curator and human forms, the last day a date can mean, and properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.dates import FuzzyDate, FuzzyDateError, Precision

PRECISIONS: list[Precision] = ["day", "month", "quarter", "year"]


@pytest.mark.parametrize(
    ("text", "start", "precision", "net"),
    [
        ("2026-08-30", dt.date(2026, 8, 30), "day", False),
        ("2026-08", dt.date(2026, 8, 1), "month", False),
        ("2026-8", dt.date(2026, 8, 1), "month", False),
        ("2026-Q3", dt.date(2026, 7, 1), "quarter", False),
        ("2026-q1", dt.date(2026, 1, 1), "quarter", False),
        ("2026", dt.date(2026, 1, 1), "year", False),
        ("NET 2026-08", dt.date(2026, 8, 1), "month", True),
        ("net 2026-08-30", dt.date(2026, 8, 30), "day", True),
        ("  2028-Q4 ", dt.date(2028, 10, 1), "quarter", False),
    ],
)
def test_parse_string_forms(text: str, start: dt.date, precision: str, net: bool) -> None:
    assert FuzzyDate.parse(text) == FuzzyDate(start, precision, net)  # type: ignore[arg-type]


def test_parse_other_python_values() -> None:
    day = dt.date(2026, 3, 3)
    assert FuzzyDate.parse(day) == FuzzyDate(day)
    assert FuzzyDate.parse(dt.datetime(2026, 3, 3, 12, 0)) == FuzzyDate(day)
    assert FuzzyDate.parse(2026) == FuzzyDate(dt.date(2026, 1, 1), "year")
    same = FuzzyDate(day, "month")
    assert FuzzyDate.parse(same) is same


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-02-30", "'2026-02-30': day 30 is not in 1-28 for that month"),
        ("2026-13", "'2026-13': month 13 is not 1-12"),
        ("2026-Q5", "'2026-Q5' is not a date"),
        ("1066", "'1066': year 1066 is out of range 1900-2200"),
        ("August 2026", "'August 2026' is not a date"),
        ("", "'' is not a date"),
        ("２０２６", "is not a date"),  # full-width digits are not ASCII digits
        (True, "expected a date such as"),
        (2026.5, "expected a date such as"),
        (None, "expected a date such as"),
    ],
)
def test_parse_rejects(value: object, message: str) -> None:
    with pytest.raises(FuzzyDateError) as info:
        FuzzyDate.parse(value)
    assert message in str(info.value)


def test_leap_day() -> None:
    assert FuzzyDate.parse("2028-02-29").start == dt.date(2028, 2, 29)
    with pytest.raises(FuzzyDateError):
        FuzzyDate.parse("2026-02-29")


@pytest.mark.parametrize(
    ("text", "iso", "human", "end"),
    [
        ("2026-08-30", "2026-08-30", "30 August 2026", dt.date(2026, 8, 30)),
        ("2026-02", "2026-02", "February 2026", dt.date(2026, 2, 28)),
        ("2028-02", "2028-02", "February 2028", dt.date(2028, 2, 29)),
        ("2026-Q1", "2026-Q1", "Q1 2026", dt.date(2026, 3, 31)),
        ("2026-Q2", "2026-Q2", "Q2 2026", dt.date(2026, 6, 30)),
        ("2026-Q4", "2026-Q4", "Q4 2026", dt.date(2026, 12, 31)),
        ("2026", "2026", "2026", dt.date(2026, 12, 31)),
        ("NET 2026-8", "NET 2026-08", "NET August 2026", dt.date(2026, 8, 31)),
    ],
)
def test_iso_text_end(text: str, iso: str, human: str, end: dt.date) -> None:
    d = FuzzyDate.parse(text)
    assert d.iso() == iso
    assert d.text() == human
    assert str(d) == human
    assert d.end == end


def test_is_past_needs_every_day_to_be_over() -> None:
    august = FuzzyDate.parse("2026-08")
    assert not august.is_past(dt.date(2026, 8, 1))
    assert not august.is_past(dt.date(2026, 8, 31))
    assert august.is_past(dt.date(2026, 9, 1))
    day = FuzzyDate.parse("2026-08-30")
    assert not day.is_past(dt.date(2026, 8, 30))
    assert day.is_past(dt.date(2026, 8, 31))
    assert not FuzzyDate.parse("2026-Q3").is_past(dt.date(2026, 9, 30))
    assert FuzzyDate.parse("2026").is_past(dt.date(2027, 1, 1))


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    """Any FuzzyDate the parser can produce: a start aligned to its precision."""
    day = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
    precision: Precision = draw(st.sampled_from(PRECISIONS))
    net = draw(st.booleans())
    if precision == "month":
        day = day.replace(day=1)
    elif precision == "quarter":
        day = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    elif precision == "year":
        day = dt.date(day.year, 1, 1)
    return FuzzyDate(day, precision, net)


@given(fuzzy_dates())
def test_parse_inverts_iso(d: FuzzyDate) -> None:
    assert FuzzyDate.parse(d.iso()) == d
    assert d.start <= d.end
    assert not d.is_past(d.end)
    assert d.is_past(d.end + dt.timedelta(days=1))


_DATEISH = st.from_regex(
    r"\A\s?(NET\s+|net )?-?\d{0,5}(-(Q\d|\d{1,3})(-\d{1,3})?)?\s?\Z", fullmatch=True
)


@given(st.one_of(st.text(), _DATEISH, st.integers(), st.floats(), st.none(), st.dates()))
def test_any_value_parses_or_raises_fuzzy_date_error(value: object) -> None:
    try:
        parsed = FuzzyDate.parse(value)
    except FuzzyDateError:
        return
    assert isinstance(parsed, FuzzyDate)
    assert FuzzyDate.parse(parsed.iso()) == parsed


def test_date_objects_obey_the_year_range() -> None:
    with pytest.raises(FuzzyDateError, match="year 1899 is out of range 1900-2200"):
        FuzzyDate.parse(dt.date(1899, 12, 31))
    with pytest.raises(FuzzyDateError, match="year 2201"):
        FuzzyDate.parse(dt.datetime(2201, 1, 1))
