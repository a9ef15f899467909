"""Routine traffic projected from each vehicle's recorded cadence, and the crew that follows the
crew flights."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import statistics

from commands.context import Context, Options
from commands.whatif import ask
from commands.whatif.baseline import prepare
from commands.whatif.crew import crew_levels, level_on
from commands.whatif.model import Delivery
from commands.whatif.projection import CADENCE_WINDOW_DAYS, Cadence, project
from tests.commands.conftest import TODAY
from tests.commands.whatif.helpers import applied, field

D0 = dt.date(2027, 1, 1)


def cadence(interval: int = 100, crew: int = 0) -> Cadence:
    return Cadence("progress-ms", "Progress", interval, {"propellant": 900.0}, crew, None, 4, D0)


def test_projected_flights_follow_the_last_one_at_the_interval() -> None:
    got = project(cadence(), D0, D0 + dt.timedelta(days=350))
    assert [d.date for d in got] == [D0 + dt.timedelta(days=100 * k) for k in (1, 2, 3)]
    assert all(d.projected and d.label == "Progress (projected)" for d in got)
    assert got[0].amounts == {"propellant": 900.0}


def test_a_hold_delays_a_projected_flight_and_the_cadence_resumes_from_its_end() -> None:
    held = [(D0 + dt.timedelta(days=50), D0 + dt.timedelta(days=180))]
    got = project(cadence(), D0, D0 + dt.timedelta(days=400), held)
    assert [(d.date - D0).days for d in got] == [180, 280, 380]


def test_a_lost_projected_flight_leaves_its_slot_empty() -> None:
    got = project(cadence(), D0, D0 + dt.timedelta(days=350), lost=frozenset({1}))
    assert [(d.date - D0).days for d in got] == [200, 300]
    assert [d.key for d in got] == ["projected-progress-ms-2", "projected-progress-ms-3"]


def test_cadences_are_the_median_gap_and_mean_load_of_recent_flights(ctx: Context) -> None:
    prep = prepare(ctx.kb)
    progress = prep.cadence("progress-ms")
    assert progress is not None
    flights = sorted((d for d in prep.recorded if d.vehicle == "progress-ms"), key=lambda d: d.date)
    recent = [d for d in flights if (flights[-1].date - d.date).days <= CADENCE_WINDOW_DAYS]
    days = sorted({d.date for d in recent})
    gaps = [(b - a).days for a, b in itertools.pairwise(days)]
    assert progress.interval == round(statistics.median(gaps))
    assert progress.amounts["propellant"] == statistics.fmean(
        d.amounts["propellant"] for d in recent
    )
    assert progress.last == flights[-1].date
    # Only vehicles still flying are projected; a one-off flight gives no cadence.
    for c in prep.cadences:
        assert ctx.kb.vehicles[c.vehicle].status == "active"
    assert prep.cadence("starliner") is None


def test_the_unchanged_plan_continues_past_the_last_recorded_flights(ctx: Context) -> None:
    prep = prepare(ctx.kb)
    for c in prep.cadences:
        projected = sorted(
            d.date for d in prep.baseline.plan.deliveries if d.projected and d.vehicle == c.vehicle
        )
        assert projected[0] == c.last + dt.timedelta(days=c.interval)
        assert projected[1] - projected[0] == dt.timedelta(days=c.interval)


def test_projection_is_marked_in_the_reply_and_the_chart(ctx: Context) -> None:
    r = ask(ctx, "what if crs-35 slips 3 months", TODAY)
    assert r.kind == "whatif"
    assumed = field(r, "Assumed")
    assert "Projected past the last recorded flights: " in assumed
    assert "Progress" in assumed
    assert "every ~" in assumed
    assert r.chart is not None
    markers = r.chart.payload.deliveries  # type: ignore[attr-defined]
    assert any(m.projected for m in markers)
    assert all(not m.projected for m in markers if m.label.startswith("CRS-35"))


def test_a_setting_turns_projection_off(ctx: Context) -> None:
    off = dataclasses.replace(ctx, options=Options(whatif_projection=False))
    r = ask(off, "what if crs-35 slips 3 months", TODAY)
    assert r.kind == "whatif"
    assert "projection off" in field(r, "Assumed")
    assert not prepare(ctx.kb, projection=False).cadences
    assert not any(d.projected for d in prepare(ctx.kb, False).baseline.plan.deliveries)
    assert r.chart is not None
    assert not any(m.projected for m in r.chart.payload.deliveries)  # type: ignore[attr-defined]


def test_a_slipped_last_flight_pushes_the_routine_traffic_behind_it(ctx: Context) -> None:
    prep = prepare(ctx.kb)
    last = max((d for d in prep.recorded if d.vehicle == "cargo-dragon"), key=lambda d: d.date)
    a = applied(ctx, f"what if {last.label} slips 2 months")
    before = [d.date for d in prep.baseline.plan.deliveries if d.key.startswith("projected-cargo")]
    after = [d.date for d in a.plan.deliveries if d.key.startswith("projected-cargo")]
    moved = next(d.date for d in a.plan.deliveries if d.key == last.key)
    assert after[0] == moved + dt.timedelta(days=prep.cadence("cargo-dragon").interval)  # type: ignore[union-attr]
    assert after[0] > before[0]


def test_a_lost_last_flight_keeps_the_routine_traffic_where_it_was(ctx: Context) -> None:
    prep = prepare(ctx.kb)
    last = max((d for d in prep.recorded if d.vehicle == "cargo-dragon"), key=lambda d: d.date)
    a = applied(ctx, f"what if {last.label} is lost")
    before = [d.date for d in prep.baseline.plan.deliveries if d.key.startswith("projected-cargo")]
    after = [d.date for d in a.plan.deliveries if d.key.startswith("projected-cargo")]
    assert after == before
    assert last.key not in {d.key for d in a.plan.deliveries}


# --- crew ----------------------------------------------------------------------------------


def crew_flight(key: str, day: int, n: int = 3, vehicle: str = "soyuz-ms") -> Delivery:
    return Delivery(key, key, vehicle, None, D0 + dt.timedelta(days=day), {}, key, crew=n)


def test_crews_rotate_with_their_flights() -> None:
    recorded = [(D0, 7)]
    flights = [crew_flight("a", -100), crew_flight("b", 100), crew_flight("c", 300)]
    levels = crew_levels(recorded, flights, {"soyuz-ms": 400}, D0)
    # b replaces a on day 100 and c replaces b on day 300: seven aboard until c's crew, with
    # no relief, leaves after its 400-day limit.
    assert {level_on(levels, D0 + dt.timedelta(days=k)) for k in range(0, 700, 10)} == {7}
    assert level_on(levels, D0 + dt.timedelta(days=700)) == 4


def test_a_slipped_crew_flight_moves_the_crew_change() -> None:
    recorded = [(D0, 7)]
    base = [crew_flight("a", -100), crew_flight("b", 100)]
    slipped = [crew_flight("a", -100), crew_flight("b", 250)]
    levels = crew_levels(recorded, slipped, {"soyuz-ms": 200}, D0, base)
    # a's crew leaves after its 200-day limit (day 100), b arrives on day 250.
    assert level_on(levels, D0 + dt.timedelta(days=99)) == 7
    assert level_on(levels, D0 + dt.timedelta(days=150)) == 4
    assert level_on(levels, D0 + dt.timedelta(days=250)) == 7


def test_a_crew_flight_moved_before_the_last_recorded_level_counts_too() -> None:
    start = D0 - dt.timedelta(days=300)
    recorded = [(start, 7), (D0, 7)]  # the station record, up to D0
    base = [crew_flight("a", -250, 4, "crew-dragon"), crew_flight("b", -50, 4, "crew-dragon")]
    slipped = [crew_flight("a", -250, 4, "crew-dragon"), crew_flight("b", 10, 4, "crew-dragon")]
    levels = crew_levels(recorded, slipped, {"crew-dragon": 200}, start, base)
    # a's crew must leave on day -50 (its limit); b now comes on day 10.
    assert level_on(levels, D0 - dt.timedelta(days=60)) == 7
    assert level_on(levels, D0 - dt.timedelta(days=20)) == 3
    assert level_on(levels, D0 + dt.timedelta(days=20)) == 7


def test_losing_a_crew_flight_leaves_the_station_short(ctx: Context) -> None:
    prep = prepare(ctx.kb)
    soyuz = [
        d
        for d in prep.recorded
        if d.vehicle == "soyuz-ms"
        and d.mission is not None
        and ctx.kb.missions[d.mission].status == "planned"
    ]
    if not soyuz:
        return
    r = ask(ctx, f"what if {soyuz[0].label} is lost", TODAY)
    assert r.kind == "whatif", r.plain()
    assert "the crew is 4 instead of 7" in r.text
