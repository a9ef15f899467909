"""A comparison answers the attribute and direction asked: cost basis, crew ties, down-mass,
reboost, docked stays with a missing docking date, and topics for things that are no records."""

from __future__ import annotations

from commands.context import Context
from commands.router import answer
from tests.commands.conftest import TODAY, lead


def test_compare_command_with_an_asked_attribute_gives_a_verdict(ctx: Context) -> None:
    for q in (
        "compare the cost per seat for starliner and crew dragon",
        "compare seat prices: crew dragon vs starliner",
    ):
        text = lead(ctx, q)
        assert text.startswith("Crew Dragon costs less per seat"), (q, text)
        assert "Starliner ~$90 million" in text, q


def test_equal_crews_are_a_tie_not_a_winner(ctx: Context) -> None:
    for q in (
        "crew dragon or starliner, which holds more astronauts",
        "how many people fit in starliner vs crew dragon",
    ):
        text = lead(ctx, q)
        assert "carry the same crew, 4 each" in text, (q, text)
        assert "up to 7" in text, q
        assert "the most crew" not in text, q


def test_return_direction_compares_down_mass(ctx: Context) -> None:
    for q in (
        "dream chaser or dragon, which one hauls more science back down",
        "which returns more stuff, dragon or dream chaser?",
    ):
        text = lead(ctx, q)
        assert text.startswith("Cargo Dragon 2 brings more back, 2,507 kg"), (q, text)
        assert "Dream Chaser's 1,750 kg" in text, q


def test_reboost_compare_says_how_each_reboosts(ctx: Context) -> None:
    for q in (
        "progress vs cargo dragon for boosting the station's orbit",
        "compare cygnus and progress at reboosting",
    ):
        text = lead(ctx, q)
        assert "can reboost the station" in text, (q, text)
        assert "Progress MS: Reboosts the station with its own thrusters" in text, q


def test_stay_compared_when_one_docking_date_is_missing(ctx: Context) -> None:
    text = lead(ctx, "crs-34 vs ng-24, which was docked longer")
    assert text.startswith("NG-24 was the longer stay: 179 days"), text
    assert "CRS-34's at most 32 days" in text
    text = lead(ctx, "which stayed at the station for less time, crs-34 or ng-24")
    assert text.startswith("CRS-34 was the shorter stay: at most 32 days"), text


def test_compare_of_contracts_falls_to_the_topic_holding_both(ctx: Context) -> None:
    for q in (
        "which contract cost more per kg, crs-2 or crs-1",
        "is crs-2 or crs-1 the better deal per kilogram?",
    ):
        reply = answer(ctx, q, TODAY)
        assert reply.kind == "answer", (q, reply.plain())
        assert "$63,000 per kg" in reply.text, q
        assert "14% more per kg" in reply.text, q
