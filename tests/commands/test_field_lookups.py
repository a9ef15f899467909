"""Look-ups of a field the base holds: a docking port claimed, a landing's place, a stay
attached to the station, a vehicle's pad asked as "go up from", a seat price of a flight."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer

NOW = dt.date(2026, 12, 1)


def first(ctx: Context, text: str) -> str:
    reply = answer(ctx, text, NOW)
    assert reply.kind == "answer", reply.plain()
    return reply.text.split("\n")[0]


def test_a_port_named_in_a_yes_no_is_checked_against_the_docking_text(ctx: Context) -> None:
    said = first(ctx, "was soyuz ms-29 docked to prichal")
    assert said.startswith("Yes.")
    assert "nadir port of Prichal" in said
    said = first(ctx, "did progress ms-32 berth at poisk")
    assert said.startswith("No.")
    assert "aft port of Zvezda" in said
    assert "not to Poisk" in said


def test_a_port_no_text_records_is_not_known(ctx: Context) -> None:
    said = first(ctx, "did crs-33 dock to harmony")
    assert said.startswith("Not known")
    assert "do not say which port" in said


def test_where_a_ship_came_down_leads_with_the_place_and_the_day(ctx: Context) -> None:
    said = first(ctx, "crs 34 splashdown, when and where?")
    assert "off California" in said
    assert "17 June 2026" in said
    assert "off Oceanside, California" in first(ctx, "where did crs-32 splash down")


def test_days_attached_to_the_station_is_the_stay_derived(ctx: Context) -> None:
    said = first(ctx, "how many days was ng 24 berthed at the iss")
    assert "179 days" in said
    assert "derived" in said
    assert "13 April 2026" in said


def test_a_vehicles_pad_asked_go_up_from_is_its_pad_not_its_schedule(ctx: Context) -> None:
    said = first(ctx, "what pad does soyuz go up from nowadays")
    assert said.startswith("Soyuz MS launches from Baikonur Site 31/6")


def test_a_seat_price_of_the_last_flight_is_its_vehicles(ctx: Context) -> None:
    said = first(ctx, "how much did a seat on the latest soyuz cost nasa")
    assert said.startswith("Soyuz MS costs ~$86 million")
    assert "itself" in said
