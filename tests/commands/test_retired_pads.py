"""A spacecraft's pad that only its retired rockets used is said as earlier: "does it still
fly from there" is No; the past keeps it."""

from __future__ import annotations

from commands.context import Context
from tests.commands.conftest import ask


def _lead(ctx: Context, question: str) -> str:
    return ask(ctx, question).text.split("\n\n")[0]


def test_a_pad_only_a_retired_rocket_used_is_no_now(ctx: Context) -> None:
    lead = _lead(ctx, "is cygnus still going up from wallops pad 0a")
    assert lead.startswith("No"), lead
    assert "SLC-40" in lead
    assert "Antares" in lead


def test_the_current_pad_is_yes(ctx: Context) -> None:
    assert _lead(ctx, "does cygnus launch from cape canaveral slc-40").startswith("Yes")


def test_the_past_keeps_the_old_pad(ctx: Context) -> None:
    assert _lead(ctx, "did cygnus ever go up from wallops").startswith("Yes")


def test_a_pad_whose_record_no_longer_lists_the_ship_is_earlier(ctx: Context) -> None:
    lead = _lead(ctx, "are crew dragons still going up from lc-39a?")
    assert lead.startswith("No"), lead
    assert "no longer used" in lead


def test_the_pads_asked_now_leave_out_a_pad_no_longer_used(ctx: Context) -> None:
    lead = _lead(ctx, "what launch pad does crew dragon use now")
    assert "SLC-40" in lead
    assert "39A" not in lead, lead
