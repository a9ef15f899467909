"""Scenarios said the way people say them: no "what if" lead, the outcome asked before or after
the change, a change stated with how long it lasts, "zero"/"not a single" for "no", rates
"falling back", a crew member by their place in line, parts of a length, and parts the model
cannot use left out (and said so) rather than the whole refused. Near-misses stay look-ups."""

from __future__ import annotations

import datetime as dt

import pytest

from commands.context import Context
from commands.router import answer
from commands.whatif.edits import CrewChange, Hold, Move, SetRate
from commands.whatif.errors import ScenarioError
from commands.whatif.lexer import find_duration
from commands.whatif.trigger import looks_like_whatif, strip_lead
from tests.commands.conftest import TODAY
from tests.commands.whatif.helpers import edit, parse

# --- which messages are scenarios ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # a change stated with how long it lasts or when it starts, no question at all
        ("the Cygnus was out for 5 months starting today", None),
        ("Progress stood down for a year from now", None),
        ("the soyuz pad is closed for 8 months from today", None),
        ("no cargo at all turns up for 4 months", None),
        ("crs-35 slipped 3 months", None),
        ("water recovery sank from 98% back to 93%", None),
        # the outcome asked after a dash, a comma or a question mark
        (
            "SLC-40 goes down for 4 months - is the station still supplied?",
            "SLC-40 goes down for 4 months",
        ),
        (
            "Falcon 9 can't launch till summer, will they have enough water?",
            "Falcon 9 can't launch till summer",
        ),
        ("cygnus grounded 2 months? are they ok on oxygen", "cygnus grounded 2 months"),
        (
            "nothing gets to the station for 10 weeks, how long does the food last?",
            "nothing gets to the station for 10 weeks",
        ),
        # the outcome asked first
        (
            "are the astronauts ok on food if Dragon is grounded until May",
            "Dragon is grounded until May",
        ),
        (
            "does the iss stay supplied if baikonur shuts down for a year?",
            "baikonur shuts down for a year",
        ),
        (
            "how long does the water last if zero cargo flies for 100 days",
            "zero cargo flies for 100 days",
        ),
    ],
)
def test_scenarios_without_a_lead(text: str, body: str | None) -> None:
    assert looks_like_whatif(text)
    assert strip_lead(text)[0] == (body or text)


@pytest.mark.parametrize(
    "text",
    [
        # look-ups that mention a grounding, a closure or a delay
        "is falcon 9 grounded?",
        "was falcon 9 grounded for 15 days in 2024?",
        "falcon 9 was grounded for 15 days in july 2024",
        "how long was site 31/6 down for",
        "why was starliner grounded",
        "which pad was grounded after the 2025 damage?",
        "how was the station supplied when falcon 9 was grounded",
        "did the station stay supplied when slc-40 was down?",
        "CRS-35 delayed until March?",
        "soyuz pad closed until when",
        "tell me about the falcon 9 grounding for 2 weeks",
        "list flights delayed for more than 3 months",
        # outcome words, no change
        "does the iss have enough food",
        "is the station supplied by dragon?",
        "are the astronauts ok",
    ],
)
def test_look_ups_that_mention_a_change_stay_look_ups(text: str) -> None:
    assert not looks_like_whatif(text)


def test_a_look_up_about_a_grounding_is_answered_as_one(ctx: Context) -> None:
    assert answer(ctx, "is falcon 9 grounded?", TODAY).kind != "whatif"
    assert answer(ctx, "why was starliner grounded", TODAY).kind != "whatif"


