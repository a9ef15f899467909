"""A record's "Latest" line: the newest thing that happened, never a plan a later one replaced."""

from __future__ import annotations

import datetime as dt

import pytest

from commands.context import Context
from commands.format import current_plan, date_text, outcome_date
from commands.reply import Reply
from commands.router import answer

NOW = dt.date(2026, 12, 1)


def _latest(reply: Reply) -> str:
    return next((f.value for f in reply.fields if f.name == "Latest"), "")


@pytest.mark.parametrize("q", ["crs-35", "tell me about CRS-35", "spx-35", "dragon crs-35 info"])
def test_a_superseded_plan_is_never_the_latest(ctx: Context, q: str) -> None:
    reply = answer(ctx, q, NOW)
    line = _latest(reply)
    assert "November 2026" not in line, line
    assert "original plan" not in line, line
    assert "13 October 2026" in line, line
    assert "passed" in line, line


def test_every_missions_latest_plan_is_its_current_one(ctx: Context) -> None:
    for m in ctx.kb.missions.values():
        line = _latest(answer(ctx, m.name, NOW))
        if "plan announced for" not in line and not line.startswith("current plan:"):
            continue
        plan = current_plan(m)
        assert plan is not None, (m.name, line)
        assert outcome_date(m) is None, (m.name, line)
        assert date_text(plan.planned, []) in line, (m.name, line)
        assert ("passed" in line) == plan.planned.is_past(NOW), (m.name, line)


def test_a_plan_still_ahead_is_not_said_to_have_passed(ctx: Context) -> None:
    line = _latest(answer(ctx, "soyuz ms-30", NOW))
    assert "March 2027" in line, line
    assert "passed" not in line, line
