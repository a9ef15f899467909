"""Comparisons no table row holds: a shared pad or rocket, a stay against its plan."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import lead


def test_the_same_pad_of_two_flights(ctx: Context) -> None:
    for q in (
        "did NG-23 and CRS-33 go from the same pad",
        "same launch site for ng-23 and crs-33?",
    ):
        text = lead(ctx, q)
        assert text.startswith("Yes: NG-23 and CRS-33 share one pad, Cape Canaveral SLC-40"), q
    text = lead(ctx, "were crs-33 and ng-23 launched from different pads")
    assert text.startswith("No: CRS-33 and NG-23 share one pad"), text
    text = lead(ctx, "did ng-24 fly from the same pad as soyuz ms-28")
    assert text.startswith("No: NG-24 launched from Cape Canaveral SLC-40; Soyuz MS-28"), text


def test_a_planned_flight_is_said_to_be_planned(ctx: Context) -> None:
    text = lead(ctx, "did crew-13 and crs-35 use the same pad")
    assert "CRS-35 is planned to use Cape Canaveral SLC-40" in text
    assert "share one pad" not in text


def test_the_same_rocket_operator_and_day(ctx: Context) -> None:
    assert lead(ctx, "did NG-23 and CRS-33 use the same rocket").startswith("Yes")
    assert lead(ctx, "were ng-23 and crs-33 run by the same company").startswith("No")
    text = lead(ctx, "did crs-33 and ng-23 launch on the same day")
    assert text.startswith("No: CRS-33 launched on 24 August 2025; NG-23"), text


def test_without_same_the_flights_are_answered_each(ctx: Context) -> None:
    text = lead(ctx, "when did NG-23 and CRS-33 launch")
    assert "14 September 2025" in text
    assert "24 August 2025" in text
    assert not text.startswith(("Yes", "No"))


def test_a_stay_against_its_plan(ctx: Context) -> None:
    text = lead(ctx, "did crs-33 stay longer than planned")
    assert text.startswith("Yes: CRS-33 stayed 185 days"), text
    assert "usual month" in text
    text = lead(ctx, "was ng-23 docked longer than expected")
    assert text.startswith("No: NG-23 stayed 175 days"), text
    assert "about as long as Cygnus's usual stay" in text


def test_the_missing_half_of_a_plan_comparison_is_named(ctx: Context) -> None:
    text = lead(ctx, "did progress ms-31 stay as long as planned")
    assert text.startswith("Not known"), text
    assert "167 days" in text
    assert "stay is not known" in text


def test_how_long_without_a_plan_is_unchanged(ctx: Context) -> None:
    assert lead(ctx, "how long did crs-33 stay").startswith("CRS-33 stayed about 185 days")
