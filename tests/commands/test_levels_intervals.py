"""Crew aboard over a period, what crossing a reserve line means, and room inside compared."""

from __future__ import annotations

from commands.context import Context
from commands.conversation import Conversation
from commands.router import answer
from tests.commands.conftest import TODAY, lead


def test_people_aboard_between_one_flight_leaving_and_another_arriving(ctx: Context) -> None:
    text = lead(ctx, "how many crew were on the iss between crew-11 departing and crew-12 docking")
    assert text.startswith("3 people were aboard the International Space Station"), text
    assert "15 January 2026 to 14 February 2026" in text
    assert "derived" in text


def test_people_aboard_in_a_month(ctx: Context) -> None:
    text = lead(ctx, "how many astronauts were aboard the station in april 2026")
    assert text.startswith("7 people were aboard the International Space Station in April 2026")
    text = lead(ctx, "how many crew were on the iss during january 2026")
    assert "3 from 15 January 2026" in text, text
    assert "7 from 10 December 2025" in text, text


def test_stock_under_a_reserve_line_answers_from_the_rule(ctx: Context) -> None:
    conv = Conversation()
    answer(ctx, "what are the iss supply reserve rules", TODAY, conv)
    reply = answer(ctx, "what if the stores fall below 25 days", TODAY, conv)
    assert reply.title == "Below the reserve line", reply.plain()
    assert "the crew leaves" in reply.text
    assert "can't simulate" in reply.text
    reply = answer(ctx, "what if supplies dip under 40 days", TODAY)
    assert "an evacuation is planned" in reply.text.split("(")[0], reply.text


def test_room_inside_compares_volumes_never_mass(ctx: Context) -> None:
    text = lead(ctx, "which is roomier, crew dragon or soyuz")
    assert text.startswith("Soyuz MS has more pressurized volume, 10.5 m3"), text
    text = lead(ctx, "cygnus vs htv-x: which one has more space inside?")
    assert "kg" not in text, text
    assert "No pressurized volume is recorded for HTV-X" in text, text
