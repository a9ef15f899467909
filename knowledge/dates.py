"""Dates with a precision: "2026-08-30", "2026-08", "2026-Q3", "2026", "NET 2026-08"."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic_core import core_schema

Precision = Literal["day", "month", "quarter", "year"]

_PATTERN = re.compile(
    r"^\s*(?P<net>NET\s+)?(?P<year>\d{4})"
    r"(?:-(?:Q(?P<quarter>[1-4])|(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?))?\s*$",
    re.IGNORECASE | re.ASCII,  # ASCII: \d must not accept other scripts' digits
)
_MIN_YEAR, _MAX_YEAR = 1900, 2200
MONTH_NAMES: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Month number by lower-case name or abbreviation ("march", "mar", "sept"): how people type them.
MONTH_NUMBERS: dict[str, int] = {
    **{m.lower(): i for i, m in enumerate(MONTH_NAMES, 1)},
    **{m[:3].lower(): i for i, m in enumerate(MONTH_NAMES, 1)},
    "sept": 9,
}
# A season named with a year, as the quarter holding its middle month (northern seasons, as
# schedules use them: "summer 2027" is July, so Q3 2027; "winter 2027" is January, so Q1 2027).
SEASON_QUARTERS: dict[str, int] = {"winter": 1, "spring": 2, "summer": 3, "autumn": 4, "fall": 4}


def season_quarter(season: str, year: int) -> FuzzyDate:
    """The quarter a season of a year is read as ("summer", 2027 -> 2027-Q3)."""
    q = SEASON_QUARTERS[season.lower()]
    return FuzzyDate(dt.date(year, 3 * q - 2, 1), "quarter", False)


# The accepted forms for editors' JSON Schemas (ECMA regex: no flags, so NET and Q both cases).
JSON_PATTERN = (
    r"^\s*([Nn][Ee][Tt]\s+)?\d{4}(-([Qq][1-4]|(0?[1-9]|1[0-2])(-(0?[1-9]|[12]\d|3[01]))?))?\s*$"
)
DATE_HELP = (
    "A date to the precision known: 2026-08-30, 2026-08, 2026-Q3 or 2026;"
    " prefix NET (no earlier than) for a launch date limit, e.g. NET 2026-08."
)


def full_date_problem(value: object) -> str:
    """Why value is not the full date (YYYY-MM-DD) a field such as status_as_of needs."""
    if isinstance(value, dt.datetime):
        return f"{value.isoformat()!r} has a time: write a full date YYYY-MM-DD"
    shown = value.isoformat() if isinstance(value, dt.date) else value
    try:
        parsed = FuzzyDate.parse(value)
    except FuzzyDateError as exc:
        text = str(exc).split(" is not a date:")[0]
        if " is not a date:" in str(exc):
            return f"{text} is not a date: write a full date YYYY-MM-DD"
        return str(exc) if "day" in str(exc) else f"{exc}; write a full date YYYY-MM-DD"
    if parsed.precision != "day" or parsed.net:
        return f"{shown!r} is not a full date: write a full date YYYY-MM-DD"
    return f"{shown!r} is not a valid date: write a full date YYYY-MM-DD"


class FuzzyDateError(ValueError):
    """A date string that is not one of the accepted forms."""


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A calendar date known to a precision, optionally "no earlier than" (NET)."""

    start: dt.date
    precision: Precision = "day"
    net: bool = False

    @classmethod
    def parse(cls, value: object) -> FuzzyDate:
        """Parse a curator's date: a date, a year int, or one of the string forms."""
        if isinstance(value, FuzzyDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            if not _MIN_YEAR <= value.year <= _MAX_YEAR:
                raise FuzzyDateError(
                    f"{value.isoformat()!r}: year {value.year} is out of range"
                    f" {_MIN_YEAR}-{_MAX_YEAR}"
                )
            return cls(value)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise FuzzyDateError(
                f"expected a date such as 2026-08-30, 2026-08, 2026-Q3 or 2026, got {value!r}"
            )
        m = _PATTERN.match(value)
        if not m:
            raise FuzzyDateError(
                f"{value!r} is not a date: use YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY"
                " (optionally prefixed NET)"
            )
        year = int(m["year"])
        net = bool(m["net"])
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            raise FuzzyDateError(f"{value!r}: year {year} is out of range {_MIN_YEAR}-{_MAX_YEAR}")
        if m["quarter"]:
            q = int(m["quarter"])
            return cls(dt.date(year, 3 * q - 2, 1), "quarter", net)
        if m["month"]:
            month = int(m["month"])
            if not 1 <= month <= 12:
                raise FuzzyDateError(f"{value!r}: month {month} is not 1-12")
            if m["day"]:
                day = int(m["day"])
                last = calendar.monthrange(year, month)[1]
                if not 1 <= day <= last:
                    raise FuzzyDateError(f"{value!r}: day {day} is not in 1-{last} for that month")
                return cls(dt.date(year, month, day), "day", net)
            return cls(dt.date(year, month, 1), "month", net)
        return cls(dt.date(year, 1, 1), "year", net)

    @property
    def end(self) -> dt.date:
        """The last day the date could mean."""
        y, m = self.start.year, self.start.month
        if self.precision == "day":
            return self.start
        if self.precision == "month":
            return dt.date(y, m, calendar.monthrange(y, m)[1])
        if self.precision == "quarter":
            last_month = m + 2
            return dt.date(y, last_month, calendar.monthrange(y, last_month)[1])
        return dt.date(y, 12, 31)

    def is_past(self, today: dt.date) -> bool:
        """True when every day the date could mean is before today."""
        return self.end < today

    def text(self) -> str:
        """Human form: "30 August 2026", "August 2026", "Q3 2026", "2026", with NET."""
        d = self.start
        if self.precision == "day":
            body = f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"
        elif self.precision == "month":
            body = f"{MONTH_NAMES[d.month - 1]} {d.year}"
        elif self.precision == "quarter":
            body = f"Q{(d.month - 1) // 3 + 1} {d.year}"
        else:
            body = str(d.year)
        return f"NET {body}" if self.net else body

    def iso(self) -> str:
        """Curator form, the inverse of parse: "2026-08-30", "2026-08", "2026-Q3", "2026"."""
        d = self.start
        if self.precision == "day":
            body = d.isoformat()
        elif self.precision == "month":
            body = f"{d.year:04d}-{d.month:02d}"
        elif self.precision == "quarter":
            body = f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        else:
            body = f"{d.year:04d}"
        return f"NET {body}" if self.net else body

    def __str__(self) -> str:
        return self.text()

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {
            "anyOf": [
                {"type": "string", "pattern": JSON_PATTERN},
                {"type": "integer", "minimum": _MIN_YEAR, "maximum": _MAX_YEAR},
            ],
            "description": DATE_HELP,
        }

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        def validate(value: object) -> FuzzyDate:
            try:
                return cls.parse(value)
            except FuzzyDateError as exc:
                raise ValueError(str(exc)) from None

        return core_schema.no_info_plain_validator_function(
            validate,
            json_schema_input_schema=core_schema.union_schema(
                [core_schema.str_schema(), core_schema.date_schema(), core_schema.int_schema()]
            ),
            serialization=core_schema.plain_serializer_function_ser_schema(lambda v: v.iso()),
        )
