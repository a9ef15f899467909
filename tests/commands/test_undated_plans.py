"""A flight listed with no date (TBD, under review): its passed date is superseded, not the plan."""

from __future__ import annotations

import dataclasses
import datetime as dt

from commands.changes import diff
from commands.context import Context
from commands.format import schedule_sentence
from knowledge.dates import FuzzyDate
from knowledge.schema import Mission, ScheduleEntry
from tests.commands.conftest import answer_to

NOW = dt.date(2026, 12, 1)


def _flight(*entries: ScheduleEntry) -> Mission:
    return Mission(
        id="x-1",
        name="X-1",
        vehicle="v",
        kind="cargo",
        status="postponed",
        status_as_of=dt.date(2026, 8, 30),
        schedule=entries,
    )


DATED = ScheduleEntry(planned=FuzzyDate.parse("NET 2026-04"), by="NASA")
UNDATED = ScheduleEntry(
    planned=FuzzyDate.parse("NET 2026-08-30"),
    announced=FuzzyDate.parse("2026-08-30"),
    tbd=True,
    note="under review",
)


def test_an_undated_listing_supersedes_the_passed_date(ctx: Context) -> None:
    text = schedule_sentence(ctx.kb, _flight(DATED, UNDATED), NOW)
    assert text.startswith("X-1 has no date since 30 August 2026 (under review)")
    assert "earlier plan for NET April 2026 is superseded" in text
    assert "was planned for" not in text


def test_a_passed_date_without_a_later_listing_still_reads_as_passed(ctx: Context) -> None:
    text = schedule_sentence(ctx.kb, _flight(DATED), NOW)
    assert text.startswith("X-1 was planned for NET April 2026; no update recorded since")


def test_starliner_1_is_asked_after_its_april_date(ctx: Context) -> None:
    reply = answer_to(ctx, "when will starliner 1 fly?")
    lead = next(p for p in reply.text.split("\n") if p.startswith("Starliner-1"))
    assert "no date since" in lead
    assert "under review" in lead
    assert "superseded" in lead
    assert "no date (TBD)" in reply.plain()


def test_upcoming_lists_it_without_its_old_date(ctx: Context) -> None:
    text = answer_to(ctx, "what flights are coming up to the station").plain()
    row = next(line for line in text.splitlines() if line.startswith("• Starliner-1"))
    assert "no date since" in row
    assert "was planned for" not in row


def test_a_change_to_no_date_is_announced_as_no_date(ctx: Context) -> None:
    old = ctx.kb.missions["starliner-1"]
    before = old.model_copy(update={"schedule": old.schedule[:1]})
    kb_before = dataclasses.replace(ctx.kb, missions={**ctx.kb.missions, "starliner-1": before})
    texts = [c.text for c in diff(kb_before, ctx.kb)]
    assert "Starliner-1 moved from NET April 2026 to no date, per NASA." in texts
