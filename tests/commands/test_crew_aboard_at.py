"""How many people were aboard at a moment the question names: when a flight left or
arrived, or when an expedition began (the station's crew history at that date)."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import lead


def test_people_aboard_after_a_flight_left(ctx: Context) -> None:
    for q in (
        "how many astronauts stayed aboard once crew-11 went home",
        "after crew-11 departed, how many people were left on the iss?",
    ):
        text = lead(ctx, q)
        assert text.startswith("3 people were aboard the International Space Station"), (q, text)
        assert "15 January 2026 until 14 February 2026" in text, q


def test_people_aboard_when_a_flight_arrived_or_just_before_it_left(ctx: Context) -> None:
    text = lead(ctx, "how many people were on the iss when crew-12 docked")
    assert text.startswith("7 people were aboard"), text
    assert "from 14 February 2026" in text
    text = lead(ctx, "how many crew were on the station just before crew-12 left")
    assert text.startswith("7 people were aboard"), text


def test_people_aboard_when_an_expedition_began(ctx: Context) -> None:
    for q in (
        "how many people aboard at the start of expedition 75",
        "expedition 75 began with how many crew?",
    ):
        text = lead(ctx, q)
        assert text.startswith("7 people were aboard the International Space Station when "), (
            q,
            text,
        )
        assert "Meir, Menon, Dubrov" in text, q


def test_a_flight_crew_count_is_still_the_flight(ctx: Context) -> None:
    text = lead(ctx, "how many people flew on crew-11")
    assert text.startswith("Crew-11 carried"), text
