"""'X should have docked by now' asks whether a planned flight has happened: a plan past or
under way on an old word is not known, never a history blurb or a No."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer

DECEMBER = dt.date(2026, 12, 1)


def _lead(ctx: Context, q: str) -> str:
    return answer(ctx, q, DECEMBER).text.split("\n")[0]


def test_by_now_with_a_trailing_remark_is_a_yes_no(ctx: Context) -> None:
    text = _lead(ctx, "crs-35 would be docked by now right? it's december")
    assert text.startswith("Not known as of 10 October 2026"), text
    assert "13 October 2026" in text


def test_by_now_of_a_plan_under_way_is_not_no(ctx: Context) -> None:
    text = _lead(ctx, "ng-25 must have docked by now")
    assert text.startswith("Not known"), text


def test_a_plan_not_yet_begun_is_still_no(ctx: Context) -> None:
    assert _lead(ctx, "has soyuz ms-30 launched by now").startswith("No."), _lead(
        ctx, "has soyuz ms-30 launched by now"
    )
