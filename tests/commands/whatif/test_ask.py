"""The what-if through `ask` and `structured`: each edit kind, errors naming the wrong part,
limits, and the rule that any what-if is answered or refused with a runnable alternative."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commands.context import Context
from commands.reply import FIELD_VALUE_MAX, TEXT_MAX, TOTAL_MAX, Reply
from commands.router import answer, clean, is_whatif
from commands.whatif import CHANGES, ask, structured
from commands.whatif.chartdata import WhatIfChart
from tests.commands.conftest import TODAY
from tests.commands.whatif.helpers import field, flight_date


def details(ctx: Context, text: str) -> str:
    return field(ask(ctx, f"{text} details", TODAY), "Scenario")


def test_a_slip_moves_the_flight(ctx: Context) -> None:
    was = flight_date(ctx, "progress-ms-36")
    r = ask(ctx, "what if progress ms-36 slips 6 months", TODAY)
    assert r.kind == "whatif"
    assert "progress-ms-36" in r.entities
    assert r.text.startswith("If Progress MS-36 slips 6 months, ")
    month = (was.month + 5) % 12 + 1
    new = dt.date(was.year + (was.month + 6 > 12), month, was.day)
    scen = details(ctx, "what if ms-36 slips 6 months")
    assert scen.startswith(f"Progress MS-36 slips 6 months: {was.isoformat()}")
    assert scen.endswith(f"→ {new.isoformat()}")
    assert isinstance(r.chart.payload if r.chart else None, WhatIfChart)


def test_two_edits_interact(ctx: Context) -> None:
    r = ask(ctx, "what if MS-36 slips 4 months and CRS-35 moves up a month", TODAY)
    assert r.kind == "whatif"
    assert r.text.startswith("If Progress MS-36 slips 4 months and CRS-35 moves up a month")
    assert {"progress-ms-36", "crs-35"} <= set(r.entities)


def test_a_pad_down_slips_its_flights_in_order(ctx: Context) -> None:
    scen = details(ctx, "if pad 31/6 stays down for two years then what")
    assert "Baikonur Site 31/6 down" in scen
    assert "Progress MS-36" in scen
    assert "projected Progress, Soyuz flights resume after it" in scen


def test_an_added_flight_brings_its_vehicles_typical_load(ctx: Context) -> None:
    r = ask(ctx, "what if a Progress flies on 2027-02-01", TODAY)
    assert r.kind == "whatif"
    assert r.text.startswith("If an extra Progress arrives on 1 February 2027")
    assert "kg propellant" in details(ctx, "what if a Progress flies on 2027-02-01")


def test_crew_and_rate_changes(ctx: Context) -> None:
    assert "Crew of 4 from 2027-01-01 on" in details(ctx, "what if the crew is 4 from 2027-01-01")
    r = ask(ctx, "what if water recovery drops to 90%", TODAY)
    assert r.text.startswith("If water recovery is 90%, ")
    assert "Water recovery 90% from" in details(ctx, "what if water recovery drops to 90%")
    r = ask(ctx, "what if propellant use doubles", TODAY)
    assert r.text.startswith("If propellant use is doubled, ")
    r = ask(ctx, "what if the oxygen generator fails", TODAY)
    assert r.text.startswith("If no oxygen is made aboard, ")


def test_structured_options_build_the_edit(ctx: Context) -> None:
    r = structured(ctx, "progress-ms-36", "delay", "6 months", TODAY)
    assert r.kind == "whatif", r.plain()
    assert r.text.startswith("If Progress MS-36 slips 6 months, ")
    assert "progress-ms-36" in r.entities
    assert structured(ctx, "crs-35", "cancel", None, TODAY).text.startswith("If CRS-35 is lost")
    r = structured(ctx, "Baikonur Site 31/6", "ground-pad", "1 year", TODAY)
    assert r.text.startswith("If Baikonur Site 31/6 is down for 1 year")
    r = structured(ctx, "cargo-dragon", "ground-vehicle", "March", TODAY)
    assert r.text.startswith("If Cargo Dragon is grounded until 1 March 2027")
    r = structured(ctx, "", "no-cargo", "6 months", TODAY)
    assert r.text.startswith("If there is no cargo for 6 months")
    r = structured(ctx, "progress-ms", "add-flight", "2027-02-01", TODAY)
    assert r.text.startswith("If an extra Progress arrives on 1 February 2027")
    assert structured(ctx, "", "crew", "3", TODAY).text.startswith("If the crew is 3")
    assert structured(ctx, "", "water-recovery", "90%", TODAY).kind == "whatif"
    assert structured(ctx, "", "propellant-use", "9000 kg", TODAY).kind == "whatif"
    assert structured(ctx, "the next progress", "cancel", None, TODAY).text.startswith(
        "If the next Progress ("
    )
    assert structured(ctx, "crs-35", "teleport", "1 day", TODAY).kind == "error"
    assert "ground-vehicle" in CHANGES


@pytest.mark.parametrize(
    ("mission", "change", "amount", "words"),
    [
        ("crs-35", "delay", "10^9 years", "10^9"),
        ("crs-35", "delay", "6 months please", "please"),
        ("crs-35", "delay", "", "how long"),
        ("crs-35", "delay", "minus 3 months", "negative"),
        ("", "crew", "40", "0-13"),
        ("", "water-recovery", "150", "0-100"),
        ("frobnicator", "cancel", None, "frobnicator"),
        ("nowhere", "ground-pad", "1 year", "nowhere"),
    ],
)
def test_structured_options_are_checked(
    ctx: Context, mission: str, change: str, amount: str | None, words: str
) -> None:
    r = structured(ctx, mission, change, amount, TODAY)
    assert r.kind == "error"
    assert words.lower() in r.text.lower()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("what if progress ms-99 slips 2 months", "progress ms-99"),
        ("what if progress ms-36 slips -9999 years", "negative"),
        ("what if progress ms-36 slips 500 years", "10-year"),
        ("what if CRS-35 moves to 2045-01-01", "outside"),
        ("what if the crew is 40", "40"),
        ("what if " + " and ".join(["crs-35 slips 1 day"] * 21), "at most 20"),
        ("what if", "what changes"),
        ("what if water recovery drops to 150%", "150%"),
        ("what if the moon falls", "I can model"),
    ],
)
def test_bad_scenarios_name_the_wrong_part(ctx: Context, text: str, words: str) -> None:
    r = ask(ctx, text, TODAY)
    assert r.kind == "error"
    assert words.lower() in r.text.lower()
    assert r.suggestions


def test_water_recovery_150_is_refused_not_answered_with_a_topic(ctx: Context) -> None:
    r = answer(ctx, "what if water recovery 150%", TODAY)
    assert r.kind == "error"
    assert "150%" in r.text


def _within_limits(r: Reply) -> None:
    assert r.kind in ("whatif", "error")
    assert len(r.text) <= TEXT_MAX
    assert all(len(f.value) <= FIELD_VALUE_MAX for f in r.fields)
    assert len(r.plain()) <= TOTAL_MAX + 200


_MISSIONS = ["progress-ms-36", "soyuz-ms-30", "crs-35", "ng-25", "htv-x2", "the next progress"]
_EDIT = st.one_of(
    st.builds(
        lambda m, n, u, v: f"{m} {v} {n} {u}",
        st.sampled_from(_MISSIONS),
        st.integers(-50, 200),
        st.sampled_from(["days", "weeks", "months", "years"]),
        st.sampled_from(["slips", "moves up"]),
    ),
    st.builds(lambda m: f"{m} is lost", st.sampled_from(_MISSIONS)),
    st.builds(lambda n: f"crew of {n}", st.integers(-2, 20)),
    st.builds(lambda n: f"pad 31/6 is down for {n} months", st.integers(0, 150)),
    st.builds(lambda n: f"no cargo for {n} weeks", st.integers(0, 700)),
    st.builds(
        lambda d: f"a Progress flies on {d.isoformat()}",
        st.dates(dt.date(2024, 1, 1), dt.date(2037, 1, 1)),
    ),
    st.builds(lambda v: f"water recovery {v}%", st.integers(-10, 110)),
    st.builds(lambda n: f"a crew of {n} instead of 7", st.integers(-2, 20)),
    st.builds(
        lambda who, n: f"{who} comes home {n} weeks early",
        st.sampled_from(["crew-13", "the soyuz crew", "crew-12", "ng-25"]),
        st.integers(0, 80),
    ),
    st.builds(
        lambda rocket, pad: f"a {rocket} blows up on {pad}",
        st.sampled_from(["falcon 9", "soyuz rocket", "h3", "atlas v"]),
        st.sampled_from(["slc-40", "site 31", "pad 31", "the cape", "the moon"]),
    ),
    st.just("nobody reboosts the station"),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_EDIT, min_size=1, max_size=22))
def test_any_edit_list_gives_a_reply_within_limits(ctx: Context, edits: list[str]) -> None:
    _within_limits(ask(ctx, "what if " + " and ".join(edits), TODAY))


_WORDS = st.sampled_from(
    "crs-35 ms-36 progress dragon the next soyuz pad baikonur slips is lost grounded down for "
    "until 3 months a year 10^9 1e3 nan minus crew of 4 no cargo water recovery 150% and , ? "
    "explodes never flies moves up to March 2027 another like 31/6 did wrecked the moon falls "
    "imagine suppose then what details six weeks half falcon 9 blows up on slc-40 site 31 "
    "crew 13 had to bail early like crew 11 instead of 7 nobody reboosts".split()
)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(["what if", "wat if", "suppose", "imagine", "what happens if"]),
    st.lists(_WORDS, max_size=12),
)
def test_a_what_if_is_answered_or_refused_with_a_runnable_alternative(
    ctx: Context, lead: str, words: list[str]
) -> None:
    text = " ".join([lead, *words])
    if not is_whatif(clean(text)):
        assert lead == "what happens if"  # a softer lead with no change: a question
        return
    r = answer(ctx, text, TODAY)
    assert r.kind in ("whatif", "error", "suggestions"), r.plain()
    if r.kind != "whatif":
        assert r.suggestions, r.plain()
        runs = [answer(ctx, s.query, TODAY).kind for s in r.suggestions if not s.record_id]
        runs += [answer(ctx, s.query, TODAY).kind for s in r.suggestions if s.record_id]
        assert "whatif" in runs, (text, [s.query for s in r.suggestions])


def test_replies_name_numbers_in_plain_words(ctx: Context) -> None:
    r = ask(ctx, "what if progress ms-36 slips 6 months", TODAY)
    assert not re.search(r"\b\d+ d\b", r.plain())


def test_a_choice_replaces_the_unknown_part_as_a_whole_word(ctx: Context) -> None:
    r = answer(ctx, "wat if lost a", TODAY)
    assert r.suggestions, r.plain()
    assert all(s.query.startswith("wat if lost ") for s in r.suggestions), r.suggestions
