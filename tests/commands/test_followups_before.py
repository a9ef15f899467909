"""Follow-ups asking what a person did before the flight just discussed."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def test_what_he_did_before_is_his_earlier_flight(ctx: Context) -> None:
    for turns in (
        ("who replaced oleg artemyev", "what did he do before that"),
        ("who is andrey fedyaev", "what was he up to before that?"),
        ("crew-12 crew", "and the russian?", "what had he done before"),
    ):
        reply = ask(ctx, *turns)
        assert reply.entities[:1] == ("andrey-fedyaev",), (turns, reply.plain())
        assert "Crew-6" in reply.text.split("\n\n")[0], (turns, reply.plain())


def test_nothing_recorded_before_is_said_plainly_not_the_card(ctx: Context) -> None:
    for turns in (
        ("who commanded soyuz ms-28", "what did he do before that"),
        ("who commanded soyuz ms-28", "what was he doing before this mission?"),
        ("soyuz ms-28 commander", "anything he did before?"),
    ):
        reply = ask(ctx, *turns)
        assert reply.entities[:1] == ("sergey-kud-sverchkov",), (turns, reply.plain())
        assert "flew before Soyuz MS-28 is not recorded" in reply.text, (turns, reply.plain())


def test_before_with_nobody_earlier_asks(ctx: Context) -> None:
    for text in ("what did he do before that", "what was she doing before?"):
        reply = ask(ctx, text)
        assert reply.kind == "suggestions", (text, reply.plain())
