"""Scenarios in the shapes people write them: a bare "if"/"say"/"imagine" closed by a question
about the outcome, loss words for a flight, a whole country's cargo held with its cause, a
year or quarter as the change's period, a statement followed by a terse "supplies?", and
equipment failing with "how many days of X" asked. Near-misses stay look-ups."""

from __future__ import annotations

import datetime as dt

import pytest

from commands.context import Context
from commands.router import answer
from commands.whatif.edits import Cancel, CrewChange, Hold, SetRate
from commands.whatif.errors import ScenarioError
from commands.whatif.lexer import find_duration, find_window
from commands.whatif.trigger import asked_supplies, looks_like_whatif, strip_lead
from tests.commands.conftest import TODAY
from tests.commands.whatif.helpers import edit, parse

# --- 1. a bare lead, closed by a question about the outcome -----------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "if they bumped the crew up to 10 for a few weeks, would food and water be fine",
            "they bumped the crew up to 10 for a few weeks",
        ),
        (
            "say the crew rises to 8 for a couple of months — does the oxygen hold?",
            "the crew rises to 8 for a couple of months",
        ),
        (
            "imagine 9 people are up there for a few months, is water ok?",
            "9 people are up there for a few months",
        ),
        (
            "suppose the crew were raised to 9, what runs out first",
            "the crew were raised to 9",
        ),
    ],
)
def test_a_bare_lead_and_an_outcome_question(ctx: Context, text: str, body: str) -> None:
    assert looks_like_whatif(text)
    assert strip_lead(text)[0] == body
    got = edit(ctx, text)
    assert isinstance(got, CrewChange)
    assert got.crew in (8, 9, 10)


@pytest.mark.parametrize(
    ("said", "amount", "unit"),
    [("a few weeks", 3, "week"), ("a couple months", 2, "month"), ("a few months", 3, "month")],
)
def test_a_few_and_a_couple_are_lengths(said: str, amount: int, unit: str) -> None:
    got = find_duration(f"for {said}")
    assert got is not None
    assert (got[0].amount, got[0].unit) == (amount, unit)
    if "few" in said:  # the count assumed is said
        assert f"read as {amount} {unit}s" in got[0].text


def test_several_is_still_refused(ctx: Context) -> None:
    with pytest.raises(ScenarioError):
        parse(ctx, "what if CRS-35 slips several weeks")


def test_a_few_weeks_reads_in_the_reply(ctx: Context) -> None:
    reply = answer(ctx, "if the crew went up to 9 for a few weeks would the food last", TODAY)
    assert reply.kind == "whatif"
    assert "a few weeks (read as 3 weeks)" in reply.text


# --- 2. loss words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "what if NG-25 gets scrapped",
        "if CRS-35 is axed, how bad is it",
        "what if CRS-35 gets totally wrecked",
        "what if CRS-35 is destroyed",
        "suppose Progress MS-36 explodes on the pad",
        "what if Progress MS-36 never flies",
        "what if HTV-X2 is cancelled outright",
    ],
)
def test_loss_words_lose_the_flight(ctx: Context, text: str) -> None:
    assert looks_like_whatif(text)
    assert isinstance(edit(ctx, text), Cancel)


def test_a_wrecked_pad_is_down_not_lost(ctx: Context) -> None:
    got = edit(ctx, "what if SLC-40 gets wrecked for 3 months")
    assert isinstance(got, Hold)
    assert got.pads == ("slc-40",)


def test_a_flight_named_before_never_flew_is_no_number(ctx: Context) -> None:
    edits = parse(ctx, "what if CRS-35 never flew and SLC-40 is out 3 months").edits
    assert [type(e) for e in edits] == [Cancel, Hold]


# --- 3. a country's cargo held, with its cause -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "operators"),
    [
        ("what if there is no American resupply for 5 months", "no US cargo", {"spacex"}),
        ("what if no Russian cargo until summer", "no Russian cargo", {"roscosmos"}),
    ],
)
def test_a_country_gap_holds_its_cargo_vehicles(
    ctx: Context, text: str, label: str, operators: set[str]
) -> None:
    got = edit(ctx, text)
    assert isinstance(got, Hold)
    assert got.label == label
    kinds = {ctx.kb.vehicles[v].kind for v in got.vehicles}
    assert kinds <= {"cargo-spacecraft", "spaceplane"}
    # every vehicle held is operated from that country (its operator's record, not a list)
    for v in got.vehicles:
        org = ctx.kb.organizations[ctx.kb.vehicles[v].operator]
        country = "united states" if "US" in label else "russia"
        assert country in org.country.casefold()
    assert operators <= {ctx.kb.vehicles[v].operator for v in got.vehicles}


def test_a_cause_clause_is_folded_in_and_said(ctx: Context) -> None:
    text = "no US cargo at all until spring 2027 because CRS-35 never flew, are we ok"
    assert looks_like_whatif(text)
    edits = parse(ctx, text).edits
    assert {type(e) for e in edits} == {Cancel, Hold}
    reply = answer(ctx, text, TODAY)
    assert reply.kind == "whatif"
    assert "CRS-35 is lost" in reply.text
    assert "no US cargo" in reply.text


