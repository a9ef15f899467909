"""Past-tense status questions ("was it ever damaged") are read against the record's history."""

from __future__ import annotations

from commands.context import Context
from commands.reply import Reply
from tests.commands.conftest import ask


def lead(reply: Reply) -> str:
    return reply.text.split("\n\n")[1] if "\n\n" in reply.text else reply.text


def test_a_pad_damaged_once_was_damaged_after_it_is_named(ctx: Context) -> None:
    for then in (
        "was that site damaged",
        "was the pad ever damaged?",
        "has that pad ever been damaged",
        "did that launch site get damaged",
    ):
        reply = ask(ctx, "which pad did soyuz ms-28 launch from", then)
        first = lead(reply)
        assert reply.entities[0] == "baikonur-site-31", (then, reply.entities)
        assert first.startswith("Yes."), (then, first)
        assert "27 November 2025" in first, (then, first)
        assert "active since" in first, (then, first)


def test_it_after_the_pad_is_the_pad(ctx: Context) -> None:
    for then in ("was it ever damaged", "was it damaged?", "did it ever get damaged"):
        reply = ask(ctx, "where did soyuz ms-28 launch from", "is that pad working", then)
        assert reply.entities[0] == "baikonur-site-31", (then, reply.entities)
        assert lead(reply).startswith("Yes."), (then, reply.text)


def test_a_past_status_asked_on_its_own_reads_the_history(ctx: Context) -> None:
    for text in (
        "was site 31 ever damaged",
        "has baikonur site 31/6 ever been damaged?",
        "did site 31/6 get damaged",
    ):
        first = lead(ask(ctx, text))
        assert first.startswith("Yes."), (text, first)
        assert "27 November 2025" in first, (text, first)


def test_a_past_grounding_or_failure_is_a_yes(ctx: Context) -> None:
    for text, when in (("was soyuz ms ever grounded", "2025"), ("was h3 ever grounded", "2023")):
        first = lead(ask(ctx, text))
        assert first.startswith("Yes."), (text, first)
        assert when in first, (text, first)


def test_the_present_tense_and_still_ask_about_now(ctx: Context) -> None:
    for text in ("is site 31 damaged", "was site 31/6 still damaged", "is site 31 damaged now"):
        first = lead(ask(ctx, text))
        assert first.startswith("No."), (text, first)
        assert "active since" in first, (text, first)


def test_a_pad_never_recorded_damaged_is_still_no(ctx: Context) -> None:
    for text in ("was slc-40 ever damaged", "was cape canaveral slc-40 damaged"):
        first = lead(ask(ctx, text))
        assert first.startswith("No."), (text, first)
