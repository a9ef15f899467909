"""A comparison answers every side it names: vehicles named side by side with a measure asked
of each, a plain-word name set against another, a shared name picked by the other's kind, a
seat priced as a cost, and a choice between named pads."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import lead


def test_a_measure_asked_of_each_vehicle_answers_each(ctx: Context) -> None:
    text = lead(ctx, "crew dragon vs soyuz: seats on each?")
    assert text.startswith("Crew Dragon carries the most crew, 4 (up to 7 at most)"), text
    assert "Soyuz MS 3" in text, text
    text = lead(ctx, "how much cargo can htv-x and dream chaser each take up")
    assert "HTV-X carries more up, 5,820 kg" in text, text
    assert "Dream Chaser's 5,500 kg" in text, text
    text = lead(ctx, "how long do cygnus and htv-x each stay at the station")
    assert "Cygnus ~180 days" in text, text
    assert "HTV-X ~180 days" in text, text


def test_a_crew_compared_with_a_cargo_ship_says_which_carries_one(ctx: Context) -> None:
    text = lead(ctx, "how many people can cygnus and soyuz carry")
    assert text == "Only Soyuz MS carries a crew, 3.", text


def test_a_plain_word_name_set_against_another_is_the_vehicle(ctx: Context) -> None:
    for q in (
        "how long is a cygnus docked compared to a progress",
        "is htv-x docked for longer than the progress",
    ):
        text = lead(ctx, q)
        assert "Progress MS" in text, (q, text)
        assert "~180 days" in text, (q, text)


def test_a_shared_name_is_the_one_of_the_other_sides_kind(ctx: Context) -> None:
    text = lead(ctx, "does the dragon stay docked longer than a cygnus")
    assert text.startswith("No. Cygnus typically stays longer, ~180 days"), text
    assert "Cargo Dragon 2's ~30 days" in text, text


def test_a_priced_seat_is_a_cost_not_the_crew_size(ctx: Context) -> None:
    text = lead(ctx, "how much is one seat on crew dragon")
    assert text.startswith("Crew Dragon costs ~$55 million (estimate) per seat"), text
    text = lead(ctx, "what would a seat on soyuz set nasa back in dollars")
    assert "~$86 million" in text, text
    assert "crew of" not in text, text
    text = lead(ctx, "starliner and soyuz, what does a seat cost on each")
    assert "Starliner ~$90 million" in text, text
    assert "~$86 million" in text, text
    assert lead(ctx, "how many seats on starliner").startswith("Starliner carries a crew of 4")


def test_a_clipped_cygnus_against_its_earlier_versions(ctx: Context) -> None:
    text = lead(ctx, "how much does a cyg carry compared to older versions")
    assert text.startswith("Cygnus carries up to 5,000 kg"), text
    assert "Enhanced 3,500 kg" in text, text
    assert "Standard 2,000 kg" in text, text


def test_a_choice_between_named_pads_answers_both(ctx: Context) -> None:
    text = lead(ctx, "which site does soyuz go from, site 1 or site 31")
    assert "Baikonur Site 31/6 serves Soyuz MS" in text, text
    assert "Baikonur Site 1/5 does not serve Soyuz MS" in text, text


def test_a_spacecraft_beside_rockets_is_no_comparison(ctx: Context) -> None:
    text = lead(ctx, "which rocket flies cygnus now, antares or falcon 9")
    assert text.startswith("Cygnus launches on Falcon 9"), text
