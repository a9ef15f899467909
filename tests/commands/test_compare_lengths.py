"""Two flights weighed by length: "who was up longer" weighs the flights, not who flew; a
flight still up is longer only once its days so far pass the other's; a planned stay is no
flight's length."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.durations import flight_duration
from tests.commands.conftest import lead


def test_who_was_up_longer_weighs_the_flights(ctx: Context) -> None:
    text = lead(ctx, "who stayed up longer: crew-11 or the soyuz ms-27 crew")
    assert text.startswith("Soyuz MS-27 was the longer flight: 245 days"), text
    assert "Crew-11's 167 days" in text, text
    assert "carried" not in text.split("\n")[0], text


def test_a_flight_still_up_is_not_known_yet(ctx: Context) -> None:
    text = lead(ctx, "which crew spent longer up there, soyuz ms-29's or crew-12's")
    assert text.startswith("Not known yet which flight is longer: Soyuz MS-29 is still up"), text
    assert "Crew-12's 237 days" in text, text


def test_a_planned_stay_is_no_flight_length(ctx: Context) -> None:
    d = flight_duration(ctx.kb.missions["soyuz-ms-29"], dt.date(2026, 10, 10))
    assert d is not None, d
    assert d.ongoing, d
