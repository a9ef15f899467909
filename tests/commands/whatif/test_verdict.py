"""The verdict's honesty about the model: consumption changes move margins the right way, an
oxygen deficit is said, and the estimates' ranges are reported (model.params_from ends)."""

from __future__ import annotations

import datetime as dt

import pytest

from commands.context import Context
from commands.whatif.apply import apply
from commands.whatif.baseline import prepare
from commands.whatif.model import Plan, params_from, run
from commands.whatif.outcome import Outcome, outcome
from commands.whatif.verdict import verdict
from tests.commands.whatif.helpers import parse

NOW = dt.date(2026, 12, 1)


def _outcome(ctx: Context, text: str) -> Outcome:
    prep = prepare(ctx.kb)
    scenario = parse(ctx, text, NOW)
    return outcome(prep, scenario, apply(scenario, prep, NOW), NOW)


@pytest.mark.parametrize(
    ("text", "res", "direction"),
    [
        ("what if the oxygen generator makes 8 lb a day", "oxygen", -1),
        ("what if oxygen production drops to 2 kg a day", "oxygen", -1),
        ("what if the crew grows to 9 from january", "oxygen", -1),
        ("what if 10 people are aboard from february", "food", -1),
        ("what if the crew drops to 4", "oxygen", 1),
        ("what if the oxygen generator makes 20 lb a day", "oxygen", 1),
        ("what if water recovery drops to 90%", "water", -1),
        ("what if propellant use doubles", "propellant", -1),
        ("what if propellant use halves", "propellant", 1),
    ],
)
def test_consumption_changes_move_margins_the_right_way(
    ctx: Context, text: str, res: str, direction: int
) -> None:
    o = _outcome(ctx, text)
    change = o.after[res].low - o.before[res].low
    assert change * direction > 0.5, (text, o.before[res].low, o.after[res].low)


def test_the_generators_own_rate_with_seven_aboard_is_no_rise_and_says_the_deficit(
    ctx: Context,
) -> None:
    # 12 lb a day is what the station record already assumes: it covers six, not seven.
    o = _outcome(ctx, "what if the oxygen generator makes 12 lb of oxygen a day with 7 crew")
    assert o.after["oxygen"].low <= o.before["oxygen"].low + 0.5
    text = verdict(o, [])
    assert "a crew of 7 breathes 0.4 kg a day more oxygen than is made aboard" in text, text
    assert "rises" not in text, text


@pytest.mark.parametrize(
    "text",
    [
        "what if the crew grows to 10 from january",
        "what if oxygen generation drops to 3 kg a day",
    ],
)
def test_an_oxygen_deficit_is_said_with_its_numbers(ctx: Context, text: str) -> None:
    said = verdict(_outcome(ctx, text), [])
    assert "more oxygen than is made aboard" in said, said


@pytest.mark.parametrize(
    "text",
    [
        "what if the oxygen generator makes 20 lb a day with 9 crew",  # 9.1 kg made, 7.6 used
        "what if the crew drops to 6",  # 12 lb a day is enough for six
        "what if NG-25 is lost",  # no oxygen change at all
    ],
)
def test_no_deficit_sentence_when_enough_is_made_or_nothing_changes_it(
    ctx: Context, text: str
) -> None:
    said = verdict(_outcome(ctx, text), [])
    assert "more oxygen than is made aboard" not in said, said


def test_the_estimates_ends_bracket_the_middle(ctx: Context) -> None:
    station = ctx.kb.station
    assert station is not None
    mid, worse, better = (params_from(station, e) for e in ("mid", "worse", "better"))
    for res in ("food", "water", "oxygen", "propellant"):
        assert worse.stock_days[res] < mid.stock_days[res] < better.stock_days[res]
    assert worse.rates.propellant_per_day > mid.rates.propellant_per_day
    assert better.rates.propellant_per_day < mid.rates.propellant_per_day
    assert worse.rates.per_crew_day["food"] > better.rates.per_crew_day["food"]
    assert worse.delivery_scale["food"] < 1.0 < better.delivery_scale["food"]
    # The food share's end scales what each flight brings: the same plan, more food.
    plan = prepare(ctx.kb).baseline.plan
    start, end = mid.stock_date, mid.stock_date + dt.timedelta(days=300)
    lo = run(worse, Plan(plan.deliveries, plan.crew), start, end).supply["food"][-1]
    hi = run(better, Plan(plan.deliveries, plan.crew), start, end).supply["food"][-1]
    assert hi > lo


def test_the_oxygen_deficit_names_its_crew_and_when_that_crew_changes(ctx: Context) -> None:
    cut = verdict(_outcome(ctx, "what if we go down to 3 people and oxygen generation stops"), [])
    assert "a crew of 3 breathes" in cut, cut
    later = verdict(
        _outcome(ctx, "what if the oxygen generator breaks now and the crew shrinks to 3 in april"),
        [],
    )
    assert "a crew of 7 (to 1 April 2027) breathes" in later, later
