"""How long a flight lasted, derived from its recorded dates, and flights compared on it."""

from __future__ import annotations

from commands.context import Context
from commands.router import answer
from tests.commands.conftest import TODAY, lead


def test_a_flight_lasts_from_launch_to_landing(ctx: Context) -> None:
    for q in ("how long was crew-12 up there in space", "crew-12 mission duration?"):
        text = lead(ctx, q)
        assert text.startswith("Crew-12 lasted 237 days"), q
        assert "derived" in text
    assert lead(ctx, "how many days did crew-11 spend in orbit").startswith("Crew-11 lasted 167")


def test_a_flight_with_no_recorded_end_says_so(ctx: Context) -> None:
    text = lead(ctx, "how long has crew-13 been in space")
    assert "at least" in text
    assert "no return recorded" in text
    assert "about 241 days" in lead(ctx, "how long was soyuz ms-28's flight")


def test_two_flights_compared_on_length(ctx: Context) -> None:
    text = lead(ctx, "crew-11 or crew-12: which one was in space longer?")
    assert text.startswith("Crew-12 was the longer flight: 237 days, against Crew-11's 167")
    text = lead(ctx, "was soyuz ms-28 shorter or crew-12")
    assert text.startswith("Crew-12 was the shorter flight")


def test_two_flights_compared_on_a_cargo_class(ctx: Context) -> None:
    text = lead(ctx, "did progress ms-32 or ms-31 carry more propellant")
    assert text.startswith("Progress MS-31 carried more propellant: 950 kg")
    text = lead(ctx, "which brought less fuel, progress ms-31 or progress ms-32?")
    assert text.startswith("Progress MS-32 carried less propellant: 870 kg")


def test_a_second_flight_named_short_is_of_the_first_ones_family(ctx: Context) -> None:
    text = lead(ctx, "did soyuz ms-27 or ms-28 spend longer in space")
    assert text.startswith("Soyuz MS-27 was the longer flight: 245 days")
    text = lead(ctx, "which had more propellant aboard, progress ms-29 or ms-28?")
    assert text.startswith("Progress MS-28 carried more propellant")


def test_a_bare_number_after_a_flight_names_its_sibling(ctx: Context) -> None:
    text = lead(ctx, "ng-23 vs 24: which one stayed docked longer?")
    assert text.startswith("NG-24 was the longer stay: 179 days, against NG-23's 175 days")
    text = lead(ctx, "was crs-34 or 33 up there longer")
    assert text.startswith("CRS-33 was the longer")


def test_a_remembered_flight_is_compared_with_a_new_one(ctx: Context) -> None:
    from commands.conversation import Conversation

    talk = Conversation()
    answer(ctx, "how long was crew-11 in space", TODAY, talk)
    text = answer(ctx, "which was longer, it or crew-12?", TODAY, talk).text
    assert text.startswith("Crew-12 was the longer flight: 237 days, against Crew-11's 167")


def test_two_flights_compared_on_their_crews(ctx: Context) -> None:
    text = lead(ctx, "soyuz ms-28 or crew-12, which took up more astronauts?")
    assert text.startswith("Crew-12 carried more people: 4, against Soyuz MS-28's 3")
    assert "4 each" in lead(ctx, "did crew-13 or crew-12 fly more people")
