"""A rank of a kind ("the first crewed launch from a pad", "the last cargo launch") and what a
cargo flight brought back: the record's own sentence, the flights of that kind, else not
recorded, never the first or last of another kind."""

from __future__ import annotations

import re

from commands.context import Context
from tests.commands.conftest import first


def test_first_crewed_launch_from_a_pad_comes_from_its_history(ctx: Context) -> None:
    for q in (
        "when did astronauts first fly from pad 40",
        "slc-40 first crewed launch?",
        "which was the first launch with humans aboard from SLC-40",
    ):
        text = first(ctx, q)
        assert "Crew-9" in text, q
        assert "Kuiper" not in text, q


def test_first_of_a_kind_is_filtered_not_any_launch(ctx: Context) -> None:
    text = first(ctx, "earliest cargo launch out of slc-40")
    assert "not recorded" in text
    assert "CRS-33" in text
    assert "Kuiper" not in text


def test_a_narrower_first_is_not_the_first_asked(ctx: Context) -> None:
    # "the first Cygnus XL" does not answer the first Cygnus from the pad
    text = first(ctx, "when was cygnus first launched from slc-40")
    assert text.startswith("Cape Canaveral SLC-40's first Cygnus launch is not recorded")


def test_first_of_a_kind_never_recorded_is_said_so(ctx: Context) -> None:
    text = first(ctx, "when did wallops first launch astronauts")
    assert "first crewed launch is not recorded" in text
    assert not re.search(r"\bNG-\d+\b", text.split("\n")[0])


def test_last_of_a_kind_from_a_pad(ctx: Context) -> None:
    text = first(ctx, "most recent cargo launch from LC-39A")
    assert "latest cargo launch" in text
    assert "CRS-32" in text
    assert "Crew-11" not in text.split("\n")[0]


def test_first_vehicle_flight_on_a_named_rocket(ctx: Context) -> None:
    text = first(ctx, "first time cygnus flew on a falcon 9?")
    assert "Cygnus flight on Falcon 9 is not recorded" in text
    assert "NG-23" in text


def test_return_cargo_not_recorded_says_the_capacity_and_landing(ctx: Context) -> None:
    text = first(ctx, "what stuff did crs-33 bring back down")
    assert text.startswith("What CRS-33 brought back is not recorded")
    assert "can bring back" in text
    assert "splashed down on 27 February 2026" in text


def test_a_ship_that_burns_up_brings_nothing_home(ctx: Context) -> None:
    text = first(ctx, "did progress ms-33 bring any cargo home")
    assert text.startswith("No.")
    assert "burns up" in text
    text = first(ctx, "what did ng-23 bring back to the ground")
    assert "brought no cargo back" in text


def test_returned_load_recorded_leads(ctx: Context) -> None:
    assert "MISSE-20" in first(ctx, "what did crs-32 bring back with it")
