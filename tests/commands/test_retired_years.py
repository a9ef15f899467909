"""A retired vehicle asked of a year: Yes for the year of its last flight, No after it, not
known before it (only its last flight is recorded), and No for now."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def _lead(ctx: Context, question: str) -> str:
    return ask(ctx, question).text.split("\n\n")[0]


def test_the_year_of_its_last_flight_is_yes(ctx: Context) -> None:
    assert _lead(ctx, "did antares launch in 2023?").startswith("Yes")


def test_a_year_after_its_last_flight_is_no(ctx: Context) -> None:
    assert _lead(ctx, "did antares launch anything in 2025?").startswith("No")


def test_a_year_before_its_last_flight_is_not_known(ctx: Context) -> None:
    assert _lead(ctx, "did antares launch in 2021?").startswith("Not known")


def test_flying_now_is_no(ctx: Context) -> None:
    assert _lead(ctx, "is antares still launching").startswith("No")


def test_the_flight_its_text_calls_final_is_its_last(ctx: Context) -> None:
    assert _lead(ctx, "was ng-19 antares's final launch?").startswith("Yes")


def test_another_flight_called_its_last_is_no(ctx: Context) -> None:
    assert _lead(ctx, "was ng-17 the last antares launch").startswith("No")