# --- what each part reads as -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "vehicles", "months"),
    [
        ("what if the Cygnus was out for 5 months starting now", ("cygnus",), 5),
        ("Progress stood down for half a year from today", ("progress-ms",), 6),
        ("suppose Cygnus is grounded for a third of a year", ("cygnus",), 4),
    ],
)
def test_a_grounding_with_a_length_and_a_start(
    ctx: Context, text: str, vehicles: tuple[str, ...], months: float
) -> None:
    got = edit(ctx, text)
    assert isinstance(got, Hold)
    assert got.vehicles == vehicles
    assert got.by is not None
    assert got.by.unit in ("month", "year")
    assert got.by.amount * (12 if got.by.unit == "year" else 1) == months
    assert got.start in (None, TODAY)  # from today


@pytest.mark.parametrize(
    "text",
    [
        "what if zero cargo arrives until April",
        "what if not a single cargo ship shows up until April",
        "suppose not one supply flight docks until April",
    ],
)
def test_zero_and_not_a_single_mean_no(ctx: Context, text: str) -> None:
    got = edit(ctx, text)
    assert isinstance(got, Hold)
    assert got.label == "no cargo"
    assert got.until == dt.date(2027, 4, 1)


def test_not_one_of_a_vehicle_is_that_vehicle_held(ctx: Context) -> None:
    got = edit(ctx, "what if not one Progress flies for a year")
    assert isinstance(got, Hold)
    assert got.vehicles == ("progress-ms",)


def test_nothing_reaching_the_station_stops_every_flight(ctx: Context) -> None:
    got = edit(ctx, "nothing gets to the station for 10 weeks, are we ok?")
    assert isinstance(got, Hold)
    assert got.label == "no flights"


@pytest.mark.parametrize(
    "text",
    [
        "what if water recovery sank from 98% back to 93%",
        "what if recycling slips back down to 93%",
        "suppose the water recovery rate falls from 98 back to 93 percent",
    ],
)
def test_a_rate_falling_back(ctx: Context, text: str) -> None:
    got = edit(ctx, text)
    assert isinstance(got, SetRate)
    assert got.name == "water_recovery"
    assert got.value == pytest.approx(0.93)


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("what if a 9th person stayed long-term", None),
        ("suppose an eighth crew member stays for 6 months", 6),
        ("what if a fourth cosmonaut joins for good", None),
    ],
)
def test_a_crew_member_by_their_place_in_line_is_one_more(
    ctx: Context, text: str, months: int | None
) -> None:
    got = edit(ctx, text)
    assert isinstance(got, CrewChange)
    assert got.delta == 1
    assert got.crew is None
    assert (got.lasting.amount if got.lasting else None) == months


def test_a_slip_stated_without_a_question_is_a_move(ctx: Context) -> None:
    got = edit(ctx, "crs-35 slipped 3 months")
    assert isinstance(got, Move)
    assert got.flight.key == "crs-35"
    assert got.sign == 1


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("for a third of a year", 4, "month"),
        ("two thirds of a year from now", 8, "month"),
        ("a third of a month", 10, "day"),
        ("6 months", 6, "month"),
    ],
)
def test_parts_of_a_length(text: str, amount: float, unit: str) -> None:
    got = find_duration(text)
    assert got is not None
    assert (got[0].amount, got[0].unit) == (amount, unit)


# --- what the model cannot use is left out, and said ------------------------------------------


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (
            "what if no cargo at all shows up for 4 months, starting from a full station",
            "starting from a full station",
        ),
        (
            "no cargo arrives for 3 months starting with a fully stocked station, are we ok?",
            "starting with a fully stocked station",
        ),
        ("what if CRS-35 slips 2 months and the moon turns green", "the moon turns green"),
    ],
)
def test_an_unusable_part_is_left_out_and_said(ctx: Context, text: str, left: str) -> None:
    scenario = parse(ctx, text)
    assert scenario.edits
    assert [w for w, _ in scenario.unmodelled] == [left]
    r = answer(ctx, text, TODAY)
    assert r.kind == "whatif"
    assert f"Not modelled: “{left}”" in r.text
    assert r.text.index("If ") < r.text.index("Not modelled")  # the verdict still leads


