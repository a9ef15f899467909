""" "After X, what's the next <kind>": the first ISS flight of that kind, any vehicle, dated
after X (a plan whose window passed said as passed); a vehicle named anywhere keeps to it."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer

DECEMBER = dt.date(2026, 12, 1)


def _lead(ctx: Context, text: str) -> str:
    reply = answer(ctx, text, DECEMBER)
    assert reply.kind == "answer", reply.plain()
    return reply.text.split("\n")[0]


def test_after_a_flight_the_next_of_a_kind_is_any_vehicle(ctx: Context) -> None:
    for text in (
        "once crew-13 is up, what's the next crewed flight?",
        "after crew 13 when is the next crew mission",
    ):
        said = _lead(ctx, text)
        assert said.startswith("The first crew flight on record after Crew-13 is Ax-5"), said
    reply = answer(ctx, "following crew-13, whats the next crew flight", DECEMBER)
    assert "Soyuz MS-30" in reply.text, reply.plain()


def test_the_flight_name_is_no_kind_word(ctx: Context) -> None:
    # "crew-13" holds "crew": with no kind asked, the flight's own vehicle is the one asked
    said = _lead(ctx, "after crew-13 what's next")
    assert "Crew Dragon flight on record after Crew-13" in said, said


def test_a_vehicle_named_after_the_flight_is_the_one_asked(ctx: Context) -> None:
    said = _lead(ctx, "after ng-24 when's the next progress")
    assert said.startswith("The first Progress MS flight on record after NG-24"), said


def test_a_passed_plan_after_a_flight_is_said_as_passed(ctx: Context) -> None:
    reply = answer(ctx, "after progress ms-35 whats the next russian cargo flight", DECEMBER)
    assert "Progress MS-36" in reply.text, reply.plain()
    assert "was planned for November 2026" in reply.text, reply.plain()
    assert "not known whether it flew" in reply.text, reply.plain()
