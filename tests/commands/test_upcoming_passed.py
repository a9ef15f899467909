"""A plan whose whole window has passed is never stated as a plan: the "next X after Y" path
says it was planned, with no update since, and that whether it flew is not known."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.format import plan_passed
from commands.router import answer

DECEMBER = dt.date(2026, 12, 1)


def _text(ctx: Context, q: str, now: dt.date = DECEMBER) -> str:
    return answer(ctx, q, now).text.split("\n")[0]


def test_plan_passed_is_the_whole_window_before_today(ctx: Context) -> None:
    m = ctx.kb.missions["progress-ms-36"]  # planned for November 2026
    assert not plan_passed(m, dt.date(2026, 11, 30))
    assert plan_passed(m, DECEMBER)
    assert not plan_passed(ctx.kb.missions["progress-ms-35"], DECEMBER)  # it flew


def test_next_after_a_flight_whose_successor_plan_passed(ctx: Context) -> None:
    text = _text(ctx, "which progress comes after progress ms-35?")
    assert "was planned for November 2026" in text
    assert "not known whether it flew" in text
    assert ", planned for November" not in text


def test_next_after_while_the_window_is_still_open(ctx: Context) -> None:
    text = _text(ctx, "which progress comes after progress ms-35?", dt.date(2026, 11, 10))
    assert "planned for November 2026" in text
    assert "was planned" not in text
