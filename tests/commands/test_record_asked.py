"""A record named and asked one of its attributes answers, before a topic sharing a word:
departures ("left yet", "still parked"), slang status words, claims in other words."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import answer_to, lead


def test_left_yet_asks_the_departure_not_the_launch(ctx: Context) -> None:
    for text, said in (
        ("has CRS-33 left yet", "CRS-33 undocked on 26 February 2026"),
        ("has ng-24 gone yet", "NG-24 undocked on 9 October 2026"),
        ("ng24 cygnus departed yet or still berthed at unity", "left the station on 9 October"),
        ("is cygnus ng-23 still parked at the station", "No. NG-23 left the station"),
        ("has crs-34 undocked already", "CRS-34 undocked on 16 June 2026"),
    ):
        first = lead(ctx, text)
        assert said in first, (text, first)
        # the first sentence after any Yes/No opener ("departed yet or still berthed" offers
        # two alternatives, so it has none) is the departure, not the launch
        said_first = first.removeprefix("Yes. ").removeprefix("No. ").split(". ")[0]
        assert "launched" not in said_first, (text, first)


def test_launched_yet_still_asks_the_launch(ctx: Context) -> None:
    first = lead(ctx, "did ng-24 launch yet")
    assert first.startswith("Yes. NG-24 launched on 11 April 2026"), first


def test_a_slang_status_word_about_a_flight_is_its_status(ctx: Context) -> None:
    for text, rid in (
        ("is soyuz ms-28 cooked", "soyuz-ms-28"),
        ("is progress ms-33 toast", "progress-ms-33"),
    ):
        reply = answer_to(ctx, text)
        assert reply.entities[:1] == (rid,), (text, reply.title)


def test_a_slang_word_about_a_programme_keeps_its_topic(ctx: Context) -> None:
    for text in ("is soyuz cooked", "is soyuz in trouble"):
        assert answer_to(ctx, text).title == "Why the Soyuz programme is in trouble", text


def test_a_claim_in_other_words_is_checked_by_meaning(ctx: Context) -> None:
    for text in (
        "did crew-13 break a speed record getting there",
        "was crew-13 the quickest ride up",
        "did crew-13 get there quickly",
    ):
        first = lead(ctx, text)
        assert first.startswith("Yes"), (text, first)
        assert "fastest US trip" in first, (text, first)


def test_a_claim_no_own_sentence_makes_is_not_a_yes(ctx: Context) -> None:
    for text in ("did crew-12 break a speed record", "is ng-23 the biggest cygnus"):
        first = lead(ctx, text)
        assert first.startswith("Not known"), (text, first)
    first = lead(ctx, "was crew-12 the first crew flight off slc-40?")
    assert first.startswith("Not known"), first
