"""A date asked of something a topic names by its title or an alias (the station's end of
life), and not of another record that shares a word."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import answer_to


def test_the_station_end_of_life_is_found_by_its_aliases(ctx: Context) -> None:
    for text in (
        "when will nasa retire the space station",
        "whens the iss decommissioning happening",
        "when is the iss going to be shut down",
        "what year does the station get yeeted",
        "when is the iss being retired for real",
    ):
        reply = answer_to(ctx, text)
        assert reply.title == "ISS end of life and deorbit", (text, reply.plain())
        assert "end of 2030" in reply.text


def test_a_retired_rocket_stays_its_own(ctx: Context) -> None:
    reply = answer_to(ctx, "when did the antares rocket retire")
    assert "Antares" in reply.text
    assert "2030" not in reply.text
