"""A yes/no whether a plan happens in a window (this year, this month, a month): never No when
the plan falls inside it; not known when the plan's own dates have begun on an old word."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer

DECEMBER = dt.date(2026, 12, 1)


def _lead(ctx: Context, q: str, now: dt.date = DECEMBER) -> str:
    return answer(ctx, q, now).text.split("\n")[0]


def test_a_quarter_plan_under_way_on_an_old_word_is_not_known(ctx: Context) -> None:
    text = _lead(ctx, "is the dream chaser demo flight still on for this year?")
    assert text.startswith("Not known as of 10 October 2026"), text
    assert "Q4 2026" in text
    assert "15 May 2026" in text


def test_this_year_in_other_words(ctx: Context) -> None:
    text = _lead(ctx, "is dream chaser's demo flight launching this year or not")
    assert text.startswith("Not known"), text


def test_a_month_inside_a_quarter_plan_is_no_no(ctx: Context) -> None:
    text = _lead(ctx, "is the dream chaser demo flight launching in december?")
    assert not text.startswith("No."), text


def test_a_plan_wholly_after_the_window_is_no(ctx: Context) -> None:
    text = _lead(ctx, "is soyuz ms-30 still flying this year")
    assert text.startswith("No."), text
