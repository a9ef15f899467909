"""The what-if through `ask` and `structured`: each edit kind, interactions, errors, limits."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commands.context import Context
from commands.reply import FIELD_VALUE_MAX, TEXT_MAX, TOTAL_MAX, Reply
from commands.whatif import ask, structured
from commands.whatif.answer import prepare
from commands.whatif.chartdata import WhatIfChart
from tests.commands.conftest import TODAY


def field(reply: Reply, name: str) -> str:
    return next(f.value for f in reply.fields if f.name == name)


def delivery_date(ctx: Context, mission: str) -> dt.date:
    return next(d.date for d in prepare(ctx.kb).plan.deliveries if d.key == mission)


def test_slip_moves_the_delivery_and_lists_assumptions(ctx: Context) -> None:
    r = ask(ctx, "what if progress ms-33 slips 6 months", TODAY)
    assert r.kind == "whatif"
    was = delivery_date(ctx, "progress-ms-33")
    new = dt.date(was.year + (was.month + 6 > 12), (was.month + 5) % 12 + 1, was.day)
    assert f"{was.isoformat()} → {new.isoformat()}" in field(r, "Scenario")
    assert "progress-ms-33" in r.entities
    assert "Propellant" in r.text
    assert "stock estimate" in r.text
    assert "assumption" in field(r, "Assumptions").lower()
    assert isinstance(r.chart.payload if r.chart else None, WhatIfChart)


def test_counterfactual_says_the_model_runs_from_the_stock_date(ctx: Context) -> None:
    r = ask(ctx, "what if MS-33 had slipped six months", TODAY)
    assert r.kind == "whatif"
    assert "counterfactual" in r.text
    assert prepare(ctx.kb).params.stock_date.isoformat() in r.text


def test_two_edits_interact(ctx: Context) -> None:
    r = ask(ctx, "what if MS-33 slips 4 months and CRS-35 moves up a month", TODAY)
    assert r.kind == "whatif"
    scen = field(r, "Scenario")
    assert "Progress MS-33 slips 4 months" in scen
    assert "CRS-35 moves up a month" in scen
    assert {"progress-ms-33", "crs-35"} <= set(r.entities)


def test_cancel_removes_the_delivery(ctx: Context) -> None:
    r = ask(ctx, "whatif crs-35 is cancelled", TODAY)
    assert r.kind == "whatif"
    assert "CRS-35 cancelled" in field(r, "Scenario")
    assert "CRS-35 removed" in field(r, "Deliveries in the scenario")


def test_pad_down_slips_its_flights_in_order(ctx: Context) -> None:
    r = ask(ctx, "if pad 31/6 stays down for two years then what", TODAY)
    assert r.kind == "whatif"
    assert "baikonur-site-31" in r.entities
    scen = field(r, "Scenario")
    assert "Progress MS-33" in scen
    assert "Progress MS-34" in scen
    # only Progress refuels the Russian segment: no vehicle closes that gap while the pad is down
    assert "only Progress" in r.text


def test_add_flight_adds_the_vehicles_typical_load(ctx: Context) -> None:
    r = ask(ctx, "what if a Progress flies on 2026-09-01", TODAY)
    assert r.kind == "whatif"
    assert "Extra Progress MS on 2026-09-01" in field(r, "Scenario")
    assert "kg propellant" in field(r, "Scenario")


def test_crew_and_rate_changes(ctx: Context) -> None:
    r = ask(ctx, "what if the crew is 4 from 2026-06-01", TODAY)
    assert r.kind == "whatif"
    assert "Crew of 4 from 2026-06-01" in field(r, "Scenario")
    r = ask(ctx, "what if water recovery drops to 90%", TODAY)
    assert r.kind == "whatif"
    assert "Water recovery 90%" in field(r, "Scenario")


def test_structured_form(ctx: Context) -> None:
    r = structured(ctx, "progress-ms-33", "delay", "6 months", TODAY)
    assert r.kind == "whatif"
    assert "progress-ms-33" in r.entities
    assert structured(ctx, "crs-35", "cancel", None, TODAY).kind == "whatif"
    assert structured(ctx, "Baikonur Site 31/6", "ground-pad", "1 year", TODAY).kind == "whatif"
    assert structured(ctx, "progress-ms", "add-flight", "2026-09-01", TODAY).kind == "whatif"
    assert structured(ctx, "", "crew", "3", TODAY).kind == "whatif"
    assert structured(ctx, "crs-35", "teleport", "1 day", TODAY).kind == "error"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("what if progress ms-99 slips 2 months", "progress ms-99"),
        ("what if progress ms-33 slips -9999 years", "negative"),
        ("what if progress ms-33 slips 500 years", "10-year"),
        ("what if CRS-35 moves to 2045-01-01", "outside"),
        ("what if the crew is 40", "40"),
        ("what if " + " and ".join(["crs-35 slips 1 day"] * 21), "at most 20"),
        ("what if", "what changes"),
        ("", "what changes"),
        ("what if water recovery drops to 150%", "100"),
        ("what if the moon falls", "I can model"),
    ],
)
def test_bad_scenarios_name_the_wrong_part(ctx: Context, text: str, words: str) -> None:
    r = ask(ctx, text, TODAY)
    assert r.kind == "error"
    assert words.lower() in r.text.lower()


def test_unknown_mission_offers_did_you_mean(ctx: Context) -> None:
    r = ask(ctx, "what if progress ms-99 slips 2 months", TODAY)
    assert r.suggestions
    assert all("slips 2 months" in s.query for s in r.suggestions)


def _within_limits(r: Reply) -> None:
    assert r.kind in ("whatif", "error")
    assert len(r.text) <= TEXT_MAX
    assert all(len(f.value) <= FIELD_VALUE_MAX for f in r.fields)
    assert len(r.plain()) <= TOTAL_MAX + 200


_MISSIONS = ["progress-ms-33", "progress-ms-34", "crs-34", "crs-35", "ng-24", "htv-x2"]
_EDIT = st.one_of(
    st.builds(
        lambda m, n, u, v: f"{m} {v} {n} {u}",
        st.sampled_from(_MISSIONS),
        st.integers(-50, 200),
        st.sampled_from(["days", "weeks", "months", "years"]),
        st.sampled_from(["slips", "moves up"]),
    ),
    st.builds(lambda m: f"{m} is cancelled", st.sampled_from(_MISSIONS)),
    st.builds(lambda n: f"crew of {n}", st.integers(-2, 20)),
    st.builds(lambda n: f"pad 31/6 is down for {n} months", st.integers(0, 150)),
    st.builds(
        lambda d: f"a Progress flies on {d.isoformat()}",
        st.dates(dt.date(2024, 1, 1), dt.date(2037, 1, 1)),
    ),
    st.builds(lambda v: f"water recovery {v}%", st.integers(-10, 110)),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_EDIT, min_size=1, max_size=22))
def test_any_edit_list_gives_a_reply_within_limits(ctx: Context, edits: list[str]) -> None:
    _within_limits(ask(ctx, "what if " + " and ".join(edits), TODAY))
