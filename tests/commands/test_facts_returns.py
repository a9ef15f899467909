"""Asked when a flight or a family's crew comes home: the return of the flight at the station,
from a recorded planned length (derived, marked) when no return is recorded; never its launch."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.router import answer

DECEMBER = dt.date(2026, 12, 1)


def _lead(ctx: Context, q: str) -> str:
    return answer(ctx, q, DECEMBER).text.split("\n")[0]


def test_due_back_asks_the_return_not_the_launch(ctx: Context) -> None:
    text = _lead(ctx, "soyuz ms-29 due home when?")
    assert "return in spring 2027" in text
    assert not text.startswith("Soyuz MS-29 launched")


def test_a_planned_length_gives_a_derived_return(ctx: Context) -> None:
    text = _lead(ctx, "when is crew-13 due back down")
    assert "No return of Crew-13 is recorded as of 10 October 2026" in text
    assert "around March 2027 (derived from the planned length" in text


def test_a_family_crew_coming_home_is_the_flight_up_there(ctx: Context) -> None:
    text = _lead(ctx, "when are the soyuz cosmonauts getting back home")
    assert "Soyuz MS-29" in text
    assert "Soyuz MS-30" not in text  # the next launch is no return


def test_a_net_launch_is_said_as_no_earlier_than(ctx: Context) -> None:
    text = _lead(ctx, "when will progress ms-35 come back")
    assert "NET" not in text


def test_htv_alone_is_the_htv_x_family(ctx: Context) -> None:
    reply = answer(ctx, "next htv launch?", DECEMBER)
    assert "htv-x" in reply.entities or "htv-x2" in reply.entities
    assert "HTV-X2" in reply.plain()
    assert "planned dates that have passed" in reply.plain().lower() or "was planned" in (
        reply.plain()
    )
