"""What-ifs that change a rate "from X to Y", a crew level for a while, oxygen made aboard in
pounds, "no <vehicle> for a while", and lengths said as adjectives ("a 3 month gap")."""

from __future__ import annotations

import datetime as dt

import pytest

from commands.context import Context
from commands.router import answer
from commands.whatif import ask
from commands.whatif.crew import level_on
from commands.whatif.edits import CrewChange, Hold, SetRate, add_months
from commands.whatif.errors import ScenarioError
from commands.whatif.lexer import find_duration
from commands.whatif.trigger import looks_like_whatif
from tests.commands.conftest import TODAY
from tests.commands.whatif.helpers import applied, edit, parse

# --- a rate changing "from X to Y": the new value is the second ------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("what if the water recovery rate falls from 97% to 90%", 0.90),
        ("what if recycling goes from 98 percent to 85 percent", 0.85),
        ("suppose water recovery slips from 98% down to 93%", 0.93),
    ],
)
def test_recovery_from_to_takes_the_new_rate(ctx: Context, text: str, value: float) -> None:
    e = edit(ctx, text)
    assert isinstance(e, SetRate)
    assert e.name == "water_recovery"
    assert e.value == pytest.approx(value)


def test_recovery_from_an_impossible_rate_is_refused(ctx: Context) -> None:
    with pytest.raises(ScenarioError, match="between 0 and 100"):
        parse(ctx, "what if water recovery drops from 180% to 90%")


def test_lower_recovery_draws_more_water(ctx: Context) -> None:
    r = ask(ctx, "what if recycling is cut from 98% to 80%", TODAY)
    assert "water" in r.text.lower()
    assert "Can't model" not in r.text


# --- a crew level for a while ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "crew", "months"),
    [
        ("what if 9 astronauts are on board for 3 months", 9, 3),
        ("what if the crew falls from 7 to 5 for a year", 5, 12),
        ("what if the crew is 11 for the next two months during a crew swap", 11, 2),
    ],
)
def test_crew_level_for_a_while(ctx: Context, text: str, crew: int, months: int) -> None:
    e = edit(ctx, text)
    assert isinstance(e, CrewChange)
    assert e.crew == crew
    assert e.lasting is not None
    a = applied(ctx, text)
    levels = a.plan.crew
    assert level_on(levels, TODAY + dt.timedelta(days=5)) == crew
    after = add_months(TODAY, months) + dt.timedelta(days=3)
    unchanged = applied(ctx, "what if crs-35 slips 1 day").plan.crew
    assert level_on(levels, after) == level_on(unchanged, after)


def test_crew_change_by_some_for_a_while(ctx: Context) -> None:
    e = edit(ctx, "what if two more crew come aboard for 10 days")
    assert isinstance(e, CrewChange)
    assert e.delta == 2
    assert e.lasting is not None
    assert e.lasting.days() == 10


def test_a_crew_level_for_good_has_no_end(ctx: Context) -> None:
    e = edit(ctx, "what if the crew is 5")
    assert isinstance(e, CrewChange)
    assert e.lasting is None


def test_a_crew_level_for_a_while_says_how_long(ctx: Context) -> None:
    r = ask(ctx, "what if 8 people are aboard for 6 weeks", TODAY)
    assert "for 6 weeks" in r.text


@pytest.mark.parametrize(
    "text",
    [
        "if the crew fell to 3 for a year, what would that do",
        "if the crew was reduced to 4 for six months, how do supplies look?",
        "if the crew grew to 9 for a month, are we ok?",
    ],
)
def test_a_past_tense_crew_change_after_if_is_a_whatif(ctx: Context, text: str) -> None:
    assert looks_like_whatif(text)
    r = answer(ctx, text, TODAY)
    assert r.title.lower().startswith("what if")
    assert "Can't model" not in r.text


# --- oxygen made aboard in pounds ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kg"),
    [
        ("what if oxygen generation falls to 10 lb a day", 10 * 0.45359237),
        ("what if the elektron makes only 8 pounds per day", 8 * 0.45359237),
        ("what if the oxygen generator produces 4 kg a day", 4.0),
    ],
)
def test_oxygen_made_aboard_in_pounds_or_kg(ctx: Context, text: str, kg: float) -> None:
    e = edit(ctx, text)
    assert isinstance(e, SetRate)
    assert e.name == "oxygen_generation"
    assert e.value == pytest.approx(kg)


def test_oxygen_in_pounds_says_the_conversion(ctx: Context) -> None:
    e = edit(ctx, "what if the OGS only makes 11 lb a day")
    assert isinstance(e, SetRate)
    assert "kg/day" in e.shown
    assert "11 lb" in e.shown


@pytest.mark.parametrize(
    "text",
    [
        "what if oxygen generation is 9 lb a day with 6 crew",
        "what if water recovery drops to 90% with 8 people aboard",
    ],
)
def test_a_crew_said_alongside_a_rate_is_its_own_change(ctx: Context, text: str) -> None:
    edits = parse(ctx, text).edits
    assert any(isinstance(e, SetRate) for e in edits)
    assert any(isinstance(e, CrewChange) for e in edits)


# --- "no <vehicle> for a while" --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "vehicle"),
    [
        ("what if there's no cygnus for 9 months", "cygnus"),
        ("what if there are no more htv-x until 2028", "htv"),
        ("what if the soyuz pad breaks and there is no soyuz for a year", "soyuz"),
    ],
)
def test_no_vehicle_for_a_while_holds_it(ctx: Context, text: str, vehicle: str) -> None:
    holds = [e for e in parse(ctx, text).edits if isinstance(e, Hold) and not e.pads]
    assert len(holds) == 1
    assert holds[0].vehicles
    assert all(vehicle in v for v in holds[0].vehicles)
    assert not holds[0].open_ended


def test_no_unknown_thing_is_not_a_vehicle_gap(ctx: Context) -> None:
    with pytest.raises(ScenarioError):
        parse(ctx, "what if there's no coffee for a year")


# --- a length said as an adjective -----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("a 4 month gap", "4 months"), ("a 10-day outage", "10 days"), ("a 1 year pause", "1 year")],
)
def test_an_adjective_length_reads_as_a_noun(typed: str, shown: str) -> None:
    got = find_duration(typed)
    assert got is not None
    assert got[0].text == shown


@pytest.mark.parametrize(
    "text", ["what if there's a 3 month gap with no resupply", "what if a 2-month cargo pause"]
)
def test_a_gap_that_moves_flights_says_by_how_much(ctx: Context, text: str) -> None:
    r = ask(ctx, text, TODAY)
    lead = r.text.split("\n")[0]
    assert "month " not in lead.replace("months", "")
    if "barely change" in lead:
        assert "instead of" in lead
    assert not ("do not change" in lead and "stays" in lead and "instead of" in lead)
