""" "There" after a flight is the station: getting there is arriving, up there is in space."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def lead(text: str) -> str:
    return text.split("\n\n")[0]


def test_when_it_got_there_is_its_arrival(ctx: Context) -> None:
    for turns, said in (
        (("tell me about htv-x1", "when did it get there"), "berthed on 30 October 2025"),
        (("when did ng-23 launch", "and when did it get there?"), "berthed on 18 September 2025"),
        (("when did soyuz ms-29 launch", "when did they make it up there"), "docked on 14 July"),
        (("when did crew-12 get there",), "docked on 14 February 2026"),
    ):
        first = lead(ask(ctx, *turns).text)
        assert said in first, (turns, first)


def test_how_long_it_took_to_get_there_is_still_the_trip(ctx: Context) -> None:
    for text in (
        "how long did it take htv-x1 to get there",
        "how long did htv-x1 take to get up there",
    ):
        first = lead(ask(ctx, text).text)
        assert "took 4 days" in first, (text, first)


def test_how_long_up_there_is_the_time_in_space(ctx: Context) -> None:
    for turns in (
        ("how long was crew-11 up there",),
        ("when did crew-11 launch", "how long were they up there?"),
        ("who flew on crew-11", "how long was it up there"),
    ):
        first = lead(ask(ctx, *turns).text)
        assert "167 days" in first, (turns, first)
