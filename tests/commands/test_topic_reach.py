"""Topic questions reach their topic whatever words they use: a barter said as a trade, a
where-question about the station's end, a named subject beating a schedule phrase, and a
planned flight whose crew is not yet public."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import answer_to, first


def test_a_seat_trade_with_a_year_inside_the_extension_is_yes(ctx: Context) -> None:
    reply = answer_to(ctx, "do roscosmos and nasa keep exchanging seats without paying in 2027")
    assert reply.title == "Seat barter and seat prices"
    text = first(ctx, "are nasa and roscosmos still trading seats without paying in 2027?")
    assert text.startswith("Yes.")


def test_a_seat_trade_past_the_extension_is_not_a_yes(ctx: Context) -> None:
    text = first(ctx, "will nasa keep trading seats with roscosmos without paying in 2029")
    assert not text.startswith("Yes")
    assert "into 2027" in text


def test_a_seat_swap_for_free_reaches_the_barter(ctx: Context) -> None:
    assert answer_to(ctx, "do nasa and roscosmos swap seats for free").title == (
        "Seat barter and seat prices"
    )


def test_a_hearsay_lead_asks_no_crew_fact(ctx: Context) -> None:
    reply = answer_to(ctx, "everybody keeps saying the iss gets dumped, where though")
    assert reply.title == "ISS end of life and deorbit"


def test_where_the_station_is_dumped_reaches_its_end_of_life(ctx: Context) -> None:
    for text in (
        "where does the iss get dumped",
        "folks are saying the iss gets dumped in the ocean, whereabouts?",
    ):
        reply = answer_to(ctx, text)
        assert reply.title == "ISS end of life and deorbit", text
        assert "Point Nemo" in reply.text


def test_a_named_topic_beats_the_going_up_schedule_phrase(ctx: Context) -> None:
    reply = answer_to(ctx, "when does ROS's first module go up")
    assert reply.title == "Russian Orbital Station (ROS)"
    assert "2027" in reply.text
    assert "2028" in reply.text


def test_an_unannounced_crew_says_so_from_its_summary(ctx: Context) -> None:
    text = first(ctx, "has axiom mission 5 announced its crew yet")
    assert text.startswith("Ax-5's crew is not recorded (its summary says not yet announced)")
    assert "VOYG-1" not in text
