"""A person's flight count: a count their own text states wins over the tracked flights."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask, lead


def test_stated_count_beyond_tracked_flights(ctx: Context) -> None:
    text = lead(ctx, "how many flights has jessica meir flown")
    assert "at least 2 spaceflights" in text, text
    assert "second spaceflight" in text, text  # the sentence that says so, quoted
    assert "tracks 1 of them: Crew-12" in text, text


def test_stated_count_after_a_who_question(ctx: Context) -> None:
    reply = ask(ctx, "who was crew-12's commander", "how many missions has she been on?")
    assert "at least 2 spaceflights" in reply.text, reply.text


def test_tracked_flights_when_no_larger_count_is_stated(ctx: Context) -> None:
    text = lead(ctx, "how many flights has Andrey Fedyaev made")
    assert "recorded missions: Crew-6" in text, text  # "second flight on Crew Dragon" narrows
    text = lead(ctx, "how many missions has Jack Hathaway flown")
    assert "at least" not in text, text
