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


def test_before_a_named_flight_is_the_persons_flight_before_it(ctx: Context) -> None:
    for turns in (
        ("tell me about andrey fedyaev", "what did he do before crew-12"),
        ("who flew on crew-12", "the russian one?", "what was he doing before crew-12?"),
        ("who replaced oleg artemyev", "had he flown before crew 12"),
    ):
        reply = ask(ctx, *turns)
        assert reply.entities[:1] == ("andrey-fedyaev",), (turns, reply.plain())
        assert "Crew-6" in reply.text.split("\n\n")[0], (turns, reply.plain())


def test_before_a_persons_first_recorded_flight_says_none_is_listed(ctx: Context) -> None:
    for turns in (
        ("who is andrey fedyaev", "what did he do before crew-6"),
        ("andrey fedyaev", "had he flown before crew-6?"),
    ):
        reply = ask(ctx, *turns)
        assert reply.entities[:1] == ("andrey-fedyaev",), (turns, reply.plain())
        assert "no flight of Andrey Fedyaev before Crew-6" in reply.text, (turns, reply.plain())


def test_a_newcomer_before_the_named_flight_is_no(ctx: Context) -> None:
    for then in ("had he flown before soyuz ms-29?", "did he fly before soyuz ms-29"):
        reply = ask(ctx, "who flew on soyuz ms-29", "which one is american", then)
        assert reply.entities[:1] == ("anil-menon",), (then, reply.plain())
        assert reply.text.startswith("No."), (then, reply.plain())


def test_before_a_named_flight_with_nobody_earlier_asks(ctx: Context) -> None:
    for text in ("what did he do before crew-12", "had she flown before soyuz ms-29?"):
        assert ask(ctx, text).kind == "suggestions", text
