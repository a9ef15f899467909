"""Follow-ups picking one of the last answer's records by country: "who's the russian one"."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def test_the_one_of_a_country_is_that_crew_member(ctx: Context) -> None:
    for turns, person in (
        (("who flew on crew-12", "who's the russian one"), "andrey-fedyaev"),
        (("who flew on crew-12", "which one is russian"), "andrey-fedyaev"),
        (("soyuz ms-29 crew", "who is the american one"), "anil-menon"),
        (
            ("who was on soyuz ms-28", "the american one, when did he get back"),
            "christopher-williams",
        ),
    ):
        reply = ask(ctx, *turns)
        assert reply.entities[:1] == (person,), (turns, reply.plain())
        assert "Not known" not in reply.text, (turns, reply.plain())


def test_a_picked_person_stays_the_subject(ctx: Context) -> None:
    reply = ask(ctx, "who flew on crew-12", "who's the russian one", "has he flown before?")
    assert reply.entities[:1] == ("andrey-fedyaev",), reply.plain()
    assert "Crew-6" in reply.text, reply.plain()


def test_which_one_picks_among_the_records_compared(ctx: Context) -> None:
    for turns, rid in (
        (("compare progress and cygnus", "which one is russian"), "progress-ms"),
        (("compare cygnus and progress", "which of them is american?"), "cygnus"),
    ):
        reply = ask(ctx, *turns)
        assert reply.entities[:1] == (rid,), (turns, reply.plain())


def test_picking_with_nothing_earlier_asks(ctx: Context) -> None:
    for text in ("who's the russian one", "which one is american?"):
        reply = ask(ctx, text)
        assert reply.kind == "suggestions", (text, reply.plain())


def test_a_pick_the_last_answer_cannot_give_asks_naming_it(ctx: Context) -> None:
    for turns in (
        ("soyuz ms-27", "what about the american"),
        ("tell me about soyuz ms-27", "and the russian guy?"),
    ):
        reply = ask(ctx, *turns)
        assert reply.kind == "suggestions", (turns, reply.plain())
        assert "Soyuz MS-27" in reply.text, (turns, reply.plain())
        assert "don't have an earlier subject" not in reply.text, (turns, reply.plain())
