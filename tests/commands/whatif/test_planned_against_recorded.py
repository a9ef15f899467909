"""A finished flight's recorded length against a flight still up's planned one, said as plan
and record."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer
from knowledge import load

NOW = dt.date(2026, 12, 1)
_CTX = Context.build(load())


def test_plan_asked_weighs_the_planned_length() -> None:
    text = answer(_CTX, "will soyuz ms-29 be up longer than ms-28 was, going by the plan", NOW).text
    # ~241 days recorded against "about 240" planned: within the plan's rounding, no winner
    assert text.startswith("Not known as of 10 October 2026. By plan they are about the same")
    assert "about 241 days (recorded)" in text
    assert "planned at about 240 days (a plan, not a recorded length)" in text
    assert "still up" in text


def test_no_plan_asked_keeps_not_known_and_adds_the_plan() -> None:
    text = answer(_CTX, "did soyuz ms-28 stay up longer than soyuz ms-29", NOW).text
    assert "Not known yet which flight is longer" in text
    assert "planned at about 240 days" in text
