"""Follow-ups whose "it" is the record the last answer gave as its value (the pad of "what
pad"), when the follow-up's words fit that record and not the question's subject; and years
counted from today ("last year")."""

from __future__ import annotations

import datetime as dt

from commands.context import Context
from commands.understand.vocabulary import dated_years
from tests.commands.conftest import ask


def test_it_is_the_answered_pad_when_the_words_fit_a_pad(ctx: Context) -> None:
    for turns in (
        ("which pad do soyuz ships use", "was it damaged?"),
        ("where does progress fly from", "is it up and running again"),
        ("what site does progress ms-33 launch from", "is it operational rn"),
    ):
        reply = ask(ctx, *turns)
        assert reply.kind == "answer", (turns, reply.plain())
        assert reply.entities[0] == "baikonur-site-31", (turns, reply.plain())


def test_what_happened_to_the_pad_in_a_year_counted_from_today(ctx: Context) -> None:
    reply = ask(ctx, "which launch pad does progress use", "what happened to it the previous year")
    assert "baikonur-site-31" in reply.entities[:2], reply.plain()
    assert "27 November 2025" in reply.text, reply.plain()


def test_it_stays_on_the_subject_when_the_words_fit_it(ctx: Context) -> None:
    for turns, rid in (
        (("what pad does progress ms-33 launch from", "when did it dock"), "progress-ms-33"),
        (("which pad does cygnus use", "how much cargo does it carry"), "cygnus"),
        (("when did ng-24 launch", "what happened to it"), "ng-24"),
    ):
        reply = ask(ctx, *turns)
        assert reply.entities[0] == rid, (turns, reply.plain())


def test_a_rocket_answered_is_it_when_the_words_fit_a_rocket(ctx: Context) -> None:
    reply = ask(ctx, "what rocket does soyuz ms-29 ride", "has it been grounded")
    assert reply.entities[0] == "soyuz-2-1a", reply.plain()


def test_years_counted_from_today_are_written_as_years() -> None:
    year = dt.date(2026, 12, 1).year
    assert dated_years("what happened last year", year) == "what happened in 2025"
    assert dated_years("any flights since last year", year) == "any flights since 2025"
    assert dated_years("launches this year?", year) == "launches in 2026?"
    assert dated_years("over the past year", year) == "over the past year"


def test_it_after_a_next_flight_answer_is_that_flight(ctx: Context) -> None:
    reply = ask(ctx, "whens the next soyuz going up", "who's on board it?")
    assert reply.entities[0] == "soyuz-ms-30", reply.plain()


def test_what_a_ship_can_do_stays_on_the_ship(ctx: Context) -> None:
    reply = ask(ctx, "next cygnus launch?", "how much cargo can it hold")
    assert reply.entities[0] == "cygnus", reply.plain()


def test_a_pad_named_by_its_one_vehicle_is_the_pad(ctx: Context) -> None:
    for text in ("has the soyuz launch pad been repaired?", "is progress's pad working again"):
        reply = ask(ctx, text)
        assert reply.entities[0] == "baikonur-site-31", (text, reply.plain())
