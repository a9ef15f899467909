"""Scenarios that change how much the crew uses, equipment down for a while, visitors for a
while, a flight that will not fly before a year or season, and the many ways of asking "are
we ok" after them. Near-misses (questions about use, history, people aboard) stay look-ups."""

from __future__ import annotations

import datetime as dt

import pytest

from commands.context import Context
from commands.router import answer
from commands.whatif.baseline import prepare
from commands.whatif.edits import CrewChange, Move, SetRate
from commands.whatif.model import Plan, RateChange, run, run_naive
from commands.whatif.trigger import looks_like_whatif, strip_lead
from tests.commands.conftest import TODAY
from tests.commands.whatif.helpers import applied, edit
from tests.commands.whatif.test_model import START, params

# --- the model: use multipliers and rates for a while ------------------------------------------


def test_a_use_multiplier_scales_the_need_not_the_stock() -> None:
    # food: 4 crew x 1 kg = 4 kg/day from 400 kg. 25% more from day 0: 5 kg/day, 400 kg is
    # 80 days of the new need, below 45 days (225 kg) after 35 more days.
    p = params()
    plan = Plan((), p.crew, (RateChange(START, "food_use", 1.25),))
    r = run(p, plan, START, START + dt.timedelta(days=200))
    assert r.supply["food"][0] == pytest.approx((400 - 5) / 5)
    assert r.results["food"].crossing == START + dt.timedelta(days=35)


def test_a_rate_for_a_while_returns_to_the_rate_before_it() -> None:
    # water: need 8 kg/day; recovery 0 for 10 days draws 8 kg/day, then 4 kg/day again
    p = params()
    until = START + dt.timedelta(days=10)
    plan = Plan((), p.crew, (RateChange(START, "water_recovery", 0.0, until),))
    r = run(p, plan, START, START + dt.timedelta(days=30))
    s = r.supply["water"]
    assert s[9] == pytest.approx((800 - 80) / 8)
    assert s[20] == pytest.approx((800 - 80 - 11 * 4) / 8)


def test_windows_and_multipliers_match_the_plain_loop(ctx: Context) -> None:
    p = prepare(ctx.kb).params
    end = p.stock_date + dt.timedelta(days=2 * 365)
    day = p.stock_date + dt.timedelta(days=300)
    plan = Plan(
        (),
        p.crew,
        (
            RateChange(day, "oxygen_use", 1.3, day + dt.timedelta(days=60)),
            RateChange(day, "oxygen_generation", 0.0, day + dt.timedelta(days=40)),
            RateChange(day + dt.timedelta(days=10), "water_use", 0.8),
        ),
    )
    fast = run(p, plan, p.stock_date, end)
    slow = run_naive(p, plan, p.stock_date, end)
    for res, values in slow.items():
        assert list(fast.supply[res]) == pytest.approx(values)


# --- 1. the crew using more or less of a supply ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "factor"),
    [
        ("what if the astronauts eat 15% more food", "food_use", 1.15),
        ("crew starts drinking a third more water, are we good?", "water_use", 4 / 3),
        ("oxygen consumption goes up by 10 percent, does the oxygen hold", "oxygen_use", 1.1),
        ("suppose everybody up there breathes 5% less oxygen", "oxygen_use", 0.95),
        ("food intake drops by a quarter for 3 months", "food_use", 0.75),
        ("water usage doubles, then what", "water_use", 2.0),
    ],
)
def test_use_changed_by_a_share(ctx: Context, text: str, name: str, factor: float) -> None:
    assert looks_like_whatif(text)
    got = edit(ctx, text)
    assert isinstance(got, SetRate)
    assert got.name == name
    assert got.value == pytest.approx(factor)


def test_use_said_as_higher_than_normal(ctx: Context) -> None:
    got = edit(ctx, "what if water consumption is 10% above normal")
    assert isinstance(got, SetRate)
    assert got.name == "water_use"
    assert got.value == pytest.approx(1.1)


def test_a_failure_until_a_month_says_its_end(ctx: Context) -> None:
    reply = answer(ctx, "the water processor is broken until March, are we ok", TODAY)
    assert reply.kind == "whatif"
    assert reply.text.startswith("If no water is recovered until March (1 March 2027)")


def test_use_for_a_while_ends(ctx: Context) -> None:
    got = edit(ctx, "food intake drops by a quarter for 3 months")
    assert isinstance(got, SetRate)
    assert got.lasting is not None
    assert got.lasting.text == "3 months"


@pytest.mark.parametrize(
    ("text", "factor"),
    [("what if fuel use rises 30%", 1.3), ("propellant burn triples, what breaks first", 3.0)],
)
def test_propellant_use_by_a_share_scales_the_record(
    ctx: Context, text: str, factor: float
) -> None:
    got = edit(ctx, text)
    assert isinstance(got, SetRate)
    assert got.name == "propellant_per_day"
    assert got.factor == pytest.approx(factor)


def test_more_food_eaten_lowers_the_food_margin(ctx: Context) -> None:
    reply = answer(ctx, "everyone up there eats 30% more food, is that a problem?", TODAY)
    assert reply.kind == "whatif"
    assert reply.title == "What if everyone up there eats 30% more food?"
    assert reply.text.startswith("If food use is 30% higher")
    a = applied(ctx, "everyone up there eats 30% more food")
    assert [c.name for c in a.plan.rate_changes] == ["food_use"]


