"""Two vehicles or pads weighed on what was asked: a typical stay, which pad serves a vehicle."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import lead


def test_vehicles_compared_on_their_typical_stay(ctx: Context) -> None:
    text = lead(ctx, "cygnus vs cargo dragon: which one stays attached to the iss longer")
    assert text.startswith("Cygnus typically stays longer, ~180 days")
    assert "Cargo Dragon 2's ~30 days" in text
    text = lead(ctx, "does progress or cygnus usually stay docked longer?")
    assert "typically stay about as long" in text


def test_two_pads_compared_for_the_vehicle_named_beside_them(ctx: Context) -> None:
    for q in (
        "slc-40 versus lc-39a - which does dragon fly from these days?",
        "lc-39a or slc-40, which pad does crew dragon launch from now",
    ):
        text = lead(ctx, q)
        assert text.startswith("Cape Canaveral SLC-40 serves"), q
        assert "Kennedy LC-39A does not serve" in text, q
