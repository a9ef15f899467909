"""How long a flight took to reach the station: a stated duration or both times of day before
the dates, and which of two flights got there faster."""

from __future__ import annotations

import datetime as dt

import pytest

from commands.context import Context
from commands.durations import transit
from commands.router import answer

NOW = dt.date(2026, 12, 1)


def _lead(ctx: Context, q: str) -> str:
    reply = answer(ctx, q, NOW)
    assert reply.kind == "answer", reply.plain()
    return reply.text.split("\n\n")[0].split("\n")[0]


def test_a_duration_the_arrival_states_wins_over_the_dates(ctx: Context) -> None:
    trip = transit(ctx.kb.missions["crew-13"])
    assert trip is not None
    assert trip.stated
    assert trip.minutes == 7 * 60 + 55


def test_times_of_day_in_their_zones_give_the_trip(ctx: Context) -> None:
    ms29 = transit(ctx.kb.missions["soyuz-ms-29"])
    assert ms29 is not None
    assert ms29.minutes == 185  # 14:47 UTC to 17:52 UTC
    ms30 = transit(ctx.kb.missions["progress-ms-30"])  # Moscow time to EST, across days
    assert ms30 is not None
    assert ms30.minutes == 49 * 60 + 38


def test_no_earlier_than_dates_give_no_trip(ctx: Context) -> None:
    assert transit(ctx.kb.missions["progress-ms-35"]) is None


@pytest.mark.parametrize(
    ("q", "said"),
    [
        ("how long did crew-13 take to dock", "7 hours 55 minutes"),
        ("how long did it take crew 13 to reach the iss", "7 hours 55 minutes"),
        ("how long did soyuz ms-29 take to reach the station", "about 3 hours 5 minutes"),
        ("how fast did soyuz ms-29 get to the station", "about 3 hours 5 minutes"),
    ],
)
def test_the_trip_is_said_in_hours_when_recorded(ctx: Context, q: str, said: str) -> None:
    text = _lead(ctx, q)
    assert said in text, text
    assert "the same day" not in text


@pytest.mark.parametrize(
    "q",
    [
        "which gets there faster, soyuz ms-29 or crew-13",
        "which was quicker to reach the iss, soyuz ms-29 or crew-13",
        "crew-13 vs soyuz ms-29: which docked quicker?",
        "did crew-13 or soyuz ms-29 get to the station faster",
    ],
)
def test_the_faster_of_two_is_named(ctx: Context, q: str) -> None:
    text = _lead(ctx, q)
    assert text.startswith("Soyuz MS-29 got there faster"), text
    assert "7 hours 55 minutes" in text


@pytest.mark.parametrize(
    ("q", "opener"),
    [
        ("did crew-13 get there faster than soyuz ms-29", "No. "),
        ("was soyuz ms-29 quicker to the station than crew-13", "Yes. "),
        ("is crew-13 slower than soyuz ms-29 to reach the iss", "Yes. "),
    ],
)
def test_faster_than_is_a_comparison_not_a_record_claim(ctx: Context, q: str, opener: str) -> None:
    assert _lead(ctx, q).startswith(opener)


def test_trips_dated_to_the_same_day_are_not_ranked(ctx: Context) -> None:
    text = _lead(ctx, "which was faster to the iss, progress ms-33 or progress ms-32")
    assert text.startswith("I can't say which got there faster"), text


@pytest.mark.parametrize(
    "q",
    [
        "how long did progress ms-30 take to reach the station",
        "how long did it take progress ms-30 to dock",
        "progress ms-30 travel time?",
    ],
)
def test_a_trip_over_a_day_is_said_in_days_and_hours(ctx: Context, q: str) -> None:
    text = _lead(ctx, q)
    assert "about 2 days 2 hours" in text, text
    assert "49 hours" not in text, text