def test_a_cause_the_model_cannot_use_is_named(ctx: Context) -> None:
    scenario = parse(ctx, "no Russian cargo for 4 months because of a strike")
    assert len(scenario.edits) == 1
    assert [w for w, _ in scenario.unmodelled] == ["a strike"]


# --- 4. a year or a quarter as the period ------------------------------------------------------

JAN_2027 = dt.date(2027, 1, 1)
JAN_2028 = dt.date(2028, 1, 1)


@pytest.mark.parametrize(
    ("text", "crew", "first", "after"),
    [
        ("what if only 3 people are aboard all of 2027", 3, JAN_2027, JAN_2028),
        ("what if a crew of 4 throughout next year", 4, JAN_2027, JAN_2028),
        ("what if the crew is 5 for the whole of Q1 2027", 5, JAN_2027, dt.date(2027, 4, 1)),
        ("what if the crew is 6 through Q2 2027", 6, TODAY, dt.date(2027, 7, 1)),
    ],
)
def test_a_crew_for_a_named_period(
    ctx: Context, text: str, crew: int, first: dt.date, after: dt.date
) -> None:
    got = edit(ctx, text)
    assert isinstance(got, CrewChange)
    assert got.crew == crew
    assert got.since == first
    assert got.lasting is not None
    assert got.lasting.add_to(first) == after


def test_a_hold_for_a_named_period(ctx: Context) -> None:
    got = edit(ctx, "what if Cygnus is grounded for the whole of Q2 2027")
    assert isinstance(got, Hold)
    assert (got.start, got.until) == (dt.date(2027, 4, 1), dt.date(2027, 7, 1))


def test_a_period_already_over_is_refused() -> None:
    with pytest.raises(ScenarioError):
        find_window("a crew of 4 all of 2025", TODAY)


# --- 5. a statement, then a terse outcome question --------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("LC-39A is trashed and out for 4 months. supplies?", "LC-39A is trashed and out for 4 months"),  # noqa: E501
        ("Cygnus down 5 months. food and water?", "Cygnus down 5 months"),
        (
            "Dragon grounded for 4 months, cargo and crew - what breaks first?",
            "Dragon grounded for 4 months, cargo and crew",
        ),
        ("baikonur closed for a year, how long would stuff last", "baikonur closed for a year"),
    ],
)  # fmt: skip
def test_a_statement_and_a_terse_question(ctx: Context, text: str, body: str) -> None:
    assert looks_like_whatif(text)
    assert strip_lead(text)[0] == body
    scenario = parse(ctx, text)
    assert len(scenario.edits) == 1
    assert not scenario.unmodelled
    assert isinstance(scenario.edits[0], Hold)


def test_a_pad_wrecked_and_out_is_one_change(ctx: Context) -> None:
    got = edit(ctx, "what if LC-39A is wrecked and out for half a year")
    assert isinstance(got, Hold)
    assert got.pads
    assert got.by is not None
    assert got.by.amount == 0.5


# --- 6. equipment failing, and how long a supply lasts -------------------------------------------


@pytest.mark.parametrize(
    "text", ["OGS dies, how long does the oxygen last", "what if the oxygen generator breaks"]
)
def test_the_oxygen_generator_failing(ctx: Context, text: str) -> None:
    got = edit(ctx, text)
    assert isinstance(got, SetRate)
    assert (got.name, got.value) == ("oxygen_generation", 0.0)
    assert "Oxygen Generation System" in got.note  # what was assumed, from the station record


def test_elektron_alone_is_said_to_be_unmodelled(ctx: Context) -> None:
    with pytest.raises(ScenarioError) as err:
        parse(ctx, "what if elektron fails")
    assert "Elektron" in err.value.message


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("the oxygen generator fails, how many days of oxygen do they have", ("oxygen",)),
        ("water recycling stops - how many days of water are left?", ("water",)),
        ("Cygnus grounded a year, how long would the food and water last", ("food", "water")),
        ("Cygnus grounded a year, how long would stuff last", ()),
    ],
)
def test_how_long_a_named_supply_lasts_is_asked(text: str, asked: tuple[str, ...]) -> None:
    assert looks_like_whatif(text)
    assert asked_supplies(text) == asked


def test_the_asked_supply_leads_the_reply(ctx: Context) -> None:
    reply = answer(ctx, "OGS fails completely, how many days of oxygen do they have", TODAY)
    assert reply.kind == "whatif"
    assert reply.text.startswith("Oxygen would last about ")
    assert "Oxygen Generation System" in reply.plain()


# --- near-misses: look-ups ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "how many days of oxygen does the ISS have",
        "how much water is left on the iss",
        "did CRS-35 never fly?",
        "is NG-24 scrapped?",
        "when was Pad 39A wrecked?",
        "food?",
        "what runs out first on the ISS?",
        "how much oxygen does the OGS make",
        "did the crew go up to 7 in 2025",
        "is Dragon cargo and crew?",
        "why did Progress MS-35 never fly",
        "was the whole Dragon fleet grounded in 2024?",
    ],
)
def test_near_misses_stay_look_ups(ctx: Context, text: str) -> None:
    assert not looks_like_whatif(text)
    assert answer(ctx, text, TODAY).kind != "whatif"
