"""A window that starts today asked of what already happened, a retired rocket asked about
in the present, and a departed ship 'still floating around': never a Yes for the past."""

from __future__ import annotations

import pytest

from commands.context import Context
from tests.commands.conftest import lead


@pytest.mark.parametrize(
    "q",
    [
        "will soyuz ms-29 go up before xmas",
        "is crew-13 launching by the end of the year",
        "is progress ms-33 flying before new year's",
    ],
)
def test_a_window_ahead_of_a_flight_already_flown_is_no(ctx: Context, q: str) -> None:
    first = lead(ctx, q)
    assert first.startswith("No."), first
    assert "already" in first, first


def test_the_same_window_asked_in_the_past_tense_is_yes(ctx: Context) -> None:
    assert lead(ctx, "did soyuz ms-29 launch before christmas").startswith("Yes.")


@pytest.mark.parametrize(
    "q", ["does cygnus fly on the antares rocket these days", "is cygnus launched on antares now"]
)
def test_a_retired_rocket_asked_now_is_no_and_said_as_earlier(ctx: Context, q: str) -> None:
    first = lead(ctx, q)
    assert first.startswith("No."), first
    assert "now retired" in first, first


def test_a_retired_rocket_asked_of_the_past_is_yes(ctx: Context) -> None:
    assert lead(ctx, "has cygnus ever flown on an antares").startswith("Yes.")


@pytest.mark.parametrize(
    "q", ["htv-x1 still floating around?", "is ng-24 still floatin about up there"]
)
def test_still_floating_asks_whether_it_is_still_up(ctx: Context, q: str) -> None:
    assert lead(ctx, q).startswith("No."), q


@pytest.mark.parametrize(
    "q", ["has htv-x1 burned up already or is it still in orbit", "ng-24 gone yet or still there"]
)
def test_two_alternatives_get_the_fact_without_a_bare_yes_or_no(ctx: Context, q: str) -> None:
    first = lead(ctx, q)
    assert not first.startswith(("Yes", "No")), first


def test_a_choice_between_two_named_values_still_says_no_when_neither_is_right(
    ctx: Context,
) -> None:
    assert lead(ctx, "did crs-34 launch on an antares or an atlas v").startswith("No.")
