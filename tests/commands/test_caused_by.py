"""A state claimed to be caused by a flight ("was the pad damaged by X") is checked against
the flight the record's history names, never against where X launched from."""

from __future__ import annotations

import pytest

from commands.context import Context
from tests.commands.conftest import ask, lead


@pytest.mark.parametrize(
    "q",
    [
        "was baikonur site 31 wrecked by progress ms-28?",
        "the baikonur launch pad got damaged by progress ms-28, correct?",
        "site 31/6 was broken by the progress ms-28 launch, yes?",
    ],
)
def test_the_wrong_flight_as_the_cause_is_never_yes(ctx: Context, q: str) -> None:
    first = lead(ctx, q)
    assert not first.startswith("Yes"), first
    assert "Soyuz MS-28" in first, first


def test_a_history_naming_another_flight_is_no(ctx: Context) -> None:
    first = lead(ctx, "was site 31 damaged by progress ms-28")
    assert first.startswith("No."), first
    assert "Soyuz MS-28" in first, first


@pytest.mark.parametrize(
    "q",
    ["was site 31/6 damaged by soyuz ms-28", "did the soyuz ms-28 launch damage site 31"],
)
def test_the_flight_the_history_names_as_the_cause_is_yes(ctx: Context, q: str) -> None:
    first = lead(ctx, q)
    assert first.startswith("Yes."), first


def test_where_a_flight_launched_from_is_still_checked(ctx: Context) -> None:
    first = lead(ctx, "did progress ms-28 lift off from site 31/6")
    assert first.startswith("Yes."), first
    assert ask(ctx, "did progress ms-28 launch from slc-40").text.startswith("No.")
