"""A length asked of a state goes to the topic timing it; a count of what no text speaks of is
not known, never a topic about something else."""

from __future__ import annotations

from commands.context import Context
from commands.router import answer
from tests.commands.conftest import TODAY, lead


def test_how_long_a_repair_took_is_the_topic_timing_it(ctx: Context) -> None:
    for text in (
        "how long did site 31 repairs take",
        "how long was site 31/6 under repair",
        "how long did it take to repair the soyuz pad",
    ):
        first = lead(ctx, text)
        assert first.startswith("The Site 31/6 repair took about three months"), (text, first)


def test_a_count_no_text_speaks_of_is_not_known(ctx: Context) -> None:
    for text in (
        "how many people died in the site 31 accident",
        "how many casualties were there at site 31",
        "how many workers died at baikonur site 31/6",
    ):
        first = lead(ctx, text)
        assert first.startswith("Not known"), (text, first)


def test_a_count_a_text_speaks_of_is_still_answered(ctx: Context) -> None:
    first = lead(ctx, "how many launches has site 31 had")
    assert "500 launches" in first, first


def test_an_altitude_no_record_holds_is_not_known_with_what_is(ctx: Context) -> None:
    for text in (
        "what altitude does the iss orbit at",
        "at what altitude is the iss orbit",
        "iss orbit altitude?",
    ):
        reply = answer(ctx, text, TODAY)
        assert reply.text.startswith("Not known"), (text, reply.text)
        assert "70–100 m of altitude a day" in reply.text, (text, reply.text)
