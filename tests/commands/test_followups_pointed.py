"""Follow-ups pointing at a record the last answer named: "that pad", "those guys", "there"."""

from __future__ import annotations

from commands.context import Context
from commands.reply import Reply
from tests.commands.conftest import ask


def about(reply: Reply, rid: str) -> bool:
    """Whether the reply is about the record (itself, or a topic about it first)."""
    return reply.kind == "answer" and rid in reply.entities[:2]


def test_that_pad_is_the_pad_the_last_answer_named(ctx: Context) -> None:
    for turns in (
        ("what rocket does progress use", "where does it launch from", "is that pad working now"),
        ("which rocket carries progress?", "is this launch site active"),
        ("what pad did progress ms-33 use", "is that pad up and running"),
    ):
        reply = ask(ctx, *turns)
        assert about(reply, "baikonur-site-31"), (turns, reply.plain())


def test_that_pad_after_two_pads_named_is_the_first(ctx: Context) -> None:
    for turns in (
        ("where does cygnus launch from", "is that pad active"),
        ("what pad does cygnus fly from", "is that site still in use?"),
    ):
        reply = ask(ctx, *turns)
        assert about(reply, "slc-40"), (turns, reply.plain())


def test_from_there_is_the_place_named(ctx: Context) -> None:
    for turns, pad in (
        (("where does cygnus launch from", "what else launches from there"), "slc-40"),
        (("tell me about site 31", "what flies out of there next"), "baikonur-site-31"),
        (("what pad did crs-34 use", "when was the last launch from there?"), "slc-40"),
    ):
        reply = ask(ctx, *turns)
        assert about(reply, pad), (turns, reply.plain())


def test_that_rocket_is_the_named_rocket_whatever_topic_its_words_fit(ctx: Context) -> None:
    for turns, rocket in (
        (("when does crs-35 launch", "which rocket?", "has that rocket ever failed"), "falcon-9"),
        (("what rocket does soyuz ms-29 ride", "is that rocket still in service"), "soyuz-2-1a"),
        (("crs-33", "did this booster fail before?"), "falcon-9"),
    ):
        reply = ask(ctx, *turns)
        assert about(reply, rocket), (turns, reply.plain())


def test_those_guys_and_that_company_are_the_organization_named(ctx: Context) -> None:
    for turns, org in (
        (("who operates cygnus", "where are those guys based"), "northrop-grumman"),
        (("who operates cygnus", "what else does that company build"), "northrop-grumman"),
        (("who builds progress", "what else do those guys make"), "rsc-energia"),
    ):
        reply = ask(ctx, *turns)
        assert about(reply, org), (turns, reply.plain())


def test_pointing_with_nothing_earlier_asks(ctx: Context) -> None:
    for text in (
        "is that pad working now",
        "where are those guys based",
        "is that site still in use",
        "what else does that company build",
    ):
        reply = ask(ctx, text)
        assert reply.kind == "suggestions", (text, reply.plain())


def test_pointing_on_its_own_at_what_a_topic_covers_is_that_topic(ctx: Context) -> None:
    for text in ("why did that pad get damaged", "who fixed that launch pad"):
        reply = ask(ctx, text)
        assert reply.kind == "answer", (text, reply.plain())
        assert "baikonur-site-31" in reply.entities, (text, reply.plain())


def test_pointing_in_a_conversation_beats_the_topic(ctx: Context) -> None:
    for turns, rid in (
        (("where does cygnus launch from", "why did that pad get damaged?"), "slc-40"),
        (("when does crs-35 launch", "has that rocket ever failed"), "falcon-9"),
    ):
        reply = ask(ctx, *turns)
        assert about(reply, rid), (turns, reply.plain())
