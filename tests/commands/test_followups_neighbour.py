"""Follow-ups asking for the flight before or after the remembered one in its series."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def test_the_one_before_or_after_is_the_series_neighbour(ctx: Context) -> None:
    for turns, flight in (
        (("progress ms-33", "the one after it?"), "progress-ms-34"),
        (("tell me about progress ms-33", "and the flight before that"), "progress-ms-32"),
        (("crs-34", "what did it carry", "and the one before it"), "crs-33"),
        (("when did crew-12 launch", "what about the previous one"), "crew-11"),
        (("htv-x1", "when did the one after it launch"), "htv-x2"),
        (("soyuz ms-28", "the mission before this one?"), "soyuz-ms-27"),
    ):
        reply = ask(ctx, *turns)
        assert reply.entities[:1] == (flight,), (turns, reply.plain())


def test_a_bare_neighbour_keeps_the_question_asked(ctx: Context) -> None:
    for turns, said in (
        (("crs-34", "what did it carry", "and the one before it?"), "carried"),
        (("when did progress ms-34 launch", "and the one after it?"), "launched"),
        (("what pad did crew-12 use", "the one before it?"), "Kennedy LC-39A"),
    ):
        reply = ask(ctx, *turns)
        assert said in reply.text.split("\n\n")[0], (turns, reply.plain())


def test_a_neighbour_the_base_lacks_is_said_to_be_missing(ctx: Context) -> None:
    for turns, flight in (
        (("when does crs-35 launch", "and the flight after that?"), "crs-35"),
        (("crew-11", "the one before that"), "crew-11"),
        (("progress ms-28", "what about the one before it"), "progress-ms-28"),
    ):
        reply = ask(ctx, *turns)
        assert reply.entities[:1] == (flight,), (turns, reply.plain())
        assert "is not in the fact base" in reply.text, (turns, reply.plain())


def test_a_neighbour_with_nothing_earlier_asks(ctx: Context) -> None:
    for text in ("the one before it?", "and the previous one", "what about the flight after that"):
        reply = ask(ctx, text)
        assert reply.kind == "suggestions", (text, reply.plain())
