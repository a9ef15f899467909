"""Scenarios said with something beside the change: a comparison with another flight, a
not-flown clause before a slip, a stated repair length (a range too), every cargo flight
stopping from today, and the crew taken from one size to another."""

from __future__ import annotations

import pytest

from commands.context import Context
from commands.router import answer
from commands.whatif.edits import Cancel, Hold, Move
from commands.whatif.lexer import find_duration
from tests.commands.conftest import TODAY
from tests.commands.whatif.helpers import parse

# --- a comparison with another flight is an aside ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "what if ng-25 gets scrapped the way ng-22 was",
        "what if ng-25 is called off, just like ng-23 was",
        "suppose ng-25 is cancelled the same way ng-22 was",
        "what if ng-25 were axed like ng-23",
    ],
)
def test_a_comparison_with_another_flight_is_left_out(ctx: Context, text: str) -> None:
    got = parse(ctx, text)
    assert [type(e) for e in got.edits] == [Cancel]
    assert got.edits[0].flight.key == "ng-25"  # type: ignore[union-attr]
    assert any("ng-2" in part and "comparison" in why for part, why in got.unmodelled)


def test_a_slip_compared_with_another_keeps_its_own_length(ctx: Context) -> None:
    got = parse(ctx, "what if crs-35 slides 5 weeks like crs-34 did")
    move = got.edits[0]
    assert isinstance(move, Move)
    assert move.by is not None
    assert move.by.amount == 5


def test_a_pad_like_another_pad_still_copies_its_closure(ctx: Context) -> None:
    hold = parse(ctx, "what if slc-40 goes down like site 31/6 did").edits[0]
    assert isinstance(hold, Hold)
    assert hold.like


# --- a flight that didn't fly on its date, then slipped ------------------------------------------


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("suppose crs-35 hadn't launched in october and slipped 2 months to december", 2),
        ("imagine crs-35 did not launch in october and was pushed back 3 months", 3),
        ("what if crs-35 never flew in october and slid by four months", 4),
    ],
)
def test_not_flying_then_slipping_is_one_slip(ctx: Context, text: str, months: int) -> None:
    got = parse(ctx, text)
    assert len(got.edits) == 1
    move = got.edits[0]
    assert isinstance(move, Move)
    assert move.flight.key == "crs-35"
    assert move.by is not None
    assert move.by.amount == months


def test_a_move_naming_its_own_flight_keeps_it(ctx: Context) -> None:
    got = parse(ctx, "what if site 31/6 closes and delays ms-36 by 2 months")
    moves = [e for e in got.edits if isinstance(e, Move)]
    assert [m.flight.key for m in moves] == ["progress-ms-36"]
    assert any(isinstance(e, Hold) for e in got.edits)


def test_the_whole_counterfactual_is_answered_as_a_what_if(ctx: Context) -> None:
    r = answer(
        ctx,
        "suppose crs-35 hadn't launched in october and slipped 2 months to december - "
        "would food run short",
        TODAY,
    )
    assert r.kind == "whatif"
    assert "CRS-35 slips 2 months" in r.text


# --- a stated repair length wins, a range runs its upper end -----------------------------------


@pytest.mark.parametrize(
    ("said", "amount", "unit"),
    [
        ("1-2 years", 2, "year"),
        ("between 6 and 9 months", 9, "month"),
        ("eighteen to twenty-four months", 24, "month"),
        ("a year or two", 2, "year"),
        ("3 or 4 weeks", 4, "week"),
    ],
)
def test_a_length_said_as_a_range_is_its_upper_end(said: str, amount: int, unit: str) -> None:
    got = find_duration(f"out for {said} to fix")
    assert got is not None
    dur, found = got
    assert (dur.amount, dur.unit) == (amount, unit)
    assert "upper end" in dur.text
    assert found.text == said


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("what if site 31/6 is damaged again and it takes 1-2 years to fix", 2, "year"),
        ("what if site 31/6 is wrecked again and repairs take 18 months", 18, "month"),
        ("what if the soyuz pad breaks again and the fix would take one to two years", 2, "year"),
    ],
)
def test_a_stated_repair_length_beats_the_recorded_one(
    ctx: Context, text: str, amount: int, unit: str
) -> None:
    got = parse(ctx, text)
    assert not got.unmodelled
    hold = got.edits[0]
    assert isinstance(hold, Hold)
    assert not hold.like
    assert hold.by is not None
    assert (hold.by.amount, hold.by.unit) == (amount, unit)


def test_the_reply_says_which_end_of_the_range_it_ran(ctx: Context) -> None:
    r = answer(ctx, "what if site 31/6 is damaged again and it takes 1-2 years to fix", TODAY)
    assert "2 years (the upper end of 1-2 years)" in r.text
    assert "96 days" not in r.text


# --- every cargo flight stopping from today -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "if all resupply stopped right now, how long before the crew must leave",
        "if no more cargo ever came, when would they have to evacuate",
        "if cargo deliveries ended today, when would the astronauts need to come home?",
        "if every supply flight halted from now on, how many days until they have to leave",
        "if supplies stopped coming tomorrow, when would the crew need to abandon the station",
    ],
)
def test_no_cargo_from_today_says_when_the_crew_leaves(ctx: Context, text: str) -> None:
    r = answer(ctx, text, TODAY)
    assert r.kind == "whatif", r.text
    assert "no cargo" in r.text
    assert "would have to leave by" in r.text
    assert "Not modelled" not in r.text


# --- the crew taken from one size to another --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "crew"),
    [
        ("if nasa takes the crew down from 7 to 4, how much longer do supplies last", 4),
        ("if they cut the crew from seven to three, how much longer would food last", 3),
        ("if budget cuts bring the crew down to 5, how much longer do the supplies last?", 5),
        ("if the crew is reduced to 4 because of budget cuts, how much longer does water last", 4),
    ],
)
def test_a_crew_taken_down_is_a_crew_change(ctx: Context, text: str, crew: int) -> None:
    r = answer(ctx, text, TODAY)
    assert r.kind == "whatif", r.text
    assert f"crew is {crew} instead of" in r.text


@pytest.mark.parametrize(
    "text",
    [
        "if roscosmos cuts its crew from 3 to 2, how long does food last",
        "what if the american crew goes from 4 down to 3",
    ],
)
def test_a_crew_from_a_size_the_plan_does_not_have_is_part_of_it(ctx: Context, text: str) -> None:
    r = answer(ctx, f"{text} details", TODAY)
    assert r.kind == "whatif", r.text
    assert "one crew member leaves" in r.text
    assert any("read as part of the crew going from" in f.value for f in r.fields)


@pytest.mark.parametrize(
    "text",
    [
        "if cargo stopped right now and never resumed, how long until they must evacuate",
        "what if resupply halts today and never restarts",
    ],
)
def test_never_resuming_is_open_ended(ctx: Context, text: str) -> None:
    r = answer(ctx, text, TODAY)
    assert r.kind == "whatif", r.text
    assert "no end date" in r.text
    assert "Not modelled" not in r.text
