"""Yes/no of a planned flight against a window of days ("this week", "next month")."""

from __future__ import annotations

import datetime as dt

import pytest

from commands.context import Context
from commands.router import answer


def _lead(ctx: Context, q: str, now: dt.date) -> str:
    reply = answer(ctx, q, now)
    assert reply.kind == "answer", reply.plain()
    body = reply.text.split("\n")[-1] if reply.text.startswith("Fact base") else reply.text
    return body.split("\n\n")[0]


@pytest.mark.parametrize(
    "q",
    [
        "is soyuz ms-30 launching during the rest of the month",
        "is soyuz ms-30 flying this week",
        "does soyuz ms-30 launch next month?",
        "is soyuz ms 30 lifting off in the next 10 days",
    ],
)
def test_a_window_before_the_plan_is_no_with_the_plan(ctx: Context, q: str) -> None:
    text = _lead(ctx, q, dt.date(2026, 12, 1))
    assert text.startswith("No. Soyuz MS-30 is planned for March 2027 (last confirmed"), text


def test_a_window_after_the_plan_is_no_as_planned(ctx: Context) -> None:
    text = _lead(ctx, "will soyuz ms-30 fly next month", dt.date(2027, 3, 2))
    assert text.startswith("No, not as planned: Soyuz MS-30 is planned for March 2027"), text


def test_a_window_holding_the_plan_is_yes_as_planned(ctx: Context) -> None:
    text = _lead(ctx, "is soyuz ms-30 going up next month", dt.date(2027, 2, 15))
    assert text.startswith("Yes, as planned: Soyuz MS-30 is planned for March 2027"), text


def test_a_window_holding_a_plan_already_begun_on_an_old_word_is_not_known(
    ctx: Context,
) -> None:
    # the plan's month has begun and its last confirmation is months old: it may have flown
    # or slipped, which the base cannot say
    text = _lead(ctx, "is soyuz ms-30 going up this month", dt.date(2027, 3, 2))
    assert text.startswith("Not known as of 10 October 2026."), text


def test_a_plan_the_window_only_overlaps_decides_nothing(ctx: Context) -> None:
    # a quarter plan against one month inside it: not a plain yes or no
    text = _lead(ctx, "is the dream chaser demo flight going up this month", dt.date(2026, 12, 1))
    assert text.startswith("Not known as of 10 October 2026."), text
    assert "Q4 2026" in text, text


def test_a_past_plan_is_never_yes_as_planned(ctx: Context) -> None:
    text = _lead(ctx, "is soyuz ms-30 launching this month", dt.date(2027, 4, 5))
    assert text.startswith("Not known as of 10 October 2026."), text
    assert "was planned for March 2027" in text, text
