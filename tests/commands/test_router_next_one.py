"""Schedule slang with nothing earlier: "the next one going up" and "the next russian cargo"
are the schedule's next flights, not a follow-up or a topic."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def test_the_next_one_with_no_conversation_is_the_next_flight(ctx: Context) -> None:
    reply = ask(ctx, "so when is the next one heading up?")
    assert reply.kind == "answer", reply.plain()
    assert reply.title.startswith("Next flight")


def test_a_bare_pronoun_with_no_conversation_still_asks_what_is_meant(ctx: Context) -> None:
    assert ask(ctx, "when does it go up").kind == "suggestions"


def test_the_next_cargo_of_a_country_is_its_next_cargo_flight(ctx: Context) -> None:
    reply = ask(ctx, "when's the next russian cargo coming")
    assert reply.kind == "answer", reply.plain()
    assert "progress-ms-36" in reply.entities or "Progress MS-36" in reply.text