# --- 2. visitors for a while ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "n", "weeks"),
    [
        ("a commercial crew visit brings 3 extra for 10 days. are we ok?", 3, 10 / 7),
        ("what if a tourist flight adds 2 more people for three weeks", 2, 3),
        ("an ax-5 style mission flies up 4 more astronauts for two weeks, supplies?", 4, 2),
    ],
)
def test_visitors_for_a_while(ctx: Context, text: str, n: int, weeks: float) -> None:
    assert looks_like_whatif(text)
    got = edit(ctx, text)
    assert isinstance(got, CrewChange)
    assert (got.crew, got.delta) == (None, n)
    assert got.lasting is not None
    assert got.lasting.days() == pytest.approx(weeks * 7, abs=0.5)


def test_a_total_said_with_visitors_is_a_check(ctx: Context) -> None:
    text = "a private visit adds 2 more people for 3 weeks, 9 total. do the supplies last?"
    got = edit(ctx, text)
    assert isinstance(got, CrewChange)
    assert (got.delta, got.total) == (2, 9)
    a = applied(ctx, text)
    assert any("9 total said matches the plan's 7 aboard" in n for n in a.notes)
    wrong = applied(ctx, "a private visit adds 2 more people for 3 weeks, 11 total")
    assert any("2 more makes 9, not the 11 said" in n for n in wrong.notes)


# --- 3. equipment down for a while --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "length"),
    [
        ("the oxygen generator breaks for 3 weeks, can the crew still breathe?",
         "oxygen_generation",
         "3 weeks"),
        ("OGS is down for the next 2 months — r we ok?", "oxygen_generation", "2 months"),
        ("the water recycler goes down for a month, is water ok?", "water_recovery", "a month"),
        ("water recovery is offline for 10 days", "water_recovery", "10 days"),
    ],
)  # fmt: skip
def test_a_failure_for_a_while(ctx: Context, text: str, name: str, length: str) -> None:
    assert looks_like_whatif(text)
    got = edit(ctx, text)
    assert isinstance(got, SetRate)
    assert (got.name, got.value) == (name, 0.0)
    assert got.lasting is not None
    assert got.lasting.text == length


def test_a_failure_for_a_while_says_its_end(ctx: Context) -> None:
    reply = answer(ctx, "OGS dies for 6 weeks, can they still breathe?", TODAY)
    assert reply.kind == "whatif"
    assert reply.title == "What if OGS dies for 6 weeks?"
    assert "no oxygen is made aboard for 6 weeks (to " in reply.text
    a = applied(ctx, "OGS dies for 6 weeks")
    (change,) = a.plan.rate_changes
    assert change.until is not None
    assert (change.until - change.since).days == 42


def test_a_failure_with_no_length_stays_for_good(ctx: Context) -> None:
    got = edit(ctx, "the oxygen generator fails")
    assert isinstance(got, SetRate)
    assert got.lasting is None


# --- 4. not flying before a year or season ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day", "said"),
    [
        ("CRS-35 won't launch until 2028. does that matter?", dt.date(2028, 1, 1), "2028"),
        ("NG-25 isn't flying before spring 2027 - problem?", dt.date(2027, 4, 1), "spring 2027"),
        ("progress ms-34 does not fly until march 2027, are we good", dt.date(2027, 3, 1), "march"),
    ],
)
def test_not_before_a_period_moves_to_its_first_day(
    ctx: Context, text: str, day: dt.date, said: str
) -> None:
    assert looks_like_whatif(text)
    got = edit(ctx, text)
    assert isinstance(got, Move)
    assert got.to == day
    assert said in got.typed.lower()
    if said.endswith(("2027", "2028")) and "march" not in said:
        assert "first day" in got.typed  # which day a year or season was read as


def test_a_flight_that_never_flies_is_still_lost(ctx: Context) -> None:
    got = edit(ctx, "what if CRS-35 doesn't fly")
    assert type(got).__name__ == "Cancel"


# --- 5. outcome questions, and the title keeping the whole scenario ----------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("no cargo arrives for 4 months. r we ok?", "no cargo arrives for 4 months"),
        ("no cargo arrives for 4 months, are we good", "no cargo arrives for 4 months"),
        ("Cygnus grounded for a year. does that matter?", "Cygnus grounded for a year"),
        ("CRS-35 slips 5 months — problem?", "CRS-35 slips 5 months"),
        ("Dragon down 6 months, can they still breathe?", "Dragon down 6 months"),
        ("no Progress for 8 months. supplies hold up?", "no Progress for 8 months"),
        ("the crew goes to 9 for a year, what's the impact", "the crew goes to 9 for a year"),
        ("Cygnus grounded 6 months, we good?", "Cygnus grounded 6 months"),
        ("Cygnus grounded 6 months. we still ok?", "Cygnus grounded 6 months"),
    ],
)
def test_outcome_questions_are_read_and_cut(ctx: Context, text: str, body: str) -> None:
    assert looks_like_whatif(text)
    assert strip_lead(text)[0] == body
    reply = answer(ctx, text, TODAY)
    assert reply.kind == "whatif"
    assert reply.title == f"What if {body}?"


# --- near-misses: look-ups -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "how much food does each astronaut eat a day",
        "do they use more water than oxygen?",
        "how many people does a private mission bring",
        "did the oxygen generator break in 2020?",
        "was NG-24 not flying until 2025?",
        "does the crew drink recycled water",
        "is there a problem with CRS-35?",
        "how many extra people can the station hold",
        "were we good on food in 2025?",
    ],
)
def test_near_misses_stay_look_ups(ctx: Context, text: str) -> None:
    assert not looks_like_whatif(text)
    assert answer(ctx, text, TODAY).kind != "whatif"
