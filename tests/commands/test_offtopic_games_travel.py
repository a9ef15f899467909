"""Video games and eating, sleeping or travelling near a place are off-base: a plain decline,
never a pad's "did you mean" or the station's card."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.conversation import Conversation
from commands.reply import Reply
from commands.router import answer

NOW = dt.date(2026, 12, 1)


def ask(ctx: Context, text: str) -> Reply:
    return answer(ctx, text, NOW, Conversation())


def test_space_games_are_declined(ctx: Context) -> None:
    for text in (
        "when does ksp 2 get its next patch",
        "how do i dock two ships in kerbal",
        "space station 13 best job for beginners?",
        "is no man's sky worth playing in 2026",
        "elite dangerous: how do i land on a station",
    ):
        reply = ask(ctx, text)
        assert reply.title == "Not something I track", (text, reply.plain())
        assert "video games" in reply.text, text
        assert "What I do know" not in reply.text, text


def test_food_and_hotels_near_a_known_place_are_declined(ctx: Context) -> None:
    for text in (
        "good burgers around cape canaveral?",
        "cheapest motels close to baikonur cosmodrome",
        "where can we eat near wallops",
        "any restaurants at the cape",
    ):
        reply = ask(ctx, text)
        assert reply.title == "Not something I track", (text, reply.plain())
        assert "restaurants, hotels, travel" in reply.text, text
        assert "What I do know" not in reply.text, text
        assert not reply.suggestions, text


def test_food_aboard_stays_on_topic(ctx: Context) -> None:
    for text in (
        "how much food does a cygnus bring",
        "what do astronauts eat for dinner on the iss",
    ):
        reply = ask(ctx, text)
        assert reply.title != "Not something I track", (text, reply.plain())
