"""Dates said around a change: a slip's length with the date it lands on, and a start month
with no year that lies behind today."""

from __future__ import annotations

import datetime as dt

import pytest

from commands.context import Context
from commands.whatif.apply import Held, Moved
from commands.whatif.edits import Hold, Move
from commands.whatif.lexer import find_date
from tests.commands.whatif.helpers import applied, edit, parse

DEC_1 = dt.date(2026, 12, 1)


def moved(ctx: Context, text: str) -> Moved:
    """The one flight a what-if moves, applied on 1 December 2026."""
    changes = [c for c in applied(ctx, text, DEC_1).changes if isinstance(c, Moved)]
    assert len(changes) == 1, changes
    return changes[0]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("what if NG-25 gets delayed 3 months, to march 2027", dt.date(2027, 3, 1)),
        ("suppose CRS-35 slides 4 months until apr '27", dt.date(2027, 4, 1)),
        ("NG-25 pushed back 2 months into mid 2027, problem?", dt.date(2027, 7, 1)),
        ("what if CRS-35 slipped eight weeks till the end of january", dt.date(2027, 1, 31)),
    ],
)
def test_a_slip_said_with_where_it_lands_lands_there(ctx: Context, text: str, day: dt.date) -> None:
    assert moved(ctx, text).new == day


def test_a_length_that_disagrees_with_the_date_named_is_said(ctx: Context) -> None:
    change = moved(ctx, "what if NG-25 gets delayed 1 month to june 2027")
    assert change.new == dt.date(2027, 6, 1)
    assert change.by == "1 month"
    assert change.by_gives is not None
    assert change.by_gives < change.new


def test_a_length_that_agrees_with_the_date_named_says_nothing_more(ctx: Context) -> None:
    got = edit(ctx, "what if NG-25 gets delayed 5 months to march 2027")
    assert isinstance(got, Move)
    assert got.by is not None
    assert got.to == dt.date(2027, 3, 1)
    assert moved(ctx, "what if NG-25 gets delayed 5 months to march 2027").by_gives is None


@pytest.mark.parametrize(
    ("typed", "day"),
    [("until May '27", dt.date(2027, 5, 1)), ("into early 2028", dt.date(2028, 1, 1))],
)
def test_short_years_and_parts_of_a_year_are_dates(typed: str, day: dt.date) -> None:
    got = find_date(typed)
    assert got is not None
    assert got[0] == day


def held(ctx: Context, text: str) -> Hold:
    got = parse(ctx, text, DEC_1).edits
    assert len(got) == 1, got
    assert isinstance(got[0], Hold)
    return got[0]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("suppose there was no cargo since mid-september", dt.date(2026, 9, 15)),
        ("what if no russian cargo arrived after late october", dt.date(2026, 10, 21)),
        ("what if there's no cargo from february, are we ok", dt.date(2027, 2, 1)),
    ],
)
def test_a_start_month_with_no_year_is_the_nearest(ctx: Context, text: str, start: dt.date) -> None:
    assert held(ctx, text).start == start


def test_an_open_gap_from_a_month_gone_by_runs_to_the_end(ctx: Context) -> None:
    text = "what if no cargo made it up after early october, when do we run short"
    hold = held(ctx, text)
    assert hold.start == dt.date(2026, 10, 1)
    assert hold.open_ended
    change = next(c for c in applied(ctx, text, DEC_1).changes if isinstance(c, Held))
    assert change.open_ended


def test_a_gap_from_a_month_gone_by_to_a_month_ahead(ctx: Context) -> None:
    hold = held(ctx, "what if no us cargo from october until january")
    assert (hold.start, hold.until) == (dt.date(2026, 10, 1), dt.date(2027, 1, 1))


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("what if there were no progress launches thru february", dt.date(2027, 3, 1)),
        ("what if cygnus stays grounded from december through april", dt.date(2027, 5, 1)),
        ("what if cygnus stays grounded through mid-april", dt.date(2027, 4, 15)),
    ],
)
def test_through_a_month_holds_all_of_it(ctx: Context, text: str, until: dt.date) -> None:
    assert held(ctx, text).until == until


@pytest.mark.parametrize(
    ("text", "start", "until"),
    [
        ("what if no cargo arrives between march and june", (2027, 3, 1), (2027, 6, 1)),
        ("no progress between mid-february and late april, ok?", (2027, 2, 15), (2027, 4, 21)),
        ("what if no cargo from february to may 2027", (2027, 2, 1), (2027, 5, 1)),
        ("what if there's no cargo between january and april 2027", (2027, 1, 1), (2027, 4, 1)),
    ],
)
def test_a_window_between_two_months_holds_from_one_to_the_other(
    ctx: Context, text: str, start: tuple[int, int, int], until: tuple[int, int, int]
) -> None:
    hold = held(ctx, text)
    assert (hold.start, hold.until) == (dt.date(*start), dt.date(*until))
    assert not hold.open_ended
