"""Scenario phrasings the QA run found failing: past and negated forms, lists sharing a verb,
month and quarter targets, "the pad" unnamed, and grounding a vehicle."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from commands.context import Context
from commands.reply import Reply
from commands.whatif import ask
from commands.whatif.answer import evaluate, prepare
from tests.commands.conftest import TODAY


def field(reply: Reply, name: str) -> str:
    return next(f.value for f in reply.fields if f.name == name)


def due(ctx: Context, mission: str) -> dt.date:
    return next(d.date for d in prepare(ctx.kb).plan.deliveries if d.key == mission)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("what if crs-34 had not launched", "CRS-34 cancelled"),
        ("what if ms-33 never launched", "Progress MS-33 cancelled"),
        ("what if ms-33 never flew", "Progress MS-33 cancelled"),
        ("what if progress ms-34 hadn't launched", "Progress MS-34 cancelled"),
        ("what if crs-35 had been cancelled", "CRS-35 cancelled"),
        ("what if crs-35 does not fly", "CRS-35 cancelled"),
        ("what if ms-33 had been delayed 2 months", "Progress MS-33 slips 2 months"),
        ("what if crs-34 had slipped a month", "CRS-34 slips a month"),
        ("what if crs-34 had been pushed back 3 weeks", "CRS-34 slips 3 weeks"),
    ],
)
def test_past_and_negated_forms(ctx: Context, text: str, line: str) -> None:
    r = ask(ctx, text, TODAY)
    assert r.kind == "whatif", r.text
    assert line in field(r, "Scenario")


@pytest.mark.parametrize(
    "text",
    [
        "what if pad 31/6 had stayed broken for a year",
        "what if pad 31/6 had stayed down for a year",
        "what if site 31/6 had been grounded for a year",
        "what if pad 31/6 had remained out of action for a year",
    ],
)
def test_past_pad_closure_counts_from_the_recorded_damage(ctx: Context, text: str) -> None:
    r = ask(ctx, text, TODAY)
    assert r.kind == "whatif", r.text
    assert "Baikonur Site 31/6 down 2025-11-27 → 2026-11-27 (from its recorded damage)" in field(
        r, "Scenario"
    )


def test_present_pad_closure_also_starts_at_the_damage_date(ctx: Context) -> None:
    r = ask(ctx, "what if pad 31/6 stays down for 2 years", TODAY)
    scen = field(r, "Scenario")
    assert "down 2025-11-27 → 2027-11-27 (from its recorded damage)" in scen
    assert "modelled from 2025-12-10" in scen


@pytest.mark.parametrize(
    "text",
    [
        "what if both ms-33 and crs-35 are cancelled",
        "what if ms-33 and crs-35 are cancelled",
        "what if ms-33 and crs-35 never launched",
        "what if ms-33, crs-35 are cancelled",
    ],
)
def test_a_verb_shared_by_listed_missions(ctx: Context, text: str) -> None:
    r = ask(ctx, text, TODAY)
    assert r.kind == "whatif", r.text
    scen = field(r, "Scenario")
    assert "Progress MS-33 cancelled" in scen
    assert "CRS-35 cancelled" in scen


def test_a_shared_slip(ctx: Context) -> None:
    r = ask(ctx, "what if ng-24 and crs-35 slip 2 months", TODAY)
    assert r.kind == "whatif", r.text
    scen = field(r, "Scenario")
    assert "NG-24 slips 2 months" in scen
    assert "CRS-35 slips 2 months" in scen


def test_a_bare_name_with_no_verb_anywhere_still_asks(ctx: Context) -> None:
    r = ask(ctx, "what if ms-33 and crs-35", TODAY)
    assert r.kind == "error"
    assert "what happens to" in r.text


def test_month_name_target_is_the_next_such_month_after_the_plan(ctx: Context) -> None:
    was = due(ctx, "crs-35")
    r = ask(ctx, "what if crs 35 slips to december", TODAY)
    assert r.kind == "whatif", r.text
    year = was.year if was.month < 12 else was.year + 1
    assert f"→ {year}-12-01" in field(r, "Scenario")
    assert "no year given" in field(r, "Scenario")


def test_month_name_when_moving_up_is_the_last_such_month_before(ctx: Context) -> None:
    was = due(ctx, "crs-35")
    r = ask(ctx, "what if crs-35 moves up to mid-May", TODAY)
    assert r.kind == "whatif", r.text
    year = was.year if was.month > 5 else was.year - 1
    assert f"→ {year}-05-15" in field(r, "Scenario")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("what if crs-35 moves to mid-March 2027", "2027-03-15"),
        ("what if crs-35 is pushed to Q1 2027", "2027-01-01"),
        ("what if crs-35 slips to the first quarter of 2027", "2027-01-01"),
        ("what if crs-35 is delayed until late January 2027", "2027-01-21"),
        ("what if crs-35 slips to the end of February 2027", "2027-02-28"),
        ("what if crs-35 is postponed to March 2027", "2027-03-01"),
    ],
)
def test_month_and_quarter_targets_with_a_year(ctx: Context, text: str, day: str) -> None:
    r = ask(ctx, text, TODAY)
    assert r.kind == "whatif", r.text
    scen = field(r, "Scenario")
    assert f"→ {day}" in scen
    assert f"counted on {day}" in scen  # the day chosen is shown, not passed off as typed


@pytest.mark.parametrize("phrase", ["next summer", "later", "next year"])
def test_a_vague_target_is_refused_clearly(ctx: Context, phrase: str) -> None:
    r = ask(ctx, f"what if crs-35 is delayed until {phrase}", TODAY)
    assert r.kind == "error"
    assert "too vague" in r.text
    assert phrase in r.text


def test_next_summer_offers_summer_months(ctx: Context) -> None:
    r = ask(ctx, "what if crs-35 is delayed until next summer", TODAY)
    assert [s.query for s in r.suggestions] == [
        f"what if crs-35 is delayed until mid-{m}" for m in ("June", "July", "August")
    ]
    assert ask(ctx, r.suggestions[1].query, TODAY).kind == "whatif"


def test_the_pad_unnamed_is_the_most_recently_damaged_one(ctx: Context) -> None:
    r = ask(ctx, "what if the pad stayed down another 6 months", TODAY)
    assert r.kind == "whatif", r.text
    scen = field(r, "Scenario")
    assert "taken as Baikonur Site 31/6, the most recently damaged pad" in scen
    # another 6 months past the recorded repair (2026-03-03), from the damage (2025-11-27)
    assert "down 2025-11-27 → 2026-09-03" in scen
    assert "past its recorded repair (2026-03-03)" in scen


def test_the_pad_unnamed_is_asked_about_when_none_was_damaged(ctx: Context) -> None:
    pads = {
        pid: p.model_copy(update={"history": (), "status": "active"})
        for pid, p in ctx.kb.pads.items()
    }
    kb = dataclasses.replace(ctx.kb, pads=pads)
    r = evaluate(kb, None, "what if the pad stays down for 6 months", TODAY)
    assert r.kind == "error"
    assert "which pad" in r.text
    assert r.suggestions


@pytest.mark.parametrize(
    "text",
    [
        "what happens if dragon is grounded",
        "what if cargo dragon is grounded for 6 months",
        "what if cygnus is grounded",
    ],
)
def test_grounding_a_vehicle_offers_runnable_edits(ctx: Context, text: str) -> None:
    r = ask(ctx, text, TODAY)
    assert r.kind == "suggestions"
    assert "cannot ground a vehicle" in r.text
    queries = [s.query for s in r.suggestions]
    assert "what if SLC-40 is down for 6 months" in queries
    assert any(q.endswith(" is cancelled") for q in queries)
    for q in queries:
        assert ask(ctx, q, TODAY).kind == "whatif", q


def test_grounding_soyuz_offers_its_pad(ctx: Context) -> None:
    r = ask(ctx, "what if soyuz is grounded for 6 months", TODAY)
    assert r.kind == "suggestions"
    assert "vehicle" in r.text
    queries = [s.query for s in r.suggestions]
    assert "what if Site 31/6 is down for 6 months" in queries
    for q in queries:
        assert ask(ctx, q, TODAY).kind == "whatif", q


@pytest.mark.parametrize(
    "text",
    [
        "suppose NG-24 never launches, are we ok?",
        "what if crs-35 is cancelled, how bad is it?",
        "what if crs-35 slips 2 months, does the crew have to leave?",
    ],
)
def test_a_question_about_the_result_after_a_comma_is_not_an_edit(ctx: Context, text: str) -> None:
    reply = ask(ctx, text, TODAY)
    assert reply.kind == "whatif", reply.plain()
