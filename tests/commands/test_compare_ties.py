"""Comparisons: equal values, or ranges that overlap, are a tie, never a winner."""

from __future__ import annotations

from commands.compare import ranked, tie_line
from commands.context import Context
from tests.commands.conftest import lead


def test_equal_cargo_is_a_tie_whichever_way_asked(ctx: Context) -> None:
    for q in (
        "which hauled more propellant, progress ms-31 or progress ms-28",
        "progress ms-28 or progress ms-31: which brought less fuel?",
    ):
        text = lead(ctx, q)
        assert text.startswith("A tie:"), text
        assert "950 kg each" in text


def test_a_real_difference_still_has_a_winner(ctx: Context) -> None:
    text = lead(ctx, "which carried more propellant, progress ms-28 or progress ms-33")
    assert text.startswith("Progress MS-28 carried more propellant"), text


def test_overlapping_ranges_are_no_winner() -> None:
    order, clear = ranked([((750.0, 950.0), "a"), ((900.0, 900.0), "b")])
    assert not clear
    order, clear = ranked([((750.0, 950.0), "a"), ((1000.0, 1200.0), "b")])
    assert clear
    assert order[0][1] == "b"
    order, clear = ranked([((750.0, 950.0), "a"), ((1000.0, 1200.0), "b")], less=True)
    assert clear
    assert order[0][1] == "a"
    order, clear = ranked([((2500.0, float("inf")), "a"), ((3000.0, 3000.0), "b")])
    assert not clear  # "at least 2,500 kg" may be more than 3,000 kg


def test_a_tie_is_said_as_one() -> None:
    assert tie_line([("A", "5 t"), ("B", "5 t")], "mass").startswith("A tie: A and B")
    assert "overlap" in tie_line([("A", "4-6 t"), ("B", "5 t")], "mass")


def test_is_x_more_than_y_follows_the_verdict(ctx: Context) -> None:
    assert lead(ctx, "did progress ms-28 haul more propellant than progress ms-31").startswith(
        "No. A tie:"
    )
    assert lead(ctx, "did progress ms-28 bring more fuel than progress ms-33").startswith("Yes.")
    assert lead(ctx, "did progress ms-33 bring more fuel than progress ms-28").startswith("No.")
    assert lead(ctx, "did progress ms-33 bring less fuel than progress ms-28").startswith("Yes.")
    assert lead(ctx, "does cargo dragon carry more than cygnus").startswith("No.")
    assert lead(ctx, "is soyuz cheaper than crew dragon").startswith("No.")


def test_a_shared_first_place_among_three_is_no_single_winner(ctx: Context) -> None:
    text = lead(ctx, "how many crew can each take: soyuz ms vs crew dragon vs starliner")
    assert "carry the most crew, 4 each" in text, text
    assert "Crew Dragon carries the most" not in text, text
    assert "Soyuz MS 3" in text, text