def test_nothing_usable_is_still_refused(ctx: Context) -> None:
    with pytest.raises(ScenarioError):
        parse(ctx, "what if the moon turns green")
    assert answer(ctx, "what if the moon turns green", TODAY).kind == "error"


def test_a_named_flight_with_no_change_is_still_asked_about(ctx: Context) -> None:
    # a name with no verb is not dropped silently: the reply asks what happens to it
    with pytest.raises(ScenarioError) as got:
        parse(ctx, "what if CRS-35 slips 2 months and NG-24")
    assert "what happens to" in got.value.message


# --- noun forms, effect questions, starts said against today ------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "how would a 6 month progress grounding affect the station",
            "a 6 month progress grounding",
        ),
        ("what would a two-month SLC-40 closure do to supplies", "a two-month SLC-40 closure"),
        ("Cygnus stand-down of 4 months, impact on the station?", "Cygnus stand-down of 4 months"),
        ("the crew goes up to 8 for a year, ok?", "the crew goes up to 8 for a year"),
        ("an additional crew member for 9 months, what happens", None),
    ],
)
def test_effect_questions_and_noun_forms(text: str, body: str | None) -> None:
    assert looks_like_whatif(text)
    if body is not None:
        assert strip_lead(text)[0] == body


@pytest.mark.parametrize(
    "text",
    ["how does dragon affect the station", "what was the impact of the site 31/6 closure"],
)
def test_effect_words_without_a_scenario_stay_look_ups(text: str) -> None:
    assert not looks_like_whatif(text)


@pytest.mark.parametrize(
    ("text", "vehicles", "pads"),
    [
        ("how would a 6 month progress grounding affect the station", ("progress-ms",), ()),
        ("what would a two-month SLC-40 closure do to supplies", (), ("slc-40",)),
        ("what if Cargo Dragon is sidelined for 6 months", ("cargo-dragon",), ()),
    ],
)
def test_a_hold_said_as_a_noun_or_a_new_word(
    ctx: Context, text: str, vehicles: tuple[str, ...], pads: tuple[str, ...]
) -> None:
    got = edit(ctx, text)
    assert isinstance(got, Hold)
    assert (got.vehicles, got.pads) == (vehicles, pads)
    assert got.by is not None


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("what if Cygnus is grounded for 2 months starting next month", dt.date(2026, 12, 1)),
        ("what if the soyuz pad is out for 6 months from next week", TODAY + dt.timedelta(7)),
        ("what if Cygnus is grounded for 2 months beginning in 3 weeks", TODAY + dt.timedelta(21)),
    ],
)
def test_a_start_said_against_today(ctx: Context, text: str, start: dt.date) -> None:
    got = edit(ctx, text)
    assert isinstance(got, Hold)
    assert got.start == start


@pytest.mark.parametrize(
    "text",
    [
        "Cygnus off the table for 3 months, what happens to the food?",
        "suppose baikonur shuts for 7 weeks, any problems with propellant?",
        "HTV-X out till August, is everyone ok for oxygen?",
    ],
)
def test_short_holds_with_an_outcome_question(ctx: Context, text: str) -> None:
    assert looks_like_whatif(text)
    assert isinstance(edit(ctx, text), Hold)


def test_a_crew_member_who_stays_a_while(ctx: Context) -> None:
    got = edit(ctx, "what if an extra astronaut remains aboard 5 months")
    assert isinstance(got, CrewChange)
    assert got.lasting is not None
    assert got.lasting.amount == 5


def test_no_single_ship_is_a_gap(ctx: Context) -> None:
    got = edit(ctx, "what if no ship reaches the station for 6 weeks")
    assert isinstance(got, Hold)
    assert got.label == "no flights"


def test_pushed_out_until_a_month_is_a_move(ctx: Context) -> None:
    got = edit(ctx, "what if CRS-35 is pushed out until May")
    assert isinstance(got, Move)
    assert got.month is not None
